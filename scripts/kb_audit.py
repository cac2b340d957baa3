#!/usr/bin/env python3
"""Audits the knowledge base's dated roles against the coverage the project promises (docs/knowledge-base.md):
for each (state, office) of the region and the main powers it prints the months from 2010-01 to the end month
that no role row of scripts/kb_src/roles.tsv covers, grouped into periods.

Run from the repository root:  python3 scripts/kb_audit.py [--until YYYY-MM] [--summary]
Exit status 0 always (an audit, not a test); `--summary` prints only the counts per office.
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROLES = os.path.join(ROOT, "scripts", "kb_src", "roles.tsv")

ARAB_LEAGUE = "sa ae qa kw bh om ye iq sy lb jo ps eg sd ly tn dz ma mr so dj km".split()
REGION = ARAB_LEAGUE + ["ir", "tr"]
POWERS = "us ru cn gb fr de".split()
ALL = REGION + POWERS

# Offices every state has (a missing holder is a gap). Some offices do not exist in some states (a state with
# no separate head of government, no interior minister): those pairs are listed in NOT_APPLICABLE with the
# reason, and periods when the office did not exist are given as (from, to) months in ABSENT.
OFFICES = ["head_of_state", "head_of_government", "foreign_minister", "defence_minister", "interior_minister",
           "chief_of_staff"]
NOT_APPLICABLE = {
    ("us", "head_of_government"): "the president heads the government",
    ("us", "interior_minister"): "no interior ministry in the sense of the region (Homeland Security is not listed)",
    ("ir", "head_of_government"): "prime minister abolished in 1989",
    ("ps", "defence_minister"): "no defence ministry",
    ("ps", "chief_of_staff"): "no army",
    ("km", "head_of_government"): "the president heads the government (the post returned in 2024 only as a title)",
    ("dj", "chief_of_staff"): "not covered (smallest armies)",
    ("km", "chief_of_staff"): "not covered (smallest armies)",
    ("cn", "interior_minister"): "Ministry of Public Security (public_security_minister), not listed",
    ("cn", "chief_of_staff"): "PLA joint staff: not covered",
    ("lb", "chief_of_staff"): "the army commander is listed (army_commander)",
    ("ly", "chief_of_staff"): "rival commands; the LNA commander is listed (army_commander)",
    ("ma", "defence_minister"): "the King commands the armed forces; a minister delegate administers them",
}
# Monarchies and the like with a crown prince: office crown_prince (state, from, to) the office existed.
CROWN = {
    "sa": ("2010-01", None), "kw": ("2010-01", None), "bh": ("2010-01", None), "jo": ("2010-01", "2010-01"),
    "ma": ("2010-01", None), "qa": ("2010-01", "2013-06"), "om": ("2021-01", None), "ae": ("2010-01", None),
}
DEPUTY_CROWN = {"sa": ("2014-03", "2017-06")}
# Months an office stood vacant (no holder to find): (state, office) -> list of (from, to) months.
VACANT = {
    ("lb", "head_of_state"): [("2014-06", "2016-09"), ("2022-11", "2024-12")],
    ("ae", "crown_prince"): [("2022-06", "2023-02")],
    ("kw", "crown_prince"): [("2024-01", "2024-05")],
    ("cn", "defence_minister"): [("2023-11", "2023-11")],
    ("ye", "head_of_government"): [("2014-10", "2014-10")],
    ("tn", "head_of_government"): [("2021-08", "2021-09")],
    ("sy", "head_of_government"): [("2025-04", "2026-12")],   # the 2025 constitutional declaration: no prime minister
    ("sd", "head_of_government"): [("2010-01", "2017-02")],   # the office was abolished in 1989 and restored in 2017
    ("ly", "head_of_state"): [("2010-01", "2011-02")],        # Gaddafi as "leader" (office leader)
    ("iq", "defence_minister"): [("2016-09", "2016-12"), ("2018-11", "2019-05")],
    ("iq", "interior_minister"): [("2016-08", "2016-12"), ("2018-11", "2019-05")],
}


def months(a, b):
    y, m = int(a[:4]), int(a[5:7]) if len(a) >= 7 else 1
    y2, m2 = int(b[:4]), int(b[5:7]) if len(b) >= 7 else 12
    out = []
    while (y, m) <= (y2, m2):
        out.append("%04d-%02d" % (y, m))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def span(frm, to, until):
    """Months a role covers: a partial date covers its whole month or year (as KnowledgeBase.holder does)."""
    if not frm:
        frm = "1900"
    start = frm[:7] if len(frm) >= 7 else frm[:4] + "-01"
    if not to:
        end = until
    else:
        end = to[:7] if len(to) >= 7 else to[:4] + "-12"
    return set(months(start, end)) if start <= end else set()


def periods(ms):
    """Groups sorted months into 'YYYY-MM..YYYY-MM' runs."""
    out, run = [], []
    for m in ms:
        if run and months(run[-1], m)[1:2] != [m]:
            out.append(run)
            run = []
        run.append(m)
    if run:
        out.append(run)
    return ["%s..%s" % (r[0], r[-1]) if len(r) > 1 else r[0] for r in out]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--until", default="2026-12")
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args()
    cover = {}
    with open(ROLES, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            c += [""] * (7 - len(c))
            cover.setdefault((c[4], c[3]), set()).update(span(c[5], c[6], args.until))
    window = months("2010-01", args.until)
    wanted = []
    for st in ALL:
        for off in OFFICES:
            if (st, off) in NOT_APPLICABLE:
                continue
            wanted.append((st, off, window))
        if st in CROWN:
            a, b = CROWN[st]
            wanted.append((st, "crown_prince", months(a, b or args.until)))
        if st in DEPUTY_CROWN:
            a, b = DEPUTY_CROWN[st]
            wanted.append((st, "deputy_crown_prince", months(a, b)))
    gaps, total, missing = {}, 0, 0
    for st, off, ms in wanted:
        have = cover.get((st, off), set())
        vac = set()
        for a, b in VACANT.get((st, off), []):
            vac.update(months(a, b))
        miss = [m for m in ms if m not in have and m not in vac]
        total += len(ms)
        missing += len(miss)
        if miss:
            gaps.setdefault(off, []).append((st, miss))
            if not args.summary:
                print("%s\t%s\t%d months\t%s" % (st, off, len(miss), " ".join(periods(miss))))
    print("# %d (state, office) pairs; %d of %d state-office-months covered (%.1f%%); %d pairs with a gap"
          % (len(wanted), total - missing, total, 100.0 * (total - missing) / max(total, 1),
             sum(len(v) for v in gaps.values())), file=sys.stderr if not args.summary else sys.stdout)
    if args.summary:
        for off, v in sorted(gaps.items()):
            print("%s\t%d states: %s" % (off, len(v), " ".join(s for s, _ in v)))


if __name__ == "__main__":
    main()
