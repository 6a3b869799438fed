# Regenerates the QUASI-COMPLETE SEPARATION reference fixtures for the case-mix GLMs: one factor
# level in which no unit has the event (its coefficient is -infinity at the MLE). The Java code
# "fits out" that level: it fits the model on the units of the other levels only (the level is
# dropped from the design, the REFERENCE LEVELS stay those of the FULL data) and gives the
# separated units fitted value 0. These fixtures show that this is the limit of R's glm on all
# units (expected_limit vs expected_glm, coefficients of the common terms, LR statistic).
#
#   Rscript src/test/r/glm_separation_fixture.R      (from the project folder; needs r-base-core,
#                                                      r-cran-survival; a few seconds)
#
# Generated with R 4.2.2 Patched (2022-11-10 r83330) and survival 3.5.3 (survival is used only
# for the survSplit cross-check of the hand-made piecewise-exponential split).
# Deterministic (set.seed(20261202)). Writes to src/test/resources/fixtures/glm/:
#   separated_binary_units.csv, separated_binary_coefficients.csv,
#   separated_binary_expected.csv, separated_binary_summary.csv
#   separated_survival_units.csv, separated_survival_coefficients.csv,
#   separated_survival_expected.csv, separated_survival_summary.csv   (see README.md there)
# Data sets:
#   * binary: 2000 units, centres C1..C6; every unit with stage "unknown" (~8%, not the most
#     frequent stage) has event = 0 (forced after the Bernoulli draw);
#   * survival: 2000 units, horizon 1 year (cuts 0, 0.25, 0.5, 1); every unit of age_group
#     "15-44" that died within the first year (time_days <= 365, i.e. t <= 1 year) is turned
#     into a censoring at that same time (event = 0, time_days unchanged), so age_group "15-44"
#     has person-time but no death within the horizon. Deaths after 1 year are left as they are.
# Conventions (shared with the Java code and with glm_fixture.R; both source glm_helpers.R):
#   * factors age_group, sex, stage, charlson (0,1,2,3+); reference = most frequent level of the
#     FULL data set (ties: first in C-locale sort), determined on the unit-level rows for the
#     survival model; the separated-level fit ("subset fit") keeps these references, relevels
#     explicitly, and uses the levels present in the subset only (the separated level dropped);
#   * diagnosis_year enters as numeric (diagnosis_year - 2025);
#   * survival: days per year 365.25, time_days 0 -> 0.5 day of exposure (event kept), follow-up
#     truncated at the horizon, intervals (a,b], interval reference always the first, "0-0.25";
#   * term names "(Intercept)", "name=level", "diagnosis_year"; doubles written with %.17g;
#   * the subset fit uses glm_tight (epsilon 1e-12, then a refit from the converged coefficients
#     so that the SEs are those at beta-hat); the "plain" full-data glm uses R's default
#     glm.control (epsilon 1e-8, maxit 25) and includes the separated level.
suppressPackageStartupMessages(library(survival))
invisible(Sys.setlocale("LC_COLLATE", "C"))
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(20261202)

out <- "src/test/resources/fixtures/glm"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
days_per_year <- 365.25
ctrl <- glm.control(epsilon = 1e-12, maxit = 100)

# ---------------------------------------------------------------------------------------------
# Simulation of unit-level covariates (as glm_fixture.R, 6 centres, 2000 units)
# ---------------------------------------------------------------------------------------------
centers <- paste0("C", 1:6)
center_n <- c(620, 460, 370, 280, 170, 100)                    # sums to 2000
stage_prob <- c(0.45, 0.28, 0.19, 0.08)
centre_effect <- c(C1 = 0, C2 = 0, C3 = 0.6, C4 = 0, C5 = -0.5, C6 = 0)

source(file.path("src", "test", "r", "glm_helpers.R"))  # model conventions, writers, glm_tight

# subset of a full-data covariate frame: keep the FULL-data reference (explicit relevel) and the
# full-data order of the other levels, but only the levels present in the subset
subset_frame <- function(frame, keep, factors) {
  sub <- frame[keep, , drop = FALSE]
  for (f in factors) {
    full_lv <- levels(frame[[f]])
    present <- full_lv[full_lv %in% as.character(sub[[f]])]
    stopifnot(full_lv[1] %in% present)                  # the reference must not be separated
    sub[[f]] <- relevel(factor(as.character(sub[[f]]), levels = present), ref = full_lv[1])
    stopifnot(identical(levels(sub[[f]]), present))
  }
  sub
}

# glm with the given control, collecting (not printing) its warnings
glm_quiet <- function(formula, family, data, control = glm.control()) {
  warns <- character(0)
  fit <- withCallingHandlers(
    eval(bquote(glm(.(formula), family = family, data = data, control = .(control)))),
    warning = function(w) {
      warns <<- c(warns, conditionMessage(w))
      invokeRestart("muffleWarning")
    })
  fit$warnings <- warns
  fit
}

# the plain full-data glm vs the subset fit: common terms (all terms of the subset fit)
compare_fits <- function(plain, plain_frame, subset_fit, subset_frame, factors) {
  pn <- term_names(plain, plain_frame, factors)
  sn <- term_names(subset_fit, subset_frame, factors)
  idx <- match(sn, pn)
  stopifnot(!anyNA(idx), length(pn) == length(sn) + 1)
  list(max_diff = max(abs(coef(plain)[idx] - coef(subset_fit))),
       separated = setdiff(pn, sn), separated_coef = unname(coef(plain)[-idx]))
}

form_bin <- event ~ age_group + sex + stage + charlson + diagnosis_year
form_pe <- d ~ interval + age_group + sex + stage + charlson + diagnosis_year + offset(log(pt))

# ---------------------------------------------------------------------------------------------
# (a) Binary (logistic): stage "unknown" has no event
# ---------------------------------------------------------------------------------------------
bin <- sim_covariates()
lp <- true_lp(bin)
is_unknown <- bin$stage == "unknown"
# overall event rate ~10% after the events of stage "unknown" are removed
b0 <- uniroot(function(b) mean(plogis(b + lp) * !is_unknown) - 0.10, c(-10, 5), tol = 1e-12)$root
bin$event <- rbinom(nrow(bin), 1, plogis(b0 + lp))
bin$event[is_unknown] <- 0L
write.csv(bin, file.path(out, "separated_binary_units.csv"), row.names = FALSE, quote = FALSE)

bframe <- covariate_frame(bin)                     # FULL-data references
bframe$event <- bin$event
stopifnot(levels(bframe$stage)[1] != "unknown", sum(bin$event[is_unknown]) == 0)

bsub <- subset_frame(bframe, !is_unknown, model_factors)
stopifnot(!("unknown" %in% levels(bsub$stage)))
bfit <- glm_tight(form_bin, family = binomial, data = bsub)
bcoef <- write_coefficients(bfit, bsub, model_factors, "separated_binary_coefficients.csv")

# plain glm (R's default control) on ALL units, stage "unknown" included
bplain <- glm_quiet(form_bin, family = binomial(), data = bframe)
# the same with epsilon 1e-12 (console report only: runs the separated coefficient further out)
bplain_tight <- glm_quiet(form_bin, family = binomial(), data = bframe, control = ctrl)
bcmp <- compare_fits(bplain, bframe, bfit, bsub, model_factors)
bcmp_tight <- compare_fits(bplain_tight, bframe, bfit, bsub, model_factors)
stopifnot(bcmp$separated == "stage=unknown")

p_limit <- numeric(nrow(bin))
p_limit[!is_unknown] <- fitted(bfit)
p_glm <- fitted(bplain)
# the separated units contribute 0 to the deviance in the limit
lr_b_limit <- bplain$null.deviance - deviance(bfit)
lr_b_glm <- bplain$null.deviance - deviance(bplain)

write_measures(list(n = nrow(bin), events = sum(bin$event),
                    iterations = bfit$iter_from_default_start,
                    deviance = deviance(bfit), null_deviance = bplain$null.deviance,
                    lr_statistic = lr_b_limit,
                    glm_iterations = bplain$iter,
                    glm_coefficient_stage_unknown = bcmp$separated_coef,
                    glm_max_abs_coefficient_difference = bcmp$max_diff,
                    glm_deviance = deviance(bplain),
                    glm_lr_statistic = lr_b_glm),
               "separated_binary_summary.csv")

bexp <- do.call(rbind, lapply(c(centers, "ALL"), function(cc) {
  sel <- if (cc == "ALL") rep(TRUE, nrow(bin)) else bin$center_id == cc
  data.frame(center_id = cc, n = sum(sel), observed = sum(bin$event[sel]),
             expected_limit = fmt(sum(p_limit[sel])), expected_glm = fmt(sum(p_glm[sel])),
             stringsAsFactors = FALSE)
}))
write.csv(bexp, file.path(out, "separated_binary_expected.csv"), row.names = FALSE, quote = FALSE)
# for the logit link with an intercept, sum of fitted = observed (score equation)
stopifnot(abs(sum(p_limit) - sum(bin$event)) < 1e-8)

# ---------------------------------------------------------------------------------------------
# (b) Piecewise-exponential Poisson, horizon 1 year: age_group "15-44" has no death in year 1
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

young <- surv$age_group == "15-44"
# same-day deaths: make exactly 5 (time 0, event 1) in total, none in age_group 15-44
n_zero <- sum(surv$time_days == 0 & surv$event == 1 & !young)
if (n_zero < 5) {
  cand <- which(!(surv$time_days == 0 & surv$event == 1) & !young)
  pick <- cand[sort(sample.int(length(cand), 5 - n_zero))]
  surv$time_days[pick] <- 0L
  surv$event[pick] <- 1L
}
# separation: deaths of age 15-44 within the first year (t <= 1) become censorings at that time
young_deaths_y1 <- sum(young & surv$event == 1 & surv$time_days <= 365)
surv$event[young & surv$time_days <= 365] <- 0L
surv <- surv[, c("center_id", "age_group", "sex", "stage", "charlson", "diagnosis_year",
                 "time_days", "event")]
write.csv(surv, file.path(out, "separated_survival_units.csv"), row.names = FALSE, quote = FALSE)

# covariate frame (reference levels) on the UNIT-level rows of the FULL data
sframe_units <- covariate_frame(surv)
stopifnot(levels(sframe_units$age_group)[1] != "15-44")

h <- 1
cuts <- c(0, 0.25, 0.5, 1)
t <- ifelse(surv$time_days == 0, 0.5, surv$time_days) / days_per_year
th <- pmin(t, h)
ev <- surv$event == 1 & t <= h
stopifnot(sum(ev[young]) == 0, sum(th[young]) > 0)
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
df$interval <- factor(labels[sp$k], levels = labels)       # reference: first interval
df$pt <- sp$pt
df$d <- sp$d
row_young <- young[sp$unit]

sdf <- subset_frame(df, !row_young, model_factors)
stopifnot(!("15-44" %in% levels(sdf$age_group)), identical(levels(sdf$interval), labels))
sfit <- glm_tight(form_pe, family = poisson, data = sdf)
scoef <- write_coefficients(sfit, sdf, c("interval", model_factors),
                            "separated_survival_coefficients.csv")

splain <- glm_quiet(form_pe, family = poisson(), data = df)
splain_tight <- glm_quiet(form_pe, family = poisson(), data = df, control = ctrl)
scmp <- compare_fits(splain, df, sfit, sdf, c("interval", model_factors))
scmp_tight <- compare_fits(splain_tight, df, sfit, sdf, c("interval", model_factors))
stopifnot(scmp$separated == "age_group=15-44")

mu_limit <- numeric(nrow(sp))
mu_limit[!row_young] <- fitted(sfit)
mu_glm <- fitted(splain)
# null deviance (intercept + offset model) of the FULL split rows; separated rows: 0 deviance
lr_s_limit <- splain$null.deviance - deviance(sfit)
lr_s_glm <- splain$null.deviance - deviance(splain)

write_measures(list(n = n, events = sum(ev), person_years = sum(sp$pt),
                    iterations = sfit$iter_from_default_start,
                    deviance = deviance(sfit), null_deviance = splain$null.deviance,
                    lr_statistic = lr_s_limit,
                    glm_iterations = splain$iter,
                    glm_coefficient_age_group_15_44 = scmp$separated_coef,
                    glm_max_abs_coefficient_difference = scmp$max_diff,
                    glm_deviance = deviance(splain),
                    glm_lr_statistic = lr_s_glm),
               "separated_survival_summary.csv")

sexp <- do.call(rbind, lapply(c(centers, "ALL"), function(cc) {
  su <- if (cc == "ALL") rep(TRUE, n) else surv$center_id == cc
  sr <- su[sp$unit]
  data.frame(center_id = cc, n = sum(su), observed = sum(ev[su]),
             expected_limit = fmt(sum(mu_limit[sr])), expected_glm = fmt(sum(mu_glm[sr])),
             stringsAsFactors = FALSE)
}))
write.csv(sexp, file.path(out, "separated_survival_expected.csv"), row.names = FALSE, quote = FALSE)
stopifnot(abs(sum(mu_limit) - sum(ev)) < 1e-8)

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
refs <- function(fr) vapply(model_factors, function(f) levels(fr[[f]])[1], character(1))
report <- function(tag, units, events, fit, plain, plain_tight, cmp, cmp_tight, expd,
                   lr_limit, lr_glm, frame) {
  cat(sprintf("%s: units = %d, events = %d; subset fit iter = %d, converged = %s, rows = %d\n",
              tag, units, events, fit$iter_from_default_start, fit$converged, nrow(fit$model)))
  cat("  reference levels (full data):",
      paste(model_factors, refs(frame), sep = "=", collapse = ", "), "\n")
  cat("  terms:", paste(term_names(fit, fit$model, intersect(c("interval", model_factors),
                                                              names(fit$model))),
                        collapse = " | "), "\n")
  cat(sprintf("  plain glm (default control): iter = %d, converged = %s, %s = %.6f, warnings: %s\n",
              plain$iter, plain$converged, cmp$separated, cmp$separated_coef,
              if (length(plain$warnings)) paste(unique(plain$warnings), collapse = "; ") else "none"))
  cat(sprintf("  max |coef(plain) - coef(subset)| (common terms) = %.3g\n", cmp$max_diff))
  cat(sprintf("  glm eps 1e-12: iter = %d, converged = %s, separated coef = %.6f, max |coef diff| = %.3g\n",
              plain_tight$iter, plain_tight$converged, cmp_tight$separated_coef, cmp_tight$max_diff))
  el <- as.numeric(expd$expected_limit); eg <- as.numeric(expd$expected_glm)
  cat(sprintf("  max |expected_limit - expected_glm| = %.3g (max relative %.3g)\n",
              max(abs(el - eg)), max(abs(el - eg) / el)))
  cat(sprintf("  LR: limit = %.10f, plain glm = %.10f, difference = %.3g\n",
              lr_limit, lr_glm, lr_limit - lr_glm))
}
report("binary", nrow(bin), sum(bin$event), bfit, bplain, bplain_tight, bcmp, bcmp_tight, bexp,
       lr_b_limit, lr_b_glm, bframe)
cat(sprintf("  stage counts: %s; event rate = %.4f\n",
            paste(names(table(bin$stage)), table(bin$stage), sep = "=", collapse = ", "),
            mean(bin$event)))
report("survival h1", n, sum(ev), sfit, splain, splain_tight, scmp, scmp_tight, sexp,
       lr_s_limit, lr_s_glm, sframe_units)
cat(sprintf("  age 15-44: units = %d, deaths in year 1 turned into censorings = %d, person-years = %.2f; same-day deaths = %d; person_years total = %.2f\n",
            sum(young), young_deaths_y1, sum(th[young]),
            sum(surv$time_days == 0 & surv$event == 1), sum(sp$pt)))
