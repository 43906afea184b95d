#!/usr/bin/env bash
# Reading benchmark (issue 3): Forja's CSV reader vs FastCSV (split only) vs DuckDB read_csv, same run.
# Usage: forja-bench/bench-read.sh [extra JMH args, e.g. -wi 1 -i 3]
# Generates bench-data/{numeric,mixed}-1m.csv on first use (seeded; about 350 MB in all).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -B -pl forja-bench -am package -DskipTests
cp="forja-bench/target/classes:forja-bench/target/lib/*"
out="forja-bench/target/read-bench.json"
java -cp "$cp" org.openjdk.jmh.Main CsvReadBenchmark -gc true -rf json -rff "$out" "$@"
java -cp "$cp" dev.forja.bench.ingest.ReadBenchReport "$out"
