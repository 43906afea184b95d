#!/usr/bin/env bash
# End-to-end profile benchmark (issue 3): `forja profile` of the 1M x 20 numeric CSV, whole process
# (JVM start, read, profile, HTML report, JSON), against `forja schema` of the same file (JVM start,
# read, fingerprint) as the baseline in the same run. Needs hyperfine.
# Usage: forja-bench/bench-profile.sh [file]   (default bench-data/numeric-1m.csv, generated if absent)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
file=${1:-bench-data/numeric-1m.csv}
./mvnw -q -B -pl forja-bench -am package -DskipTests
if [ ! -f "$file" ]; then
  java -cp "forja-bench/target/classes:forja-bench/target/lib/*" dev.forja.bench.ingest.BenchData
fi
./forja --version >/dev/null
out=$(mktemp -d)
hyperfine --warmup 1 --runs 5 --export-markdown forja-bench/target/profile-bench.md \
  -n "forja schema (read + fingerprint)" "./forja schema $file --json > $out/schema.json" \
  -n "forja profile (read + profile + report)" "./forja profile $file --json --out $out/report.html > $out/profile.json"
rm -rf "$out"
