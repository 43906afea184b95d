#!/usr/bin/env bash
# Store benchmark (issue 5), all on loopback in one run:
#   1. log-batch through `forja server`'s REST API (wrk, 1,000 metric points per request) into the
#      embedded SQLite store, against the same batches logged in process (the database's ceiling);
#   2. runs/search with a metric filter and order-by over 100,000 runs, against a trivial endpoint
#      (experiments/get) measured on the same server as the HTTP floor.
# Usage: forja-bench/bench-store.sh [runs, default 100000] [seconds per wrk run, default 20]
# Needs wrk (Debian: apt-get install wrk). Writes to bench-data/store (recreated).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-100000}
seconds=${2:-20}
command -v wrk >/dev/null || { echo "bench-store: needs wrk (apt-get install wrk)" >&2; exit 1; }

./mvnw -q -B -pl forja-app,forja-bench -am package -DskipTests -Dforja.image.skip=true
cp="forja-bench/target/classes:forja-bench/target/lib/*"
java_opts=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
work="$root/bench-data/store"
rm -rf "$work" && mkdir -p "$work"

echo "== seeding $runs runs (in process, one transaction each)" >&2
java "${java_opts[@]}" -cp "$cp" dev.forja.bench.store.StoreBench seed "$work/home" "$runs" > "$work/experiment"
experiment=$(cat "$work/experiment")

echo "== log-batch in process (ceiling)" >&2
inproc=$(java "${java_opts[@]}" -cp "$cp" dev.forja.bench.store.StoreBench log-batch "$work/home" "$seconds")

port=$((20000 + RANDOM % 20000))
FORJA_HOME="$work/home" ./forja server --port "$port" 2> "$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.2; done

run_id=$(curl -sf -X POST "$base/api/2.0/mlflow/runs/create" -d '{"experiment_id": "0"}' | sed -E 's/.*"run_id":"([^"]+)".*/\1/')
cat > "$work/search.json" <<JSON
{"experiment_ids": ["$experiment"], "filter": "metrics.auc > 0.9 and params.model = 'xgboost'", "order_by": ["metrics.auc DESC"], "max_results": 100}
JSON
cat > "$work/search-other.json" <<JSON
{"experiment_ids": ["$experiment"], "filter": "metrics.auc > 0.9 and params.model = 'xgboost'", "order_by": ["metrics.accuracy DESC"], "max_results": 100}
JSON

echo "== log-batch over REST (wrk, 4 connections, ${seconds}s; one wrk thread so steps never repeat)" >&2
RUN_ID="$run_id" wrk -t1 -c4 -d"${seconds}s" -s forja-bench/store/log-batch.lua "$base/api/2.0/mlflow/runs/log-batch" \
  > "$work/wrk-log-batch.txt"
rest_rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-log-batch.txt")
errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk-log-batch.txt" || true)

echo "== runs/search over $runs runs (wrk, 1 connection, latency)" >&2
BODY_FILE="$work/search.json" wrk -t1 -c1 -d"${seconds}s" --latency -s forja-bench/store/post-body.lua "$base/api/2.0/mlflow/runs/search" \
  > "$work/wrk-search.txt"
BODY_FILE="$work/search-other.json" wrk -t1 -c1 -d"${seconds}s" --latency -s forja-bench/store/post-body.lua "$base/api/2.0/mlflow/runs/search" \
  > "$work/wrk-search-other.txt"
wrk -t1 -c1 -d"${seconds}s" --latency "$base/api/2.0/mlflow/experiments/get?experiment_id=$experiment" > "$work/wrk-floor.txt"
found=$(curl -sf -X POST "$base/api/2.0/mlflow/runs/search" -d @"$work/search.json" | grep -o '"run_id"' | wc -l)

pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
echo
echo "log-batch, 1,000 points per request:"
printf '  REST (wrk)      %8.0f points/s  (%s requests/s)\n' "$(echo "$rest_rps * 1000" | bc)" "$rest_rps"
printf '  in process      %8.0f points/s  (REST reaches %.0f%% of it)\n' "$inproc" "$(echo "$rest_rps * 100000 / $inproc" | bc -l)"
[ -n "$errors" ] && echo "  wrk reported: $errors"
echo "runs/search over $runs runs, 100 per page ($found returned):"
echo "  filter metrics.auc > 0.9 and params.model = 'xgboost', order by metrics.auc DESC:  p50 $(pct "$work/wrk-search.txt" 50%)  p99 $(pct "$work/wrk-search.txt" 99%)"
echo "  same filter, order by metrics.accuracy DESC (a metric not filtered on):          p50 $(pct "$work/wrk-search-other.txt" 50%)  p99 $(pct "$work/wrk-search-other.txt" 99%)"
echo "  experiments/get (HTTP floor, same server):                                       p50 $(pct "$work/wrk-floor.txt" 50%)  p99 $(pct "$work/wrk-floor.txt" 99%)"
