#!/usr/bin/env python3
"""Per-suite summary of a `swift test` log: tests passed, failed and skipped in each XCTest class.

Usage: test_summary.py LOG [--no-skips]
With --no-skips (what .ci/run passes in CI, where every service a suite needs is installed and started),
a skipped test is an error: the seeds, devset, PostgreSQL, Chromium and command-line suites skip only
when something they need is missing, and a green run that checked none of them would mean nothing.
Exits 1 when a test failed, when the log holds no test at all, or (with --no-skips) when one skipped.
"""
import re, sys
from collections import defaultdict

CASE = re.compile(r"Test Case '-?\[?([\w.]+?)[. ](\w+)\]?' (passed|failed|skipped)")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    no_skips = "--no-skips" in sys.argv
    if len(args) != 1:
        sys.exit(__doc__)
    counts = defaultdict(lambda: {"passed": 0, "failed": 0, "skipped": 0})
    skipped = []
    with open(args[0], encoding="utf-8", errors="replace") as log:
        for line in log:
            m = CASE.search(line)
            if not m:
                continue
            suite, test, result = m.group(1).split(".")[-1], m.group(2), m.group(3)
            counts[suite][result] += 1
            if result == "skipped":
                skipped.append(f"{suite}.{test}")
    total = {k: sum(c[k] for c in counts.values()) for k in ("passed", "failed", "skipped")}
    print(f"{'suite':34s} {'passed':>6s} {'failed':>6s} {'skipped':>7s}")
    for suite in sorted(counts):
        c = counts[suite]
        print(f"{suite:34s} {c['passed']:6d} {c['failed']:6d} {c['skipped']:7d}")
    print(f"{'all':34s} {total['passed']:6d} {total['failed']:6d} {total['skipped']:7d}")
    problems = []
    if not counts:
        problems.append("no test ran")
    if total["failed"]:
        problems.append(f"{total['failed']} tests failed")
    if no_skips and skipped:
        problems.append("tests skipped where everything they need is installed: " + ", ".join(skipped))
    for p in problems:
        print(f"test_summary: {p}", file=sys.stderr)
    print(f"tests: {total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
