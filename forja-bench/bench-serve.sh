#!/usr/bin/env bash
# Serving benchmark (issue 6), on loopback, every figure against a baseline measured in the same run:
# an XGBoost model (100 trees, depth 6, 20 numeric features, binary) served by `forja serve`, loaded
# with wrk: single rows on /v1/models/{name}:predict and on MLflow's /invocations (dataframe_split),
# 100-row batches, and a do-nothing endpoint of the same server (/v2/health/live) as the ceiling.
# Also the time from process start to a ready health answer.
# Usage: forja-bench/bench-serve.sh [seconds per wrk run, default 15]
# Needs wrk (Debian: apt-get install wrk). Writes to bench-data/serve (recreated).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-15}
command -v wrk >/dev/null || { echo "bench-serve: needs wrk (apt-get install wrk)" >&2; exit 1; }

./mvnw -q -B -pl forja-app,forja-bench -am package -DskipTests -Dforja.image.skip=true
work="$root/bench-data/serve"
rm -rf "$work" && mkdir -p "$work"
java -cp "forja-bench/target/classes:forja-bench/target/lib/*" dev.forja.bench.serve.ServeBenchData "$work"
export FORJA_HOME="$work/home"
./forja train "$work/train.csv" --target y --model xgboost --param n_estimators=100 --param max_depth=6 --register bench --json \
  > "$work/train.json" 2> "$work/train.log"
./forja models alias bench 1 production > /dev/null

port=$((20000 + RANDOM % 20000))
start_ns=$(date +%s%N)
./forja serve models:/bench@production --port "$port" 2> "$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
until curl -sf "$base/v2/health/ready" >/dev/null; do sleep 0.02; done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
curl -sf -X POST "$base/v1/models/bench:predict" -d @"$work/v1-1.json" > "$work/answer.json"

post() { # name connections body-file path
  BODY_FILE="$3" wrk -t2 -c"$2" -d"${seconds}s" --latency -s forja-bench/store/post-body.lua "$base$4" > "$work/wrk-$1-c$2.txt"
}
echo "== warm-up" >&2
BODY_FILE="$work/v1-1.json" wrk -t2 -c16 -d5s -s forja-bench/store/post-body.lua "$base/v1/models/bench:predict" > /dev/null
for c in 16 64; do
  echo "== $c connections" >&2
  wrk -t2 -c"$c" -d"${seconds}s" --latency "$base/v2/health/live" > "$work/wrk-live-c$c.txt"
  post v1 "$c" "$work/v1-1.json" /v1/models/bench:predict
  post invocations "$c" "$work/invocations-1.json" /invocations
done
post batch 16 "$work/v1-100.json" /v1/models/bench:predict

rps() { awk '/Requests\/sec/ {print $2}' "$work/wrk-$1.txt"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$work/wrk-$1.txt"; }
errs() { grep -E "Non-2xx|Socket errors" "$work/wrk-$1.txt" | tr -s ' ' || true; }
echo
echo "answer: $(cat "$work/answer.json")"
echo "ready after start: ${ready_ms} ms"
for c in 16 64; do
  live=$(rps "live-c$c")
  echo "$c connections:"
  printf '  do-nothing /v2/health/live   %9.0f req/s  p50 %-9s p99 %s\n' "$live" "$(pct "live-c$c" 50%)" "$(pct "live-c$c" 99%)"
  for e in v1 invocations; do
    r=$(rps "$e-c$c")
    printf '  %-28s %9.0f req/s  p50 %-9s p99 %-9s %3.0f%% of do-nothing %s\n' "$e (1 row)" "$r" "$(pct "$e-c$c" 50%)" \
      "$(pct "$e-c$c" 99%)" "$(echo "$r * 100 / $live" | bc -l)" "$(errs "$e-c$c")"
  done
  printf '  invocations vs v1: %.0f%%\n' "$(echo "$(rps "invocations-c$c") * 100 / $(rps "v1-c$c")" | bc -l)"
done
b=$(rps batch-c16)
printf '100-row batches, 16 connections: %.0f req/s = %.0f rows/s  p99 %s %s\n' "$b" "$(echo "$b * 100" | bc -l)" "$(pct batch-c16 99%)" "$(errs batch-c16)"
