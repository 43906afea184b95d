#!/usr/bin/env bash
# Tuning overhead (issue 8): a TPE search of XGBoost on 10,000 rows, trials in parallel; prints the share
# of trial time spent outside the learner's own fits, and the cores' utilisation.
# Then the pruners compared on Adult (none, median, asha on the boosting rounds, asha on the data).
# Usage: forja-bench/bench-tune.sh [trials, default 30] [parallel, default 2] [pruner-bench trials, default 27]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -B -pl forja-bench -am package -DskipTests -Dforja.image.skip=true
java -cp "forja-bench/target/classes:forja-bench/target/lib/*" dev.forja.bench.learn.TuneBench "${1:-30}" "${2:-2}"
# What each pruner saves, against no pruning in the same run (Adult, the same random trials for each)
java -cp "forja-bench/target/classes:forja-bench/target/lib/*" dev.forja.bench.learn.PrunerBench ../shared/datasets/adult.csv.gz income "${3:-27}" "${2:-2}"
