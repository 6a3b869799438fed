#!/usr/bin/env Rscript
# Benchmark R relsurv::rs.surv (pohar-perme, ederer2) per cancer group.
#   Rscript bench/relsurv_bench.R TUMOURS.csv LIFETABLE.csv OUT.csv [FRACTION] [SEED]
# TUMOURS.csv : tumor_id,cancer_group,sex,age_at_diagnosis,diagnosis_date,time_days,event
# LIFETABLE.csv: year,age,sex,qx   (qx = 1 at the open age; converted to daily hazard
#                -ln(1-qx)/365.25, open age gets the hazard of the age below)
# OUT.csv     : cancer_group,method,horizon_years,estimate,std_err,n_patients,seconds
# Optional FRACTION (0<f<=1) fits a random stratified sample of each group (for timing runs).
# Ratetable built as in src/test/r/relsurv_fixture.R (365.25-day convention).
suppressPackageStartupMessages({
  library(survival)
  library(relsurv)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) stop("usage: Rscript bench/relsurv_bench.R TUMOURS.csv LIFETABLE.csv OUT.csv [FRACTION] [SEED]")
tum_path <- args[1]; lt_path <- args[2]; out_path <- args[3]
fraction <- if (length(args) >= 4) as.numeric(args[4]) else 1
seed <- if (length(args) >= 5) as.integer(args[5]) else 1L
groups_only <- Sys.getenv("BENCH_GROUPS", "")      # optional comma-separated group filter

days_per_year <- 365.25
origin <- as.Date("1960-01-01")
horizons <- c(1, 3, 5)
hdays <- horizons * days_per_year
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

## ------------------------------------------------------------------ life table -> ratetable
lt <- read.csv(lt_path, colClasses = c(year = "integer", age = "integer", sex = "character",
                                       qx = "numeric"))
ages <- sort(unique(lt$age)); years <- sort(unique(lt$year)); sexes <- c("M", "F")
stopifnot(identical(ages, 0:100), all(lt$sex %in% sexes))
lt$haz <- -log(1 - lt$qx) / days_per_year
haz <- array(NA_real_, dim = c(length(ages), length(years), 2),
             dimnames = list(age = as.character(ages), year = as.character(years),
                             sex = c("male", "female")))
haz[cbind(lt$age + 1, match(lt$year, years), match(lt$sex, sexes))] <- lt$haz
# open age (qx = 1 -> infinite hazard): use the hazard of the age below
for (yi in seq_along(years)) for (si in 1:2) for (ai in seq_along(ages)) {
  if (!is.finite(haz[ai, yi, si])) {
    stopifnot(ai > 1, is.finite(haz[ai - 1, yi, si]))
    haz[ai, yi, si] <- haz[ai - 1, yi, si]
  }
}
stopifnot(!anyNA(haz), all(is.finite(haz)))
age_cuts <- ages * days_per_year
year_cuts <- as.numeric(as.Date(sprintf("%d-01-01", years)) - origin)
rt <- haz
attributes(rt) <- list(
  dim = dim(haz), dimnames = dimnames(haz), dimid = c("age", "year", "sex"),
  factor = c(0, 0, 1), type = c(2, 3, 1),
  cutpoints = list(age_cuts, date::as.date(year_cuts), NULL),
  class = "ratetable")
stopifnot(is.ratetable(rt, verbose = FALSE))

## ------------------------------------------------------------------------------- tumours
d <- read.csv(tum_path, colClasses = c(tumor_id = "character", cancer_group = "character",
                                       sex = "character", age_at_diagnosis = "numeric",
                                       diagnosis_date = "Date", time_days = "integer",
                                       event = "integer"))
n_total <- nrow(d)
n_zero <- sum(d$time_days == 0)
d <- d[d$time_days > 0, ]
d$age_days <- d$age_at_diagnosis * days_per_year
d$sex_rt <- factor(ifelse(d$sex == "M", "male", "female"), levels = c("male", "female"))
stopifnot(all(d$sex %in% sexes))
groups <- sort(unique(d$cancer_group))
if (nzchar(groups_only)) groups <- intersect(groups, strsplit(groups_only, ",")[[1]])
if (fraction < 1) {
  set.seed(seed)
  d <- do.call(rbind, lapply(split(d, d$cancer_group), function(g)
    g[sort(sample.int(nrow(g), max(1L, round(fraction * nrow(g))))), ]))
}
cat(sprintf("%s; survival %s; relsurv %s\n", R.version.string, packageVersion("survival"),
            packageVersion("relsurv")))
cat(sprintf("tumours read: %d; time_days = 0 dropped: %d; groups: %d; fraction: %g\n",
            n_total, n_zero, length(groups), fraction))

## ---------------------------------------------------------------------------------- fits
methods <- c("pohar-perme", "ederer2")
rows <- list(); totals <- setNames(numeric(length(methods)), methods); n_fitted <- 0L
for (g in groups) {
  sub <- d[d$cancer_group == g, ]
  n_fitted <- n_fitted + nrow(sub)
  for (m in methods) {
    fit <- NULL
    tm <- system.time(
      fit <- rs.surv(Surv(time_days, event) ~ 1, data = sub, ratetable = rt, method = m,
                     rmap = list(age = age_days, sex = sex_rt, year = diagnosis_date))
    )[["elapsed"]]
    totals[m] <- totals[m] + tm
    s <- summary(fit, times = hdays)               # extend = FALSE: horizons past follow-up dropped
    k <- length(s$time)
    est <- rep(NA_real_, length(horizons)); se <- est
    est[seq_len(k)] <- s$surv; se[seq_len(k)] <- s$std.err   # survival-scale SE
    rows[[length(rows) + 1]] <- data.frame(cancer_group = g, method = m, horizon_years = horizons,
                                           estimate = fmt(est), std_err = fmt(se),
                                           n_patients = fit$n, seconds = sprintf("%.3f", tm))
    cat(sprintf("  %-22s %-11s n=%6d  %8.2f s\n", g, m, fit$n, tm))
    flush.console()
  }
}
out <- do.call(rbind, rows)
write.csv(out, out_path, row.names = FALSE, quote = FALSE)
cat(sprintf("TOTAL pohar-perme seconds: %.2f\n", totals["pohar-perme"]))
cat(sprintf("TOTAL ederer2 seconds: %.2f\n", totals["ederer2"]))
cat(sprintf("tumours: %d (read %d, time_days=0 dropped %d, fitted %d)\n",
            n_fitted, n_total, n_zero, n_fitted))
