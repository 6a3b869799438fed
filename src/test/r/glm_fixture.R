# Regenerates the case-mix GLM reference fixtures (R glm on unit-level data) that the Spark
# GeneralizedLinearRegression fits on covariate-pattern aggregates are checked against.
#
#   Rscript src/test/r/glm_fixture.R      (from the project folder; needs r-base-core,
#                                           r-cran-survival; a few seconds)
#
# Generated with R 4.2.2 Patched (2022-11-10 r83330) and survival 3.5.3 (survival is used only
# for the survSplit cross-check of the hand-made piecewise-exponential split).
# Deterministic (set.seed(20261130)). Writes to src/test/resources/fixtures/glm/:
#   binary_units.csv, binary_coefficients.csv, binary_summary.csv, binary_expected.csv
#   survival_units.csv, survival_h{5,1}_coefficients.csv, survival_h{5,1}_summary.csv,
#   survival_h{5,1}_expected.csv                    (see README.md in that folder)
# Conventions (shared with the Java code):
#   * factors age_group, sex, stage, charlson (0,1,2,3+): levels present in the data, reference =
#     most frequent level of the data set being fitted (ties: first in C-locale sort); for the
#     survival models it is determined on the unit-level rows, not the split rows;
#   * diagnosis_year enters as numeric (diagnosis_year - 2025);
#   * survival: days per year 365.25, time_days 0 -> 0.5 day of exposure (event kept), follow-up
#     truncated at the horizon, intervals (a,b], interval reference always the first, "0-0.25";
#   * term names "(Intercept)", "name=level", "diagnosis_year"; doubles written with %.17g;
#   * glm control epsilon = 1e-12 (tighter than R's default 1e-8), then a refit started from the
#     converged coefficients so that the standard errors are those at beta-hat (see glm_tight);
#     with R's defaults the SEs would be ~1e-4 off, beyond the 1e-6 comparison tolerance.
suppressPackageStartupMessages(library(survival))
invisible(Sys.setlocale("LC_COLLATE", "C"))
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(20261130)

out <- "src/test/resources/fixtures/glm"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
days_per_year <- 365.25
ctrl <- glm.control(epsilon = 1e-12, maxit = 100)

# ---------------------------------------------------------------------------------------------
# Simulation of unit-level covariates
# ---------------------------------------------------------------------------------------------
centers <- paste0("C", 1:8)
center_n <- c(800, 620, 480, 380, 300, 230, 130, 60)          # sums to 3000
stage_prob <- c(0.45, 0.28, 0.20, 0.07)
centre_effect <- c(C1 = 0, C2 = 0, C3 = 0.6, C4 = 0, C5 = 0, C6 = 0, C7 = -0.5, C8 = 0)

source(file.path("src", "test", "r", "glm_helpers.R"))  # model conventions, writers, glm_tight

# ---------------------------------------------------------------------------------------------
# Binary (logistic) data set and model
# ---------------------------------------------------------------------------------------------
bin <- sim_covariates()
lp <- true_lp(bin)
b0 <- uniroot(function(b) mean(plogis(b + lp)) - 0.12, c(-10, 5), tol = 1e-12)$root
bin$event <- rbinom(nrow(bin), 1, plogis(b0 + lp))
write.csv(bin, file.path(out, "binary_units.csv"), row.names = FALSE, quote = FALSE)

bframe <- covariate_frame(bin)
bframe$event <- bin$event
bfit <- glm_tight(event ~ age_group + sex + stage + charlson + diagnosis_year,
                  family = binomial, data = bframe)
bfit_default <- glm(event ~ age_group + sex + stage + charlson + diagnosis_year,
                    family = binomial, data = bframe)
write_coefficients(bfit, bframe, model_factors, "binary_coefficients.csv")

p <- fitted(bfit)
auc_midrank <- function(score, y) {
  r <- rank(score, ties.method = "average")
  n1 <- sum(y == 1); n0 <- sum(y == 0)
  (sum(r[y == 1]) - n1 * (n1 + 1) / 2) / (n1 * n0)
}
auc <- auc_midrank(p, bin$event)
# brute-force check of the mid-rank formula (ties count 1/2)
pe <- p[bin$event == 1]; pn <- p[bin$event == 0]
auc_pairs <- mean(outer(pe, pn, ">") + 0.5 * outer(pe, pn, "=="))
stopifnot(abs(auc - auc_pairs) < 1e-12)

write_measures(list(n = nrow(bin), events = sum(bin$event), deviance = deviance(bfit),
                    null_deviance = bfit$null.deviance, c_statistic = auc,
                    iterations = bfit$iter_from_default_start), "binary_summary.csv")

bexp <- do.call(rbind, lapply(c(centers, "ALL"), function(cc) {
  sel <- if (cc == "ALL") rep(TRUE, nrow(bin)) else bin$center_id == cc
  data.frame(center_id = cc, n = sum(sel), observed = sum(bin$event[sel]),
             expected = fmt(sum(p[sel])))
}))
write.csv(bexp, file.path(out, "binary_expected.csv"), row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------------------------------------
# Survival data set
# ---------------------------------------------------------------------------------------------
surv <- sim_covariates()
n <- nrow(surv)
year_start <- as.Date(paste0(surv$diagnosis_year, "-01-01"))
year_len <- as.numeric(as.Date(paste0(surv$diagnosis_year, "-12-31")) - year_start) + 1
dx <- year_start + floor(runif(n) * year_len)
admin <- as.numeric(as.Date("2025-12-31") - dx)                 # days to administrative end
hazard <- 0.09 * exp(0.8 * true_lp(surv))                      # per year
death <- floor(rexp(n, hazard) * days_per_year)
loss <- ifelse(runif(n) < 0.05, floor(runif(n) * (admin + 1)), Inf)
censor <- pmin(admin, loss)
surv$time_days <- as.integer(pmin(death, censor))
surv$event <- as.integer(death <= censor)

# same-day deaths: make exactly 10 (time 0, event 1) in total
n_zero <- sum(surv$time_days == 0 & surv$event == 1)
if (n_zero < 10) {
  cand <- which(!(surv$time_days == 0 & surv$event == 1))
  pick <- cand[sort(sample.int(length(cand), 10 - n_zero))]
  surv$time_days[pick] <- 0L
  surv$event[pick] <- 1L
}
# deaths at exactly 1461 days (= 4.0 years, upper bound of interval 3-4): 4 units that were
# followed at least that long
cand <- which(admin >= 1461 & surv$time_days != 0)
pick <- cand[sort(sample.int(length(cand), 4))]
surv$time_days[pick] <- 1461L
surv$event[pick] <- 1L
surv <- surv[, c("center_id", "age_group", "sex", "stage", "charlson", "diagnosis_year",
                 "time_days", "event")]
write.csv(surv, file.path(out, "survival_units.csv"), row.names = FALSE, quote = FALSE)

# covariate frame (reference levels) on the UNIT-level rows
sframe_units <- covariate_frame(surv)

# ---------------------------------------------------------------------------------------------
# Piecewise-exponential Poisson models
# ---------------------------------------------------------------------------------------------
fit_pe <- function(h, cuts) {
  t <- ifelse(surv$time_days == 0, 0.5, surv$time_days) / days_per_year
  th <- pmin(t, h)
  ev <- surv$event == 1 & t <= h
  labels <- paste0(cuts[-length(cuts)], "-", cuts[-1])
  rows <- list()
  for (k in seq_len(length(cuts) - 1)) {
    a <- cuts[k]; b <- cuts[k + 1]
    sel <- which(th > a)
    rows[[k]] <- data.frame(unit = sel, k = k, pt = pmin(th[sel], b) - a,
                            d = as.integer(ev[sel] & t[sel] > a & t[sel] <= b))
  }
  sp <- do.call(rbind, rows)
  sp <- sp[order(sp$unit, sp$k), ]
  stopifnot(all(sp$pt > 0), sum(sp$d) == sum(ev), abs(sum(sp$pt) - sum(th)) < 1e-9)

  # cross-check against survival::survSplit on (0, th]
  ss <- survSplit(Surv(th, ev) ~ ., data = data.frame(id = seq_len(n), th = th, ev = as.integer(ev)),
                  cut = cuts[-c(1, length(cuts))], episode = "k")
  ss <- ss[order(ss$id, ss$k), ]
  stopifnot(nrow(ss) == nrow(sp), all(ss$id == sp$unit), all(ss$k == sp$k),
            all(ss$ev == sp$d), max(abs((ss$th - ss$tstart) - sp$pt)) < 1e-12)

  df <- sframe_units[sp$unit, ]
  df$interval <- factor(labels[sp$k], levels = labels)     # reference: first interval
  df$pt <- sp$pt
  df$d <- sp$d
  fit <- glm_tight(d ~ interval + age_group + sex + stage + charlson + diagnosis_year +
                     offset(log(pt)), family = poisson, data = df)
  fit_default <- glm(d ~ interval + age_group + sex + stage + charlson + diagnosis_year +
                       offset(log(pt)), family = poisson, data = df)
  tag <- paste0("survival_h", h)
  write_coefficients(fit, df, c("interval", model_factors), paste0(tag, "_coefficients.csv"))
  write_measures(list(units = n, events = sum(ev), person_years = sum(sp$pt),
                      deviance = deviance(fit), null_deviance = fit$null.deviance,
                      iterations = fit$iter_from_default_start), paste0(tag, "_summary.csv"))
  mu <- fitted(fit)
  unit_center <- surv$center_id
  rows <- lapply(c(centers, "ALL"), function(cc) {
    su <- if (cc == "ALL") rep(TRUE, n) else unit_center == cc
    sr <- su[sp$unit]
    data.frame(center_id = cc, n = sum(su), observed = sum(ev[su]),
               expected = fmt(sum(mu[sr])), person_years = fmt(sum(sp$pt[sr])))
  })
  write.csv(do.call(rbind, rows), file.path(out, paste0(tag, "_expected.csv")),
            row.names = FALSE, quote = FALSE)
  list(fit = fit, fit_default = fit_default, rows = nrow(sp), events = sum(ev),
       py = sum(sp$pt), d_by_interval = tapply(sp$d, df$interval, sum),
       pt_by_interval = tapply(sp$pt, df$interval, sum))
}

h5 <- fit_pe(5, c(0, 0.25, 0.5, 1, 2, 3, 4, 5))
h1 <- fit_pe(1, c(0, 0.25, 0.5, 1))

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
refs <- function(fr) vapply(model_factors, function(f) levels(fr[[f]])[1], character(1))
cat("binary: n =", nrow(bin), " events =", sum(bin$event),
    sprintf(" rate = %.4f", mean(bin$event)), " iter =", bfit$iter_from_default_start,
    " converged =", bfit$converged, sprintf(" AUC = %.4f", auc), "\n")
cat("binary reference levels:", paste(names(refs(bframe)), refs(bframe), sep = "=", collapse = ", "), "\n")
cat(sprintf("binary: max |coef - coef(default control)| = %.3g, max |SE - SE(default control)| = %.3g, SE gap of first eps-1e-12 fit = %.3g\n",
            max(abs(coef(bfit) - coef(bfit_default))),
            max(abs(summary(bfit)$coefficients[, 2] - summary(bfit_default)$coefficients[, 2])),
            bfit$se_gap_first_fit))
cat("survival reference levels:", paste(names(refs(sframe_units)), refs(sframe_units), sep = "=",
                                        collapse = ", "), "\n")
cat("survival: units =", n, " deaths (all follow-up) =", sum(surv$event),
    " same-day deaths =", sum(surv$time_days == 0 & surv$event == 1),
    " deaths at 1461 d =", sum(surv$time_days == 1461 & surv$event == 1),
    " time_days > 1826 =", sum(surv$time_days > 1826), "\n")
for (m in list(h5 = h5, h1 = h1)) {
  cat("  rows =", m$rows, " events =", m$events, sprintf(" py = %.2f", m$py),
      " iter =", m$fit$iter_from_default_start, " converged =", m$fit$converged,
      sprintf(" max |coef - coef(default control)| = %.3g, max |SE - SE(default control)| = %.3g, SE gap first fit = %.3g",
              max(abs(coef(m$fit) - coef(m$fit_default))),
              max(abs(summary(m$fit)$coefficients[, 2] - summary(m$fit_default)$coefficients[, 2])),
              m$fit$se_gap_first_fit), "\n")
  print(rbind(deaths = m$d_by_interval, person_years = round(m$pt_by_interval, 1)))
}
