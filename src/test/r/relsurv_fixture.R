# Regenerates the relative / net survival reference fixture (relsurv::rs.surv, methods
# "ederer2" and "pohar-perme") that the pipeline's relative-survival code is checked against.
#
#   Rscript src/test/r/relsurv_fixture.R      (from the project folder; needs r-base-core,
#                                               r-cran-survival, r-cran-relsurv; < 1 minute)
#
# Deterministic (set.seed). Writes to src/test/resources/fixtures/relsurv/:
#   lifetable.csv  year,age,sex,haz_per_day   -- Slovenian slopop hazards (periods 2002-2019,
#                  ages 0-103, M/F) copied verbatim from
#                  ../shared/reference/lifetable_si_relsurv_slopop.csv (pipeline contract form)
#   tumours.csv    tumor_id,sex,age_at_diagnosis,diagnosis_date,time_days,event,age_group
#   expected.csv   rs.surv at 1/3/5 years (horizon = years * 365.25 days), overall (age_group
#                  "all") and per ICSS broad age group, both methods
#   curve.csv      every time point rs.surv reports for the two overall fits
# and prints checks: ratetable cells vs the CSV (survexp and two hand computations), an
# independent R re-implementation of rs.surv's C code vs rs.surv, and rs.surv with the shipped
# relsurv::slopop object vs the ratetable rebuilt here (the 365.241-day convention residual).
# See docs/relsurv-algorithm.md for what rs.surv computes and for every convention used here.
suppressPackageStartupMessages({
  library(survival)
  library(relsurv)
})
set.seed(20261124)
out <- "src/test/resources/fixtures/relsurv"
ref <- "../shared/reference/lifetable_si_relsurv_slopop.csv"
if (!file.exists(ref)) ref <- "/work/shared/reference/lifetable_si_relsurv_slopop.csv"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
days_per_year <- 365.25                 # the pipeline's single day-count constant
origin <- as.Date("1960-01-01")         # ratetable calendar origin: day 0 = 1960-01-01
horizons <- c(1, 3, 5)
hdays <- horizons * days_per_year       # 365.25, 1095.75, 1826.25
cat(sprintf("%s; survival %s; relsurv %s; date %s\n", R.version.string,
            packageVersion("survival"), packageVersion("relsurv"), packageVersion("date")))
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.15g", x))

## ---------------------------------------------------------------- life table (contract form)
src <- read.csv(ref, colClasses = "character")
periods <- 2002:2019                     # cover 2005-2019 follow-up, plus 3 earlier periods
lt <- src[as.integer(src$period_start_year) %in% periods,
          c("period_start_year", "age", "sex", "haz_per_day")]
names(lt)[1] <- "year"
lt <- lt[order(as.integer(lt$year), lt$sex != "M", as.integer(lt$age)), ]
writeLines(c("year,age,sex,haz_per_day",
             paste(lt$year, lt$age, lt$sex, lt$haz_per_day, sep = ",")),
           file.path(out, "lifetable.csv"))
lt <- read.csv(file.path(out, "lifetable.csv"))   # use exactly what the pipeline will parse

## ------------------------------------------- ratetable rebuilt FROM that CSV (365.25 convention)
ages <- sort(unique(lt$age)); years <- sort(unique(lt$year)); sexes <- c("M", "F")
stopifnot(identical(ages, 0:103), identical(years, periods))
haz <- array(NA_real_, dim = c(length(ages), length(years), 2),
             dimnames = list(age = as.character(ages), year = as.character(years),
                             sex = c("male", "female")))
haz[cbind(lt$age + 1, match(lt$year, years), match(lt$sex, sexes))] <- lt$haz_per_day
stopifnot(!anyNA(haz))
age_cuts <- ages * days_per_year                                   # age a starts at a*365.25 d
year_cuts <- as.numeric(as.Date(sprintf("%d-01-01", years)) - origin)  # 1 Jan, days since 1960
rt <- haz
attributes(rt) <- list(
  dim = dim(haz), dimnames = dimnames(haz), dimid = c("age", "year", "sex"),
  factor = c(0, 0, 1), type = c(2, 3, 1),
  cutpoints = list(age_cuts, date::as.date(year_cuts), NULL),   # 'date' = days since 1960-01-01
  class = "ratetable")
stopifnot(is.ratetable(rt, verbose = FALSE))

# Cell of one follow-up day, exactly as relsurv's C function pystep2 picks it: the last
# cutpoint <= value (values below the first cut use the first cell, above the last the last).
cell <- function(value, cuts) pmax(1L, findInterval(value, cuts))
haz_lookup <- function(age_days, year_days, sexi) {
  haz[cbind(cell(age_days, age_cuts), cell(year_days, year_cuts), sexi)]
}

## ----------------------------------------------------------------- synthetic tumours
n <- 600
sex <- sample(sexes, n, replace = TRUE)
age <- round(runif(n, 30, 95), 3)
dx <- as.Date("2005-01-01") + sample(0:as.integer(as.Date("2014-12-31") - as.Date("2005-01-01")),
                                     n, replace = TRUE)
admin <- as.integer(as.Date("2019-12-31") - dx)                    # administrative censoring
lfu <- ifelse(runif(n) < 0.15, floor(runif(n, 1, admin + 1)), Inf) # random loss to follow-up
excess_per_day <- 0.10 * exp(0.025 * (age - 60)) / days_per_year   # exponential excess hazard
sexi <- match(sex, sexes)
age_d <- age * days_per_year
dx_d <- as.numeric(dx - origin)
target <- rexp(n)                                                  # death when cum. hazard >= target
death <- rep(Inf, n); cum <- numeric(n)
for (k in 0:max(admin)) {                                          # day k covers (k, k+1]
  alive <- which(is.infinite(death) & k < admin)
  if (!length(alive)) break
  cum[alive] <- cum[alive] + haz_lookup(age_d[alive] + k, dx_d[alive] + k, sexi[alive]) +
    excess_per_day[alive]
  died <- alive[cum[alive] >= target[alive]]
  death[died] <- k + 1
}
time <- pmin(death, admin, lfu)
event <- as.integer(death <= pmin(admin, lfu))
day0 <- c(17, 133, 301, 452, 577)                                  # deaths on the day of diagnosis
time[day0] <- 0; event[day0] <- 1L
age_group <- as.character(cut(floor(age), c(14, 44, 54, 64, 74, Inf),
                              labels = c("15-44", "45-54", "55-64", "65-74", "75+")))
tum <- data.frame(tumor_id = sprintf("T%04d", 1:n), sex = sex, age_at_diagnosis = sprintf("%.3f", age),
                  diagnosis_date = format(dx), time_days = as.integer(time), event = event,
                  age_group = age_group)
write.csv(tum, file.path(out, "tumours.csv"), row.names = FALSE, quote = FALSE)

## re-read: R uses exactly the values the pipeline parses
d <- read.csv(file.path(out, "tumours.csv"), colClasses = c(diagnosis_date = "Date"))
d$age_days <- d$age_at_diagnosis * days_per_year
d$sex_rt <- factor(ifelse(d$sex == "M", "male", "female"), levels = c("male", "female"))
cat(sprintf("tumours: %d, deaths %d (on day 0: %d), censored %d; by age group: %s\n", nrow(d),
            sum(d$event), sum(d$time_days == 0), sum(d$event == 0),
            paste(names(table(d$age_group)), table(d$age_group), sep = "=", collapse = " ")))

fit_rs <- function(data, method, ratetable = rt, ...) {
  rs.surv(Surv(time_days, event) ~ 1, data = data, ratetable = ratetable, method = method,
          rmap = list(age = age_days, sex = sex_rt, year = diagnosis_date), ...)
}

## ------------------------------------------------------------------------------ fits
methods <- c("ederer2", "pohar-perme")
groups <- c("all", "15-44", "45-54", "55-64", "65-74", "75+")
rows <- list(); fits_all <- list()
for (m in methods) for (g in groups) {
  sub <- if (g == "all") d else d[d$age_group == g, ]
  fit <- fit_rs(sub, m)
  if (g == "all") fits_all[[m]] <- fit
  s <- summary(fit, times = hdays, extend = FALSE)           # value at last reported time <= h
  k <- length(s$time)
  used <- sapply(s$time, function(h) max(c(0, fit$time[fit$time <= h])))
  raw <- c(0, fit$std.err)[match(used, c(0, fit$time))]
  est_h <- se_h <- rep(NA_real_, k)
  if (m == "pohar-perme") {                                   # add.times is honoured only for PP
    fa <- fit_rs(sub, m, add.times = hdays)
    ia <- match(hdays[seq_len(k)], fa$time)
    est_h <- fa$surv[ia]; se_h <- fa$std.err[ia] * fa$surv[ia]
  }
  rows[[length(rows) + 1]] <- data.frame(
    method = m, age_group = g, horizon_years = horizons[seq_len(k)], estimate = s$surv,
    std_err = s$std.err, lower = s$lower, upper = s$upper, n_risk = s$n.risk, time_used = used,
    std_err_raw = raw, estimate_at_h = est_h, std_err_at_h = se_h)
}
expected <- do.call(rbind, rows)
ex <- expected
for (v in c("estimate", "std_err", "lower", "upper", "std_err_raw", "estimate_at_h", "std_err_at_h"))
  ex[[v]] <- fmt(ex[[v]])
write.csv(ex, file.path(out, "expected.csv"), row.names = FALSE, quote = FALSE)

curve <- do.call(rbind, lapply(methods, function(m) {
  f <- fits_all[[m]]
  data.frame(method = m, time = f$time, estimate = fmt(f$surv), std_err_raw = fmt(f$std.err),
             n_risk = f$n.risk, n_event = f$n.event)
}))
stopifnot(nrow(curve) < 3000)                                # no subsampling needed
write.csv(curve, file.path(out, "curve.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("wrote lifetable.csv (%d rows), tumours.csv (%d), expected.csv (%d), curve.csv (%d)\n",
            nrow(lt), nrow(tum), nrow(expected), nrow(curve)))
print(expected[expected$age_group == "all", c("method", "horizon_years", "estimate", "std_err",
                                              "n_risk", "time_used", "estimate_at_h")], digits = 6)

## ------------------------------------------- check 1: ratetable cells vs the CSV, per patient
# (a) survexp (exact cell crossing) vs an exact hand integration from the CSV;
# (b) the daily-held hand computation exp(-sum_k haz(age0+k, date0+k)) that rs.surv uses.
exact_hand <- function(a0, y0, si, t) {
  br <- sort(unique(c(0, t, (age_cuts - a0)[age_cuts - a0 > 0 & age_cuts - a0 < t],
                      (year_cuts - y0)[year_cuts - y0 > 0 & year_cuts - y0 < t])))
  exp(-sum(haz_lookup(a0 + head(br, -1), y0 + head(br, -1), si) * diff(br)))
}
daily_hand <- function(a0, y0, si, t) exp(-sum(haz_lookup(a0 + 0:(t - 1), y0 + 0:(t - 1), si)))
chk <- d[d$time_days > 0, ][c(1, 50, 100, 150, 200, 250), ]
se <- survexp(time_days ~ 1, data = chk, ratetable = rt, method = "individual.s",
              rmap = list(age = age_days, sex = sex_rt, year = diagnosis_date))
sx <- match(chk$sex, sexes); y0 <- as.numeric(chk$diagnosis_date - origin)
ex_h <- mapply(exact_hand, chk$age_days, y0, sx, chk$time_days)
dy_h <- mapply(daily_hand, chk$age_days, y0, sx, chk$time_days)
cat(sprintf("check 1: survexp vs exact hand integration from the CSV: max |diff| = %.2e\n",
            max(abs(se - ex_h))))
cat(sprintf("         daily-held (rs.surv) vs exact cell crossing:    max |diff| = %.2e\n",
            max(abs(dy_h - ex_h))))

## ----------------------- check 2: independent R re-implementation of rs.surv (netfastpinter2)
reimpl <- function(data, method, add_times = NULL, prec = 1) {
  data <- data[data$time_days > 0, ]                         # rformulate drops Y <= start (=0)
  y <- data$time_days; st <- data$event
  a0 <- data$age_days; y0 <- as.numeric(data$diagnosis_date - origin); sx <- match(data$sex, sexes)
  tis <- sort(unique(y))
  if (!is.null(add_times)) tis <- sort(union(y, pmin(add_times, max(y))))
  si <- rep(1, length(y)); prev <- 0
  haz_inc <- var_inc <- nr <- numeric(length(tis))
  for (j in seq_along(tis)) {
    R <- which(y >= tis[j]); len <- tis[j] - prev; ft <- 0
    A <- B <- A2 <- B2 <- fint <- H <- 0
    while (ft < len) {
      h <- min(prec, len - ft); s0 <- prev + ft
      lam <- haz_lookup(a0[R] + s0, y0[R] + s0, sx[R])
      S1 <- si[R] * exp(-h * lam)
      A <- A + sum(lam / si[R]); B <- B + sum(1 / si[R])
      A2 <- A2 + sum(lam / S1); B2 <- B2 + sum(1 / S1)
      fint <- fint + (A / B / 2 + A2 / B2 / 2) * h
      H <- H + sum(h * lam)
      si[R] <- S1; ft <- ft + h
    }
    D <- R[y[R] == tis[j] & st[R] == 1]
    nr[j] <- length(R)
    if (method == "ederer2") {
      haz_inc[j] <- (length(D) - H) / length(R)
      var_inc[j] <- length(D) / length(R)^2
    } else {
      w <- 1 / si[R]; wd <- 1 / si[D]
      haz_inc[j] <- sum(wd) / sum(w) - fint
      var_inc[j] <- sum(wd^2) / sum(w)^2
    }
    prev <- tis[j]
  }
  list(time = tis, surv = cumprod(1 - haz_inc), std.err = sqrt(cumsum(var_inc)), n.risk = nr)
}
for (m in methods) {
  f <- fits_all[[m]]; r <- reimpl(d, m)
  stopifnot(identical(as.numeric(f$time), as.numeric(r$time)), all(f$n.risk == r$n.risk))
  cat(sprintf("check 2: %-11s re-implementation vs rs.surv: max |dS| = %.1e, max |dSE| = %.1e\n",
              m, max(abs(f$surv - r$surv)), max(abs(f$std.err - r$std.err))))
}
fa <- fit_rs(d, "pohar-perme", add.times = hdays); ra <- reimpl(d, "pohar-perme", add_times = hdays)
cat(sprintf("         pohar-perme with add.times: max |dS| = %.1e\n", max(abs(fa$surv - ra$surv))))
ga <- d[d$age_group == "75+", ]
for (m in methods) {
  f <- fit_rs(ga, m); r <- reimpl(ga, m)
  cat(sprintf("         %-11s age group 75+: max |dS| = %.1e\n", m, max(abs(f$surv - r$surv))))
}

## ------------------- check 3: shipped relsurv::slopop (365.241-day ages) vs the rebuilt table
cat("check 3: rs.surv(ratetable = slopop) - rs.surv(ratetable = rebuilt), overall, at horizons:\n")
for (m in methods) {
  s1 <- summary(fit_rs(d, m, ratetable = slopop), times = hdays)$surv
  s2 <- summary(fits_all[[m]], times = hdays)$surv
  cat(sprintf("         %-11s %s\n", m, paste(sprintf("%+.2e", s1 - s2), collapse = "  ")))
}
