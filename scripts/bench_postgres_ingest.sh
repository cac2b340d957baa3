#!/usr/bin/env bash
# Ingest throughput into PostgreSQL, one worker vs two (BENCHMARKS.md, section "Ingest into PostgreSQL").
# Needs a release build and a durable local server (fsync on), started here on port 55433:
#   swift build -c release && scripts/bench_postgres_ingest.sh [SAMPLE.jsonl] [RUNS]
# Each run ingests into a new database. Workers, server and this script share the machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."
sample="${1:-../shared/data/saudinewsnet/sample.jsonl}"
runs="${2:-3}"
bin=.build/release/rasd
server=$(RASD_PG_DIR=/tmp/rasd-bench-postgres RASD_PG_PORT=55433 RASD_PG_OPTIONS="" scripts/test-postgres.sh)
base=${server%/*}
admin() { PGPASSWORD=rasd psql "$server" -qAtc "$1"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
lines=$(wc -l < "$sample")
head -n $(( (lines + 1) / 2 )) "$sample" > "$tmp/a.jsonl"
tail -n +$(( (lines + 1) / 2 + 1 )) "$sample" > "$tmp/b.jsonl"

# run NAME INPUT... : one worker per input, all started together; prints the wall time.
run() {
  local name=$1; shift
  admin "DROP DATABASE IF EXISTS bench WITH (FORCE)"; admin "CREATE DATABASE bench"
  local start end pids=()
  start=$(date +%s.%N)
  for input in "$@"; do
    ("$bin" ingest "$input" --db "$base/bench" --quiet 2>&1 | { grep -v ': empty article' || true; }) & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  end=$(date +%s.%N)
  local docs; docs=$(PGPASSWORD=rasd psql "$base/bench" -qAtc "SELECT count(*) FROM documents")
  printf '%-34s %6.2f s  %5d documents\n' "$name" "$(echo "$end - $start" | bc)" "$docs"
}
for i in $(seq "$runs"); do
  run "1 worker, whole file" "$sample"
  run "2 workers, one half each" "$tmp/a.jsonl" "$tmp/b.jsonl"
  run "2 workers, both the whole file" "$sample" "$sample"
done
PGPASSWORD=rasd psql "$base/bench" -qAtc "SELECT 'last: ' || (SELECT count(*) FROM documents) || ' documents, ' ||
  (SELECT count(*) FROM document_aliases) || ' aliases, ' || (SELECT count(*) FROM near_duplicates) ||
  ' near-duplicate links, database ' || pg_size_pretty(pg_database_size('bench'))"
