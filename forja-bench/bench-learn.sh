#!/usr/bin/env bash
# Learning benchmarks (issue 4): tree-ensemble batch scoring vs XGBoost4J's own predict, XGBoost
# training through Forja vs XGBoost4J directly, and forest fitting times, each in one JMH run.
# Usage: forja-bench/bench-learn.sh [JMH benchmark regex, default all three] [extra JMH args]
# Data is generated in memory with fixed seeds. Run on a quiet machine: XGBoost's OpenMP threads slow
# down many times over when other processes compete for the cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -B -pl forja-bench -am package -DskipTests
cp="forja-bench/target/classes:forja-bench/target/lib/*"
pattern=${1:-"TreeScoringBenchmark|XGBoostTrainingBenchmark|ForestTrainingBenchmark"}
shift || true
out="forja-bench/target/learn-bench.json"
java -cp "$cp" org.openjdk.jmh.Main "$pattern" -rf json -rff "$out" "$@"
java -cp "$cp" dev.forja.bench.learn.LearnBenchReport "$out"
