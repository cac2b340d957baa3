#!/usr/bin/env bash
# Ingest throughput on one core (BENCHMARKS.md, section Ingest). Needs a release build:
#   swift build -c release && scripts/bench_ingest.sh [SAMPLE.jsonl] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
sample="${1:-../shared/data/saudinewsnet/sample.jsonl}"
runs="${2:-3}"
bin=.build/release/rasd
bytes=$(stat -c %s "$sample")
for i in $(seq "$runs"); do
  rm -f /tmp/news.db /tmp/news.db-wal /tmp/news.db-shm
  /usr/bin/time -f "first run: real %e s, cpu %U+%S s" taskset -c 0 "$bin" ingest "$sample" --db /tmp/news.db --quiet 2>&1 | grep -v ': empty article'
  /usr/bin/time -f "re-run:    real %e s, cpu %U+%S s" taskset -c 0 "$bin" ingest "$sample" --db /tmp/news.db --quiet 2>&1 | grep -v ': empty article'
done
echo "input: $bytes bytes; stored: $(sqlite3 /tmp/news.db 'SELECT COUNT(*) FROM documents') documents," \
     "$(sqlite3 /tmp/news.db 'SELECT COUNT(*) FROM document_aliases') aliases," \
     "$(sqlite3 /tmp/news.db 'SELECT COUNT(*) FROM near_duplicates') near-duplicate links; db $(stat -c %s /tmp/news.db) bytes"
