#!/usr/bin/env python3
"""Pick a fixed, reproducible sample of political, security, diplomatic and economic news from a SaudiNewsNet-style
JSONL feed (one article a line), for judging Rasd's events by hand on text no rule was written from.

Rule: skip articles under 300 characters and repeated titles; keep those whose title plus first 300 characters hold
at least two words of KEYWORDS; of those, in feed order, take every STEP-th starting at OFFSET.

    python3 scripts/feed_sample.py /tmp/feed2k.jsonl --offset 0 --step 7 > /tmp/sample-A.jsonl
"""
import argparse
import json
import sys

KEYWORDS = ("وزير رئيس الأمم مجلس قوات هجوم غارة اتفاق عقوبات النفط اقتصاد سفير حكومة جيش الرئيس مسلحين داعش الحوثي "
            "التحالف إيران سوريا العراق اليمن مصر روسيا الأمريكية واشنطن البرلمان الخارجية الدفاع قصف انفجار الإرهاب "
            "النووي الأسهم البورصة اليونان البنك صادرات").split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("feed")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--step", type=int, default=7)
    ap.add_argument("--lines", action="store_true", help="print the feed's line numbers and ids instead")
    a = ap.parse_args()
    seen, kept = set(), []
    for n, line in enumerate(open(a.feed, encoding="utf-8"), 1):
        d = json.loads(line)
        if len(d.get("text", "")) < 300 or d.get("title") in seen:
            continue
        seen.add(d.get("title"))
        head = d.get("title", "") + " " + d["text"][:300]
        if sum(1 for k in KEYWORDS if k in head) >= 2:
            kept.append((n, d, line))
    for n, d, line in kept[a.offset::a.step]:
        sys.stdout.write(f"{n}\t{d['id']}\t{d.get('source')}\t{d.get('title', '')[:60]}\n" if a.lines else line)


if __name__ == "__main__":
    main()
