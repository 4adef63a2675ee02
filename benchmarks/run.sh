#!/usr/bin/env bash
# Runs the JMH suite with fixed JVM flags and prints one table of events/s.
#
#   bash benchmarks/run.sh            full run (-f 1 -wi 3 -i 5, 2 s iterations): the README's table
#   bash benchmarks/run.sh --smoke    every benchmark once, seconds per benchmark (CI: compiles and runs; no timing is checked)
#   bash benchmarks/run.sh --guard    the CI guard (Guard): allocation, index counters and same-JVM ratios against the
#                                     budgets of benchmarks/guard-baseline.tsv; prints its table, exits 1 on a regression
#   bash benchmarks/run.sh --guard --update   the same, then rewrites the baselines and budgets (margins kept)
#   bash benchmarks/run.sh [--smoke] REGEX [JMH OPTIONS...]   a subset, e.g. ManySubscriptionsBenchmark -p size=10000
#
# Builds benchmarks/target/benchmarks.jar first when it is missing (a reactor package of the modules it needs).
# Results: benchmarks/target/jmh-result.csv (JMH's CSV) and the table on standard output; a run of the
# whole suite (no REGEX) also measures the retained heap of a 10,000-subscription set (RetainedHeap).
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
guard=false
if [[ "${1:-}" == "--guard" ]]; then
  guard=true
  shift
fi
if [[ "${1:-}" == "--smoke" ]]; then
  smoke=true
  shift
fi

jar=benchmarks/target/benchmarks.jar
if [[ ! -f "$jar" ]]; then
  mvn_cmd=./mvnw
  [[ -x "$mvn_cmd" ]] || mvn_cmd=mvn
  "$mvn_cmd" -q -pl benchmarks -am package -DskipTests
fi

# Fixed JVM flags: same heap, GC and compiler for every fork, every run.
jvm_flags="-Xms2g -Xmx2g -XX:+UseParallelGC -XX:+AlwaysPreTouch"

if $guard; then
  # one JVM (-f 0 inside): the ratios compare paths timed in the same JVM, minutes in all
  java -version 2>&1 | head -1
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  exec java $jvm_flags -cp "$jar" dev.subfilter.bench.Guard benchmarks/guard-baseline.tsv "$@"
fi

result=benchmarks/target/jmh-result.csv
java -version 2>&1 | head -1
if $smoke; then
  # in one JVM (no fork), no warmup, one 100 ms iteration: checks that every benchmark's @Setup
  # (which compares the engines event by event) and body run; its numbers mean nothing
  # shellcheck disable=SC2086
  java $jvm_flags -jar "$jar" -f 0 -wi 0 -i 1 -r 100ms -foe true -rf csv -rff "$result" "$@"
else
  java -jar "$jar" -f 1 -wi 3 -w 2s -i 5 -r 2s -foe true -jvmArgs "$jvm_flags" -rf csv -rff "$result" "$@"
fi

# retained heap is a size, not a rate: measured outside JMH (full collections before and after building the set)
heap_table=""
if [[ $# -eq 0 ]]; then
  # shellcheck disable=SC2086
  heap_table=$(java $jvm_flags -cp "$jar" dev.subfilter.bench.RetainedHeap 10000)
fi
# the two ratios nearest their targets again, in thread CPU time (less disturbed by a noisy machine); full runs only
cpu_table=""
if [[ $# -eq 0 ]] && ! $smoke; then
  # shellcheck disable=SC2086
  cpu_table=$(java $jvm_flags -cp "$jar" dev.subfilter.bench.CpuTime)
fi

echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)$($smoke && echo ', SMOKE RUN: numbers mean nothing')"
echo "| benchmark | size | score | unit |"
echo "|---|---|---|---|"
tr -d '\r' < "$result" | awk -F, '
  NR == 1 { for (i = 1; i <= NF; i++) { h = $i; gsub(/"/, "", h); col[h] = i }; next }
  { b = $col["Benchmark"]; gsub(/"/, "", b); sub(/^dev\.subfilter\.bench\./, "", b)
    p = ""; if ("Param: size" in col) { p = $col["Param: size"] }
    u = $col["Unit"]; gsub(/"/, "", u)
    printf "| %s | %s | %.0f | %s |\n", b, p, $col["Score"], u }' | LC_ALL=C sort -t'|' -k2,2 -k3,3n

# ratios (empty when a run left a benchmark out)
tr -d '\r' < "$result" | awk -F, '
  NR == 1 { for (i = 1; i <= NF; i++) { h = $i; gsub(/"/, "", h); col[h] = i }; next }
  { b = $col["Benchmark"]; gsub(/"/, "", b); sub(/^dev\.subfilter\.bench\./, "", b)
    p = ("Param: size" in col) ? $col["Param: size"] : ""
    score[b "@" p] = $col["Score"] }
  function ratio(label, a, b) { if ((a in score) && (b in score) && score[b] > 0) printf "| %s | %.2f |\n", label, score[a] / score[b] }
  END {
    print ""; print "| ratio | × |"; print "|---|---|"
    ratio("single match: compiled ÷ reference interpreter", "SingleMatchBenchmark.compiled@", "SingleMatchBenchmark.reference@")
    ratio("bytes → decision: streaming ÷ readTree + evaluate", "BytesToDecisionBenchmark.streaming@", "BytesToDecisionBenchmark.tree@")
    ratio("bytes → decision: streaming ÷ event-ruler (1 rule)", "BytesToDecisionBenchmark.streaming@", "BytesToDecisionBenchmark.eventRuler@")
    ratio("bytes → decision: streaming ÷ readTree alone", "BytesToDecisionBenchmark.streaming@", "BytesToDecisionBenchmark.readTreeOnly@")
    n = split("1 100 1000 10000", sizes, " ")
    for (i = 1; i <= n; i++) {
      z = sizes[i]
      ratio(z " subscriptions: set (streaming) ÷ naive loop", "ManySubscriptionsBenchmark.setStreaming@" z, "ManySubscriptionsBenchmark.naiveLoop@" z)
      ratio(z " subscriptions, translatable subset: set (streaming) ÷ event-ruler", "ManySubscriptionsBenchmark.setStreamingTranslatable@" z, "ManySubscriptionsBenchmark.eventRuler@" z)
      ratio(z " subscriptions: streaming ÷ tree (set)", "ManySubscriptionsBenchmark.setStreaming@" z, "ManySubscriptionsBenchmark.setTree@" z)
    }
    ratio("10,000 ÷ 100 subscriptions (set, streaming)", "ManySubscriptionsBenchmark.setStreaming@10000", "ManySubscriptionsBenchmark.setStreaming@100")
    # issue 10: the set written with the extended operators against the same set written with eq, and against event-ruler on its translatable part
    ratio("10,000 with the extended operators: set (streaming) ÷ the same set written with eq", "ExtendedOperatorsBenchmark.setStreaming@10000", "ExtendedOperatorsBenchmark.setStreamingEqTwin@10000")
    ratio("10,000 with the extended operators, translatable part: set (streaming) ÷ event-ruler", "ExtendedOperatorsBenchmark.setStreamingTranslatable@10000", "ExtendedOperatorsBenchmark.eventRuler@10000")
  }'

if [[ -n "$cpu_table" ]]; then
  echo
  echo "| in CPU time (best of 40 rounds) | subfilter per event | baseline per event | ratio |"
  echo "|---|---|---|---|"
  echo "$cpu_table"
fi

if [[ -n "$heap_table" ]]; then
  echo
  echo "| retained heap | per subscription | total |"
  echo "|---|---|---|"
  echo "$heap_table"
fi
