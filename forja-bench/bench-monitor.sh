#!/usr/bin/env bash
# Monitoring benchmarks (issue 9), each against baselines measured in the same run:
#  1. drift of 50 numeric features, 1,000,000 reference rows summarised as reference.json against
#     1,000,000 current rows (half of them shifted); baselines: a pass that only reads the values, and
#     the exact two-sample comparison against the raw reference;
#  2. per-window drift over a prediction log of 10,000,000 rows (100,000 requests of 100 rows, ten
#     one-hour windows) in the embedded SQLite store, replayed under -Xmx256m (the log is ~0.8 GB on
#     disk: it must be streamed); baseline: a database scan that only reads the log.
# Usage: forja-bench/bench-monitor.sh [requests, default 100000] [rows per request, default 100]
# Writes to bench-data/monitor (the log is kept between runs; delete it to rewrite).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -B -pl forja-bench -am package -DskipTests -Dforja.image.skip=true
cp="forja-bench/target/classes:forja-bench/target/lib/*"
java -cp "$cp" dev.forja.bench.monitor.DriftBench 1000000 50 3
java -Xmx256m -cp "$cp" dev.forja.bench.monitor.LogReplayBench bench-data/monitor "${1:-100000}" "${2:-100}" 2>&1 | grep -v HikariDataSource
