#!/usr/bin/env bash
# AutoML quality benchmark (issue 8): forja automl under a time budget against XGBoost tuned by Optuna's
# TPE (50 trials, 5-fold CV), on the same train / test split of real datasets. The reference numbers and
# the split files come from scripts/reference/automl_reference.py (run once with Debian's python3-optuna
# and python3-xgboost; the numbers are committed in forja-bench/reference/automl_reference.json, the
# split files are rewritten here by the same script when missing). Weka's example ARFF files come from
# Debian's weka package (downloaded and unpacked into bench-data, never committed).
# Usage: forja-bench/bench-automl.sh [budget per dataset, default 5m] [dataset,dataset... default all]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
splits=bench-data/automl
. forja-bench/lib/weka-examples.sh
if [ ! -f "$splits/soybean/train.arff" ]; then
  echo "bench-automl: writing the split files (needs /usr/bin/python3 with optuna, xgboost, sklearn: the reference script)" >&2
  /usr/bin/python3 scripts/reference/automl_reference.py ../shared/datasets "$weka" "$splits" forja-bench/reference/automl_reference.json > /dev/null
fi
./mvnw -q -B -pl forja-bench -am package -DskipTests -Dforja.image.skip=true
export FORJA_HOME="$root/$splits/home"
java -cp "forja-bench/target/classes:forja-bench/target/lib/*" dev.forja.bench.automl.AutomlBench forja-bench/reference/automl_reference.json "$splits" "${1:-5m}" ${2:+"$2"}
