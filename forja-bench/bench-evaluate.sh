#!/usr/bin/env bash
# Evaluation benchmark (issue 7): a 1,000,000-row binary prediction set through forja evaluate's
# measurements (all metrics, ROC and PR curves, calibration, thresholds, confidence, 3 slice columns),
# against the task's metrics alone on the same predictions, in the same run.
# Usage: forja-bench/bench-evaluate.sh [rows, default 1000000] [bootstrap resamples, default 0] [runs, default 5]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -B -pl forja-bench -am package -DskipTests -Dforja.image.skip=true
java -cp "forja-bench/target/classes:forja-bench/target/lib/*" dev.forja.bench.evaluate.EvaluateBench "${1:-1000000}" "${2:-0}" "${3:-5}"
