#!/usr/bin/env bash
# Builds and runs the libFuzzer harness (Fuzz/FuzzReaders.swift) over RasdKit's sources.
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
# Corpus: .fuzz/corpus (seeded from the test fixtures); crashes land in .fuzz/ as crash-* files.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
mkdir -p .fuzz/corpus
cp Tests/RasdKitTests/Fixtures/*.html .fuzz/corpus/ 2>/dev/null || true
printf '%s\n' '{"id": "a", "text": "نص", "published": "2015-07-21"}' '{"id": 2, "html": "<p>فقرة</p>"}' > .fuzz/corpus/seed.jsonl
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name RasdFuzz \
  -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 -lxml2 \
  $(find Sources/RasdKit -name '*.swift') Fuzz/*.swift -o .fuzz/rasd-fuzz
export RASD_RESOURCES="$PWD/Sources/RasdKit/Resources"
exec .fuzz/rasd-fuzz -max_total_time="$seconds" -max_len=65536 -artifact_prefix=.fuzz/ "$@" .fuzz/corpus
