#!/usr/bin/env bash
# The docs/BENCHMARKS.md matrix: every configuration once, each run printing its report and a markdown row.
# Usage (from the repository root, after ./mvnw -B -o -q -DskipTests package):  bench/scripts/run-matrix.sh [outfile]
set -u
out=${1:-bench-matrix-$(date +%Y%m%d-%H%M%S).txt}
jar=bench/target/quantum-bench.jar
# Measure the daemons as deployed: the JVM options between `java` and `-jar` in each systemd unit's ExecStart.
unit_opts() {
  sed -n 's|^ExecStart=/usr/bin/java \(.*\) -jar .*|\1|p' "deploy/systemd/$1" | tr ' ' '\n' | sed '/^$/d;s/^/--daemon-jvm-opt=/'
}
mapfile -t gov_opts < <(unit_opts quantum-governor.service)
mapfile -t heat_opts < <(unit_opts quantum-portfolio-heat-gate.service)
run() {
  local opts=()
  case "$1" in governor) opts=("${gov_opts[@]}") ;; heatgate) opts=("${heat_opts[@]}") ;; esac
  echo "### $* ${opts[*]}" | tee -a "$out"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
  java -jar "$jar" "$@" "${opts[@]}" --markdown 2>&1 | tee -a "$out"
  echo "exit: ${PIPESTATUS[0]}" | tee -a "$out"
}
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "jdk: $(java -version 2>&1 | head -1)"
  echo "redis: $(redis-server --version)"
} | tee -a "$out"
run governor --rate 0    --count 30000
run governor --rate 1000 --count 60000
run governor --rate 10   --count 600 --warmup 2000
run governor --rate 0    --count 30000 --instances 3
run governor --rate 0    --count 30000 --exchange-latency-ms 50
run governor --rate 1000 --count 30000 --exchange-latency-ms 50
run heatgate --rate 0    --count 30000
run heatgate --rate 1000 --count 30000
run heatgate --rate 0    --count 30000 --instances 3
echo "results in $out"
