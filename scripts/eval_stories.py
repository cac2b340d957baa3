#!/usr/bin/env python3
"""Story detection against a reference set of stories, in a mixed feed.

The feed: every article of the reference stories (eval/stories/stories.json, ids of SaudiNewsNet articles told
by several outlets) plus OTHERS other articles of the sample drawn with a fixed seed, written to a temporary
folder (never into the repository). The built `rasd analyze` groups the feed into stories; for each reference
story:

- completeness: the share of its articles in one Rasd story (the Rasd story holding most of them);
- purity: the share of that Rasd story's articles that belong to the reference story.

A reference story may list `also`: other articles of the feed judged (by reading them) to report the same event;
they count as its articles unless --strict. It may list `exclude`: articles whose membership is arguable, kept out
of the feed. A set may list `near_misses` (articles of neighbouring but different events, always in the feed) and a
`feed` object with its own defaults: `seed`, `others` and `keep_out` (files of ids never drawn as other articles).

Two sets: eval/stories/stories.json (the tuning set, dev and test parts) and eval/stories/heldout.json (`--heldout`:
held out, never tuned on; its own seed and other articles, none of them in the tuning set or eval/newsref).

Usage: scripts/eval_stories.py [--heldout] [--rasd .build/debug/rasd] [--others N] [--seed N] [--part dev|test|all]
       [--strict] [-v]
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rasd", default=os.path.join(ROOT, ".build/debug/rasd"))
    ap.add_argument("--sample", default=os.path.join(ROOT, "../shared/data/saudinewsnet/sample.jsonl"))
    ap.add_argument("--stories", default=os.path.join(ROOT, "eval/stories/stories.json"))
    ap.add_argument("--heldout", action="store_true", help="score the held-out set, eval/stories/heldout.json")
    ap.add_argument("--others", type=int, help="other sample articles in the feed (default: the set's, else 300)")
    ap.add_argument("--seed", type=int, help="seed of the draw of other articles (default: the set's, else 16)")
    ap.add_argument("--part", default="all", choices=["dev", "test", "all"], help="which reference stories are scored")
    ap.add_argument("--keep", help="write the feed and the analysis to this folder instead of a temporary one")
    ap.add_argument("--strict", action="store_true",
                    help="score against each story's `docs` only, without the `also` articles judged to report the same event")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each story and the Rasd story it landed in")
    args = ap.parse_args()

    if args.heldout:
        args.stories = os.path.join(ROOT, "eval/stories/heldout.json")
    reference_set = json.load(open(args.stories, encoding="utf-8"))
    reference = reference_set["stories"]
    feed_defaults = reference_set.get("feed", {})
    if args.others is None:
        args.others = feed_defaults.get("others", 300)
    if args.seed is None:
        args.seed = feed_defaults.get("seed", 16)
    # Ids never drawn as other articles: the set's arguable articles and the files its `feed.keep_out` names.
    keep_out = {d for s in reference for d in s.get("exclude", [])}
    for path in feed_defaults.get("keep_out", []):
        keep_out |= set(re.findall(r"snn-\d{5}", open(os.path.join(ROOT, path), encoding="utf-8").read()))
    near_misses = reference_set.get("near_misses", [])
    records = {}
    with open(args.sample, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            records[r["id"]] = r
    if args.strict:
        for s in reference:
            s.pop("also", None)
    # The reference stories' own articles are always in the feed; `also` articles only when the draw brings them.
    story_ids = [d for s in reference for d in s["docs"]]
    missing = [d for d in story_ids + near_misses + sorted(keep_out) if d not in records]
    if missing:
        sys.exit(f"{args.stories}: ids not in {args.sample}: {', '.join(missing)}")
    if set(story_ids) & keep_out or set(near_misses) & (keep_out | set(story_ids)):
        sys.exit(f"{args.stories}: an id is both in a story and kept out or a near miss")
    pool = sorted(set(records) - set(story_ids) - set(near_misses) - keep_out)
    others = random.Random(args.seed).sample(pool, min(args.others, len(pool)))
    feed = sorted(set(story_ids) | set(near_misses) | set(others))
    for s in reference:
        s["docs"] = s["docs"] + [d for d in s.get("also", []) if d in feed]

    folder = args.keep or tempfile.mkdtemp(prefix="rasd-stories-")
    os.makedirs(folder, exist_ok=True)
    feed_path = os.path.join(folder, "feed.jsonl")
    out_path = os.path.join(folder, "analysis.json")
    with open(feed_path, "w", encoding="utf-8") as f:
        for d in feed:
            f.write(json.dumps(records[d], ensure_ascii=False) + "\n")
    started = time.time()
    subprocess.run([args.rasd, "analyze", feed_path, "-o", out_path, "--quiet"], check=True)
    elapsed = time.time() - started
    analysis = json.load(open(out_path, encoding="utf-8"))

    # Document → Rasd story; a split-off document counts as its article.
    parent = {d["id"]: d.get("parent") or d["id"] for d in analysis["documents"]}
    story_of = {}
    members = {}
    for s in analysis.get("stories", []):
        for d in s["documents"]:
            a = parent.get(d, d)
            story_of.setdefault(a, s["id"])
            members.setdefault(s["id"], set()).add(a)
    for d in feed:
        if d not in story_of:
            story_of[d] = "none:" + d
            members[story_of[d]] = {d}

    scored = [s for s in reference if args.part == "all" or s.get("part") == args.part]
    rows = []
    for s in scored:
        docs = s["docs"]
        counts = {}
        for d in docs:
            counts[story_of[d]] = counts.get(story_of[d], 0) + 1
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        completeness = counts[best] / len(docs)
        purity = len(members[best] & set(docs)) / len(members[best])
        rows.append((s["key"], s.get("part", "-"), len(docs), best, len(members[best]), completeness, purity))
        if args.verbose:
            title = next((x.get("title", "") for x in analysis.get("stories", []) if x["id"] == best), "")
            print(f"{s['key']:45} {s.get('part', '-'):4} {len(docs)} → {best} ({len(members[best])} articles) "
                  f"c={completeness:.2f} p={purity:.2f}  {title}")
            if purity < 1:
                for d in sorted(members[best] - set(docs)):
                    print(f"      + {d} {records.get(d, {}).get('title', '')}")
            if completeness < 1:
                for d in docs:
                    if story_of[d] != best:
                        print(f"      - {d} in {story_of[d]} {records[d].get('title', '')}")

    sizes = sorted((len(m) for m in members.values()), reverse=True)
    multi = sum(1 for n in sizes if n > 1)
    mean_c = sum(r[5] for r in rows) / len(rows)
    mean_p = sum(r[6] for r in rows) / len(rows)
    print(f"{os.path.relpath(args.stories, ROOT)}: feed of {len(feed)} articles ({len(story_ids)} in {len(reference)} "
          f"reference stories, {len(near_misses)} near misses, {len(others)} others, seed {args.seed}); "
          f"analysed in {elapsed:.1f} s")
    print(f"rasd stories: {len(analysis.get('stories', []))} ({multi} of more than one article); "
          f"largest {sizes[0]} articles ({sizes[0] / len(feed):.1%} of the feed)")
    print(f"scored: {len(rows)} reference stories ({args.part})")
    print(f"completeness mean {mean_c:.3f} (stories at 1.0: {sum(r[5] == 1 for r in rows)}/{len(rows)})")
    print(f"purity       mean {mean_p:.3f} (stories at 1.0: {sum(r[6] == 1 for r in rows)}/{len(rows)})")
    if not args.keep:
        for p in (feed_path, out_path):
            os.remove(p)
        os.rmdir(folder)


if __name__ == "__main__":
    main()
