#!/usr/bin/env bash
# Shared by the jobs/ launchers: finds Java 17 and Maven (installing them with apt when missing),
# builds the project when sources changed, and runs the CLI with Spark's JVM flags.
set -euo pipefail
ONCO_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

onco_log() { echo "[oncoindicators] $*" >&2; }

onco_require_tools() {
  if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "17'; then
    JAVA_HOME=""
    for d in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 /usr/lib/jvm/*-17*; do
      if [ -x "$d/bin/javac" ]; then JAVA_HOME="$d"; break; fi
    done
  fi
  if [ -z "$JAVA_HOME" ] || ! command -v mvn >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      onco_log "installing Java 17 and Maven with apt"
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven >&2
      JAVA_HOME=/usr/lib/jvm/$(ls /usr/lib/jvm | grep -m1 -- '-17-')
    else
      onco_log "Java 17 (JDK) and Maven 3.8+ are required: install them (e.g. apt-get install openjdk-17-jdk-headless maven)"
      exit 1
    fi
  fi
  export JAVA_HOME
}

# The browser and Jupyter the tests drive (the report in headless Chromium, the notebooks with nbconvert):
# Debian packages, installed when missing and allowed (root with apt); otherwise those tests say what is missing.
onco_require_test_tools() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
  [ -x /usr/bin/jupyter ] && /usr/bin/python3 -c "import nbclient, ipykernel, matplotlib" 2>/dev/null \
    || missing+=(jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client python3-nbformat python3-matplotlib)
  if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    onco_log "installing ${missing[*]} with apt (for the report and notebook tests)"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >&2
  fi
}

onco_build_if_needed() {
  local stamp="$ONCO_HOME/target/.built"
  if [ ! -f "$stamp" ] || [ ! -f "$ONCO_HOME/target/classpath.txt" ] \
     || [ -n "$(find "$ONCO_HOME/pom.xml" "$ONCO_HOME/src/main" -newer "$stamp" -print -quit)" ]; then
    onco_log "building (mvn package, tests not compiled)"
    (cd "$ONCO_HOME" && mvn -B -q -Dstyle.color=never -Dmaven.test.skip=true package >&2)
    touch "$stamp"
  fi
}

onco_run() {
  onco_require_tools
  onco_build_if_needed
  local version
  version="$(git -C "$ONCO_HOME" rev-parse --short HEAD 2>/dev/null || echo dev)"
  # shellcheck disable=SC2046
  # ONCO_JVM_FLAGS: extra JVM flags of one launcher (jobs/query: C1 only, see there)
  exec "$JAVA_HOME/bin/java" -Xmx"${ONCO_DRIVER_MEMORY:-4g}" ${ONCO_JVM_FLAGS:-} $(cat "$ONCO_HOME/target/module-flags.txt") \
    -Dlog4j2.configurationFile="$ONCO_HOME/conf/log4j2.properties" \
    -Doncoindicators.home="$ONCO_HOME" -Doncoindicators.code.version="$version" \
    -cp "$ONCO_HOME/target/classes:$(cat "$ONCO_HOME/target/classpath.txt")" \
    org.oncoindicators.cli.OncoIndicators "$@"
}
