#!/usr/bin/env bash
# Tuning overhead (issue 8): a TPE search of XGBoost on 10,000 rows, trials in parallel; prints the share
# of trial time spent outside the learner's own fits, and the cores' utilisation.
# Usage: forja-bench/bench-tune.sh [trials, default 30] [parallel, default 2]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -B -pl forja-bench -am package -DskipTests -Dforja.image.skip=true
java -cp "forja-bench/target/classes:forja-bench/target/lib/*" dev.forja.bench.learn.TuneBench "${1:-30}" "${2:-2}"
