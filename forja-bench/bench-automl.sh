#!/usr/bin/env bash
# AutoML quality benchmark (issue 8): forja automl under a time budget against XGBoost tuned by Optuna's
# TPE (50 trials, 5-fold CV), on the same train / test split of real datasets. The reference numbers and
# the split files come from scripts/reference/automl_reference.py (run once with Debian's python3-optuna
# and python3-xgboost; the numbers are committed in forja-bench/reference/automl_reference.json, the
# split files are rewritten here by the same script when missing).
# Usage: forja-bench/bench-automl.sh [budget per dataset, default 5m]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
splits=bench-data/automl
if [ ! -f "$splits/titanic/train.csv" ]; then
  echo "bench-automl: writing the split files (needs /usr/bin/python3 with optuna, xgboost, sklearn: the reference script)" >&2
  /usr/bin/python3 scripts/reference/automl_reference.py ../shared/datasets "$splits" > /dev/null
fi
./mvnw -q -B -pl forja-bench -am package -DskipTests -Dforja.image.skip=true
export FORJA_HOME="$root/$splits/home"
java -cp "forja-bench/target/classes:forja-bench/target/lib/*" dev.forja.bench.automl.AutomlBench forja-bench/reference/automl_reference.json "$splits" "${1:-5m}"
