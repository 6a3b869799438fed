# Regenerates the Kaplan-Meier reference fixture used by KaplanMeierMatchesRTest.
#   Rscript src/test/r/km_fixture.R      (from the project folder; needs r-base-core, r-cran-survival)
# Writes src/test/resources/fixtures/km/km_input.csv (the data) and km_expected.csv (survfit's
# estimates at 1, 3 and 5 years, days_per_year = 365.25, for conf.type log-log, log and plain).
suppressPackageStartupMessages(library(survival))
set.seed(20261123)
out <- "src/test/resources/fixtures/km"
days_per_year <- 365.25

make_group <- function(name, n, rate, max_follow) {
  death <- floor(rexp(n, rate))
  censor <- floor(runif(n, 0, max_follow))
  time <- pmin(death, censor)
  status <- as.integer(death <= censor)
  # ties and same-day deaths (time 0) are part of what must match
  time[seq(1, n, by = 25)] <- 0L
  status[seq(1, n, by = 25)] <- 1L
  data.frame(group = name, time_days = as.integer(time), event = status)
}
d <- rbind(make_group("A", 180, 1 / 900, 2600),
           make_group("B", 90, 1 / 2500, 2400),
           make_group("C", 40, 1 / 700, 1000))   # follow-up ends before 3 years: not estimable there
write.csv(d, file.path(out, "km_input.csv"), row.names = FALSE, quote = FALSE)

horizons <- c(1, 3, 5)
rows <- list()
for (ct in c("log-log", "log", "plain")) {
  fit <- survfit(Surv(time_days, event) ~ group, data = d, conf.type = ct)
  for (g in c("A", "B", "C")) {
    sub <- fit[paste0("group=", g)]
    s <- summary(sub, times = horizons * days_per_year, extend = FALSE)
    k <- length(s$time)
    rows[[length(rows) + 1]] <- data.frame(
      group = g, conf_type = ct, horizon_years = horizons[seq_len(k)],
      surv = s$surv, std_err = s$std.err, lower = s$lower, upper = s$upper,
      n_events = cumsum(s$n.event), n_risk = s$n.risk)
  }
}
expected <- do.call(rbind, rows)
write.csv(expected, file.path(out, "km_expected.csv"), row.names = FALSE, quote = FALSE, na = "NA")
cat(sprintf("R %s, survival %s: wrote %d input rows, %d expected rows\n",
            getRversion(), packageVersion("survival"), nrow(d), nrow(expected)))

# Period (Brenner) approach: follow-up left-truncated at a window start. survfit with
# Surv(entry, exit, event) counts a tumour at risk on (entry, exit].
# Writes km_period_input.csv and km_period_expected.csv.
n <- 250
exit_day <- pmax(1L, as.integer(floor(rexp(n, 1 / 1400))))
censor <- as.integer(floor(runif(n, 1, 2400)))
event <- as.integer(exit_day <= censor)
exit_day <- pmin(exit_day, censor)
entry <- ifelse(runif(n) < 0.5, 0L, as.integer(floor(runif(n, 0, 900))))
keep <- exit_day > entry
p <- data.frame(group = "P", entry_days = entry[keep], time_days = exit_day[keep], event = event[keep])
write.csv(p, file.path(out, "km_period_input.csv"), row.names = FALSE, quote = FALSE)
fit <- survfit(Surv(entry_days, time_days, event) ~ 1, data = p, conf.type = "log-log")
s <- summary(fit, times = horizons * days_per_year, extend = FALSE)
pe <- data.frame(group = "P", conf_type = "log-log", horizon_years = horizons[seq_along(s$time)],
                 surv = s$surv, std_err = s$std.err, lower = s$lower, upper = s$upper,
                 n_events = cumsum(s$n.event), n_risk = s$n.risk)
write.csv(pe, file.path(out, "km_period_expected.csv"), row.names = FALSE, quote = FALSE, na = "NA")
cat(sprintf("period fixture: %d tumours, %d expected rows\n", nrow(p), nrow(pe)))
