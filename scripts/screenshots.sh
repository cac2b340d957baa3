#!/bin/sh
# Regenerates docs/screenshots/ with headless Chromium: the home view (the stories), one story, the network and
# the home view in English, from a store this script builds (the seeds, the examples and the first sample
# articles of ../shared/data/saudinewsnet/sample.jsonl, analysed).
#
#   scripts/screenshots.sh [ARTICLES]      (default 250 sample articles; 0 for the seeds and examples only)
#
# Needs chromium (Debian: apt-get install -y chromium), python3 and ../shared beside the repository.
set -eu
cd "$(dirname "$0")/.."
articles="${1:-250}"
shared=../shared
out=docs/screenshots
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "screenshots.sh: chromium is not installed" >&2; exit 1; }
[ -f "$shared/seeds/meta.jsonl" ] || { echo "screenshots.sh: $shared/seeds is absent" >&2; exit 1; }

swift build --product rasd >/dev/null
rasd=.build/debug/rasd
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT INT TERM

db="$work/news.db"
"$rasd" ingest "$shared/seeds" --meta "$shared/seeds/meta.jsonl" --db "$db" --quiet
"$rasd" ingest examples --meta examples/meta.jsonl --db "$db" --quiet
sample="$shared/data/saudinewsnet/sample.jsonl"
if [ "$articles" -gt 0 ] && [ -f "$sample" ]; then
  head -n "$articles" "$sample" > "$work/sample.jsonl"
  "$rasd" ingest "$work/sample.jsonl" --db "$db" --quiet
fi
"$rasd" analyze --db "$db" --quiet -o "$work/analysis.json"

# Serve on a free port; the line on stderr names it.
"$rasd" serve --db "$db" --port 0 --read-only 2> "$work/serve.log" &
server=$!
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log" | head -n 1)
  [ -n "$port" ] && break
  sleep 0.2
done
[ -n "$port" ] || { echo "screenshots.sh: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
base="http://127.0.0.1:$port"

# The story shown: the one told by the most outlets, then with the most articles (the seeds' story).
story=$(python3 -c '
import json, sys, urllib.request
items = json.load(urllib.request.urlopen(sys.argv[1] + "/api/stories?sort=size&limit=100"))["items"]
items.sort(key=lambda s: (-s["outlets"], -s["documents"]))
print(items[0]["id"] if items else "")' "$base")

shot() {   # shot NAME URL
  rm -f "$out/$1.png"
  "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage \
    --user-data-dir="$work/profile" --virtual-time-budget=15000 --hide-scrollbars --window-size=1280,860 \
    --screenshot="$out/$1.png" "$2" >/dev/null 2>&1
  echo "$out/$1.png $(wc -c < "$out/$1.png") bytes"
}
mkdir -p "$out"
shot home "$base/?lang=ar#/"
shot story "$base/?lang=ar#/stories/$story"
shot network "$base/?lang=ar#/network"
shot home-en "$base/?lang=en#/"
