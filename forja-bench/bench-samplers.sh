#!/usr/bin/env bash
# TPE against random search at equal trial counts (issue 8): XGBoost, 5-fold CV, no pruning, one trial
# at a time, the best CV metric after N trials averaged over seeds, on the example datasets and Weka's
# classic ARFF datasets (binary, several classes, regression).
# Usage: forja-bench/bench-samplers.sh [trials, default 30] [seeds, default 3]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. forja-bench/lib/weka-examples.sh
./mvnw -q -B -pl forja-bench -am package -DskipTests -Dforja.image.skip=true
java -cp "forja-bench/target/classes:forja-bench/target/lib/*" dev.forja.bench.learn.SamplerBench "${1:-30}" "${2:-3}" \
  examples/data/titanic.csv:Survived examples/data/auto_mpg.csv:mpg examples/data/bike_sharing_day.csv:cnt \
  "$weka/diabetes.arff:class" "$weka/credit-g.arff:class" "$weka/breast-cancer.arff:Class" "$weka/ionosphere.arff:class" "$weka/glass.arff:Type" \
  "$weka/cpu.arff:class"
