#!/usr/bin/env python3
"""Genre (news or opinion) against the outlets' own sections, on the SaudiNewsNet sample.

The label comes from where the outlet filed the piece, not from its text: Al Watan files its columns under
/Articles/ and its reports under /Politics/, /Local/, /Economy/ ...; Al Jazirah names its column pages "ar" and
its news pages "ln" (local), "ec" (economy), "sp" (sports). Al Watan is the development part (style thresholds were
set on it), Al Jazirah the test part (scored only). The eval/newsref articles are all news reports (no article
there reads as opinion), so every opinion there is a false alarm.

  python3 scripts/eval_genre.py materialize            # writes /tmp/rasd-genre/{watan,jazirah}.jsonl
  rasd analyze /tmp/rasd-genre/watan.jsonl -o /tmp/watan.json --quiet
  python3 scripts/eval_genre.py score /tmp/watan.json [more outputs ...]
"""
import json, os, re, sys

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "saudinewsnet", "sample.jsonl")
OUT = "/tmp/rasd-genre"
PARTS = {
    "watan": (re.compile(r"http://www\.alwatan\.com\.sa/([A-Za-z_]+)/"),
              {"Articles": "opinion", **{k: "news" for k in ("Politics", "Local", "Sports", "Economy", "Culture", "Nation")}}),
    "jazirah": (re.compile(r"al-jazirah\.com/.*/([a-z]+)\d*\.htm"),
                {"ar": "opinion", "ln": "news", "ec": "news", "sp": "news"}),
}


def label(url):
    for part, (pattern, sections) in PARTS.items():
        m = pattern.search(url or "")
        if m and m.group(1) in sections:
            return part, sections[m.group(1)]
    return None, None


def materialize():
    os.makedirs(OUT, exist_ok=True)
    files = {p: open(os.path.join(OUT, p + ".jsonl"), "w") for p in PARTS}
    counts = {}
    for line in open(SAMPLE, encoding="utf-8"):
        part, genre = label(json.loads(line).get("url"))
        if part:
            files[part].write(line)
            counts[(part, genre)] = counts.get((part, genre), 0) + 1
    for (part, genre), n in sorted(counts.items()):
        print(f"{part}: {n} {genre}")


def score(paths):
    urls = {}
    for line in open(SAMPLE, encoding="utf-8"):
        d = json.loads(line)
        urls[d["id"]] = d.get("url")
    for path in paths:
        tp = fp = fn = tn = 0
        for doc in json.load(open(path, encoding="utf-8"))["documents"]:
            if doc.get("parent"):
                continue
            _, gold = label(urls.get(doc["id"]))
            gold = gold or "news"   # outside the two outlets: a reference set of news reports
            said = doc.get("genre") == "opinion"
            tp += said and gold == "opinion"; fp += said and gold != "opinion"
            fn += (not said) and gold == "opinion"; tn += (not said) and gold != "opinion"
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = tp / (tp + fn) if tp + fn else float("nan")
        print(f"{path}: opinion found {tp}/{tp + fn} (recall {r:.2f}), said opinion {tp + fp} "
              f"(precision {p:.2f}), news read as opinion {fp}/{fp + tn}")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "materialize":
        materialize()
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        score(sys.argv[2:])
    else:
        print(__doc__)
        sys.exit(2)
