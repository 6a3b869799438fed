# Conventions shared by the case-mix GLM fixture scripts (glm_fixture.R, glm_separation_fixture.R),
# sourced by both from the project folder. Uses the caller's globals `out` (fixture folder),
# `ctrl` (glm.control of the tight fits), and for the simulation `centers`, `center_n` (units per
# centre), `stage_prob` and `centre_effect` (the centres' true log-odds / log-hazard shifts).
fmt <- function(x) sprintf("%.17g", x)

age_levels <- c("15-44", "45-54", "55-64", "65-74", "75+")
stage_levels <- c("localized", "regional", "distant", "unknown")

sim_covariates <- function() {
  n <- sum(center_n)
  data.frame(
    center_id = rep(centers, center_n),
    age_group = sample(age_levels, n, replace = TRUE, prob = c(0.08, 0.12, 0.22, 0.33, 0.25)),
    sex = sample(c("M", "F"), n, replace = TRUE, prob = c(0.6, 0.4)),
    stage = sample(stage_levels, n, replace = TRUE, prob = stage_prob),
    charlson = sample(0:6, n, replace = TRUE,
                      prob = c(0.60, 0.20, 0.10, 0.05, 0.03, 0.015, 0.005)),
    diagnosis_year = sample(2016:2025, n, replace = TRUE),
    stringsAsFactors = FALSE)
}

# linear predictor shared (with different scales) by the two outcome models; centre not in model
true_lp <- function(d) {
  unname(c("15-44" = -0.9, "45-54" = -0.5, "55-64" = -0.2, "65-74" = 0, "75+" = 0.6)[d$age_group]) +
    0.2 * (d$sex == "M") +
    unname(c(localized = 0, regional = 0.6, distant = 1.6, unknown = 0.8)[d$stage]) +
    0.3 * pmin(d$charlson, 4) -
    0.03 * (d$diagnosis_year - 2025) +
    unname(centre_effect[d$center_id])
}

# ---------------------------------------------------------------------------------------------
# Model conventions
# ---------------------------------------------------------------------------------------------
charlson_group <- function(x) ifelse(x >= 3, "3+", as.character(x))

# reference = most frequent level; ties -> first in C-locale order; other levels in C order
ref_factor <- function(x) {
  lv <- sort(unique(x), method = "radix")
  counts <- vapply(lv, function(l) sum(x == l), numeric(1))
  ref <- lv[which(counts == max(counts))[1]]
  factor(x, levels = c(ref, setdiff(lv, ref)))
}

covariate_frame <- function(u) {
  data.frame(age_group = ref_factor(u$age_group),
             sex = ref_factor(u$sex),
             stage = ref_factor(u$stage),
             charlson = ref_factor(charlson_group(u$charlson)),
             diagnosis_year = u$diagnosis_year - 2025)
}

# map R's coefficient names (factor name pasted to level) to "name=level"
term_names <- function(fit, frame, factors) {
  r_names <- names(coef(fit))
  out_names <- r_names
  for (f in factors) {
    lv <- levels(frame[[f]])
    idx <- match(paste0(f, lv[-1]), r_names)
    stopifnot(!anyNA(idx))
    out_names[idx] <- paste0(f, "=", lv[-1])
  }
  out_names
}

write_coefficients <- function(fit, frame, factors, file) {
  stopifnot(fit$converged, !anyNA(coef(fit)))
  s <- summary(fit)$coefficients
  stopifnot(identical(rownames(s), names(coef(fit))))
  tab <- data.frame(term = term_names(fit, frame, factors),
                    coefficient = fmt(s[, "Estimate"]), std_error = fmt(s[, "Std. Error"]))
  write.csv(tab, file.path(out, file), row.names = FALSE, quote = FALSE)
  invisible(tab)
}

write_measures <- function(measures, file) {
  tab <- data.frame(measure = names(measures),
                    value = vapply(measures, function(v)
                      if (is.integer(v)) as.character(v) else fmt(v), character(1)))
  write.csv(tab, file.path(out, file), row.names = FALSE, quote = FALSE)
  invisible(tab)
}

model_factors <- c("age_group", "sex", "stage", "charlson")

# R's summary.glm standard errors come from the weights of the LAST IRLS iteration, i.e. the
# weights at the previous iterate, not at the final coefficients: with the default epsilon (1e-8)
# that leaves them ~1e-4 away from the converged (Fisher information at beta-hat) values, and
# ~1e-8 with epsilon 1e-12. So: fit from R's default start with epsilon 1e-12, then refit from
# the converged coefficients; the refit's IRLS weights are those at beta-hat and its standard
# errors equal sqrt(diag((X'WX)^-1)) at beta-hat (checked below). "iterations" is the count of
# the first fit (from R's default start).
glm_tight <- function(formula, family, data) {
  family <- family()
  f1 <- eval(bquote(glm(.(formula), family = family, data = data, control = ctrl)))
  f2 <- eval(bquote(glm(.(formula), family = family, data = data, control = ctrl,
                        start = .(coef(f1)))))
  stopifnot(f1$converged, f2$converged, max(abs(coef(f1) - coef(f2))) < 1e-10)
  X <- model.matrix(f2)
  w <- f2$prior.weights * family$mu.eta(f2$linear.predictors)^2 / family$variance(fitted(f2))
  se_exact <- sqrt(diag(solve(crossprod(X * sqrt(w)))))
  stopifnot(max(abs(summary(f2)$coefficients[, "Std. Error"] - se_exact)) < 1e-10)
  f2$iter_from_default_start <- f1$iter
  f2$se_gap_first_fit <- max(abs(summary(f1)$coefficients[, "Std. Error"] - se_exact))
  f2
}
