#!/usr/bin/env bash
# Checks that a change leaves Rasd's output byte for byte the same (#17): analyses the seeds, examples/, the
# devset and the first 300 sample articles with a rasd binary into a folder, or compares two such folders.
#   scripts/same_output.sh write .build/debug/rasd /tmp/before     # before the change
#   scripts/same_output.sh write .build/debug/rasd /tmp/after      # after it (rebuilt)
#   scripts/same_output.sh compare /tmp/before /tmp/after          # exit 1 and the first differing lines if any
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
case "${1:-}" in
  write)
    rasd=$2; out=$3; mkdir -p "$out"
    "$rasd" analyze "$shared/seeds" --meta "$shared/seeds/meta.jsonl" --quiet -o "$out/seeds.json"
    "$rasd" analyze examples --meta examples/meta.jsonl --quiet -o "$out/examples.json"
    "$rasd" analyze eval/devset --meta eval/devset/meta.jsonl --quiet -o "$out/devset.json"
    head -300 "$shared/data/saudinewsnet/sample.jsonl" > "$out/sample300.jsonl"
    "$rasd" analyze "$out/sample300.jsonl" --quiet -o "$out/s300.json"
    rm "$out/sample300.jsonl" ;;
  compare)
    status=0
    for f in seeds examples devset s300; do
      if cmp -s "$2/$f.json" "$3/$f.json"; then echo "$f: same"
      else echo "$f: DIFFERS"; diff "$2/$f.json" "$3/$f.json" | head -20; status=1; fi
    done
    exit $status ;;
  *) echo "usage: $0 write RASD DIR | compare DIR1 DIR2" >&2; exit 2 ;;
esac
