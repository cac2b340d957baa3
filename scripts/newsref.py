#!/usr/bin/env python3
"""The news reference set (eval/newsref): SaudiNewsNet articles annotated exhaustively by hand.

The articles themselves are not in the repository (SaudiNewsNet is CC BY-NC-SA and stays in ../shared): each
part keeps the ids of its articles (`ids.txt`), their `meta.jsonl` and the reference facts (`reference.json`).

  newsref.py materialize [PART...]   write eval/newsref/PART/articles.jsonl from ../shared/data/saudinewsnet/sample.jsonl
  newsref.py build ANNOT_DIR          (team use) merge annotators' batch files into dev/test reference files
  newsref.py build-part PART ANNOT_DIR BATCH...  (team use) the same for one further part (dev2)
  newsref.py agreement A.json B.json  agreement of two annotations of the same articles
  newsref.py check PART               every participant, speaker and form of PART's reference is consistent
  newsref.py by-type ANALYSIS GOLD    event recall and precision per type (the shared scorer, run once per type)
  newsref.py causes ANALYSIS GOLD     counts only: why required events are missed, what unmatched events resemble
  newsref.py quotes ANALYSIS GOLD     how often a quote's speaker is right, where its words hold a listed quote
  newsref.py arguments ANALYSIS GOLD  how often an event's participant is a party of a listed event of its type and
                                      article, by the participant's learned confidence

Score a part: `rasd analyze eval/newsref/dev/articles.jsonl --meta eval/newsref/dev/meta.jsonl -o /tmp/dev.json`
then `python3 ../shared/tools/score_seeds.py /tmp/dev.json --gold eval/newsref/dev/reference.json -v`.
"""
import json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent.parent / "eval" / "newsref"
SAMPLE = HERE.parent.parent.parent / "shared" / "data" / "saudinewsnet" / "sample.jsonl"
PARTS = ["dev", "test"]
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def norm(s):
    s = DIACRITICS.sub("", s or "")
    s = re.sub("[إأآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"\s+", " ", s).strip()


def materialize(parts):
    if not SAMPLE.exists():
        sys.exit(f"newsref: {SAMPLE} is absent: the articles cannot be extracted")
    records = {}
    with SAMPLE.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            records[r["id"]] = line if line.endswith("\n") else line + "\n"
    for part in parts or PARTS:
        ids = (HERE / part / "ids.txt").read_text(encoding="utf-8").split()
        missing = [i for i in ids if i not in records]
        if missing:
            sys.exit(f"newsref: {part}: {len(missing)} ids not in the sample: {missing[:5]}")
        (HERE / part / "articles.jsonl").write_text("".join(records[i] for i in ids), encoding="utf-8")
        print(f"{part}: {len(ids)} articles -> {HERE / part / 'articles.jsonl'}")


def merge(files):
    out = {"about": "", "events_exhaustive": True, "boilerplate": {}, "keep": {}, "entities": [], "events": [],
           "quantities": [], "discrepancies": [], "quotes": [], "roles": []}
    ents, keys = {}, set()
    for f in files:
        g = json.loads(pathlib.Path(f).read_text(encoding="utf-8"))
        for e in g.get("entities", []):
            cur = ents.setdefault(e["key"], {"key": e["key"], "type": e["type"], "mentions": []})
            for m in e["mentions"]:
                if list(m) not in cur["mentions"]:
                    cur["mentions"].append(list(m))
        for ev in g.get("events", []):
            ev = dict(ev)
            if ev["key"] in keys:
                ev["key"] = pathlib.Path(f).stem + "_" + ev["key"]
            keys.add(ev["key"])
            out["events"].append(ev)
        for k in ("quotes", "roles", "discrepancies"):
            out[k] += g.get(k, [])
    out["entities"] = list(ents.values())
    return out


def fix_reference(ref, texts):
    """What the scorer cannot read: a quote speaker given as alternates takes the first that is an entity; a
    form that does not occur in its document (a slip of the annotator) is dropped and reported."""
    keys = {e["key"] for e in ref["entities"]}
    for q in ref["quotes"]:
        if q["speaker"] not in keys:
            q["speaker"] = next((k for k in q["speaker"].split("|") if k in keys), q["speaker"])
    for e in ref["entities"]:
        kept = [m for m in e["mentions"] if norm(m[1]) in norm(texts.get(m[0], ""))]
        for d, form in e["mentions"]:
            if [d, form] not in kept:
                print(f"  dropped form '{form}' of {e['key']}: not in {d}")
        e["mentions"] = kept


def load_sample():
    sample = {}
    with SAMPLE.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            sample[r["id"]] = r
    return sample


def write_part(part, ids, batch_files, sample):
    """Merges annotators' batch files into PART's reference.json, with its ids.txt and meta.jsonl."""
    ref = merge(batch_files)
    ref["about"] = (f"Reference facts for the {len(ids)} SaudiNewsNet articles of the {part} part, annotated by hand "
                    "from the text alone by ../../../shared/docs/event-guidelines.md, without seeing Rasd's output "
                    "or code; every event is listed (events_exhaustive). Documents by full id.")
    fix_reference(ref, {i: sample[i]["text"] for i in ids})
    folder = HERE / part
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "reference.json").write_text(json.dumps(ref, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / "ids.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
    meta = [json.dumps({"id": i, "published": sample[i]["published"], "source": sample[i]["source"]}, ensure_ascii=False)
            for i in ids]
    (folder / "meta.jsonl").write_text("\n".join(meta) + "\n", encoding="utf-8")
    print(f"{part}: {len(ids)} articles, {len(ref['entities'])} entities, {len(ref['events'])} events, "
          f"{len(ref['quotes'])} quotes, {len(ref['roles'])} roles")


def build(annot):
    annot = pathlib.Path(annot)
    selection = json.loads((annot / "selection.json").read_text(encoding="utf-8"))
    sample = load_sample()
    batches = {"dev": ["A1", "A2"], "test": ["A3", "A4"]}
    for part in PARTS:
        write_part(part, selection[part], [annot / "out" / f"{b}.json" for b in batches[part]], sample)


def build_part(part, annot, batches):
    """A further part from one annotation round: ANNOT/selection.json lists each batch's ids, ANNOT/out/BATCH.json
    holds its annotation."""
    annot = pathlib.Path(annot)
    selection = json.loads((annot / "selection.json").read_text(encoding="utf-8"))
    ids = [i for b in batches for i in selection[b]]
    write_part(part, ids, [annot / "out" / f"{b}.json" for b in batches], load_sample())


def check(part):
    folder = HERE / part
    ref = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
    texts = {}
    articles = folder / "articles.jsonl"
    if articles.exists():
        for line in articles.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            texts[r["id"]] = norm(r["text"])
    keys = {e["key"] for e in ref["entities"]}
    problems = []
    for ev in ref["events"]:
        for p in ev["participants"] + ([ev["place"]] if ev.get("place") else []):
            if not any(q in keys for q in p.split("|")):
                problems.append(f"event {ev['key']}: participant {p} is no entity")
    for q in ref["quotes"]:
        if q["speaker"] not in keys:
            problems.append(f"quote in {q['doc']}: speaker {q['speaker']} is no entity")
        if texts and norm(q["contains"]) not in texts.get(q["doc"], ""):
            problems.append(f"quote in {q['doc']}: '{q['contains']}' not in the text")
    for e in ref["entities"]:
        for d, form in e["mentions"]:
            # alternates ("للأمم المتحدة|الأمم المتحدة"): one of them is written in the article
            if texts and not any(norm(f) in texts.get(d, "") for f in form.split("|")):
                problems.append(f"entity {e['key']}: '{form}' not in {d}")
    for p in problems:
        print(p)
    print(f"{part}: {len(problems)} problems")


def agreement(a_path, b_path):
    """Event agreement of two annotations (F1 over matched events: same type, same documents overlapping,
    participants sharing an entity resolved through the mention forms, dates agreeing on their common prefix),
    and the same for quotes (speaker forms and overlapping words) and entity forms."""
    a = json.loads(pathlib.Path(a_path).read_text(encoding="utf-8"))
    b = json.loads(pathlib.Path(b_path).read_text(encoding="utf-8"))
    docs = {d for e in b["events"] for d in e["docs"]} | {d for e in b["entities"] for d, _ in e["mentions"]}

    def forms(g):
        return {e["key"]: {norm(f) for _, f in e["mentions"]} for e in g["entities"]}
    fa, fb = forms(a), forms(b)

    def same_party(pa, pb):
        sa = set().union(*(fa.get(k, {k}) for k in pa.split("|")))
        sb = set().union(*(fb.get(k, {k}) for k in pb.split("|")))
        return bool(sa & sb)

    def same_event(x, y):
        if x["type"] != y["type"] or not set(x["docs"]) & set(y["docs"]):
            return False
        dx, dy = x.get("date") or "", y.get("date") or ""
        if dx and dy and not (dx.startswith(dy) or dy.startswith(dx)):
            return False
        return all(any(same_party(p, q) for q in y["participants"]) for p in x["participants"][:1]) and \
            all(any(same_party(q, p) for p in x["participants"]) for q in y["participants"][:1])

    ea = [e for e in a["events"] if set(e["docs"]) & docs]
    eb = b["events"]

    # An event either annotator marked optional is never a disagreement when the other left it out, and may
    # match a required one: agreement counts the required events of each side found anywhere in the other.
    def found(x, others):
        return any(same_event(x, y) or same_event(y, x) for y in others)
    ra = [x for x in ea if not x.get("optional")]
    rb = [y for y in eb if not y.get("optional")]
    r = sum(found(x, eb) for x in ra) / len(ra) if ra else 0
    p = sum(found(y, ea) for y in rb) / len(rb) if rb else 0
    f = 2 * p * r / (p + r) if p + r else 0
    print(f"events: A {len(ea)} ({len(ra)} required), B {len(eb)} ({len(rb)} required); "
          f"A's required found in B {r:.3f}, B's required found in A {p:.3f}; agreement F1 {f:.3f}")
    by_type = {}
    for x in ea:
        by_type.setdefault(x["type"], [0, 0])[0] += 1
    for y in eb:
        by_type.setdefault(y["type"], [0, 0])[1] += 1
    print("  by type (A, B): " + ", ".join(f"{t} {n[0]}/{n[1]}" for t, n in sorted(by_type.items())))
    qa = [q for q in a["quotes"] if q["doc"] in docs]
    qm = sum(1 for q in qa if any(q2["doc"] == q["doc"] and same_party(q["speaker"], q2["speaker"])
                                  and (norm(q["contains"]) in norm(q2["contains"]) or norm(q2["contains"]) in norm(q["contains"])
                                       or len(set(norm(q["contains"]).split()) & set(norm(q2["contains"]).split())) >= 3)
                                  for q2 in b["quotes"]))
    print(f"quotes: A {len(qa)}, B {len(b['quotes'])}, A's found in B {qm}")
    ma = {(d, norm(f)) for e in a["entities"] for d, f in e["mentions"] if d in docs}
    mb = {(d, norm(f)) for e in b["entities"] for d, f in e["mentions"]}
    inter = len(ma & mb)
    print(f"entity forms: A {len(ma)}, B {len(mb)}, both {inter}; F1 {2 * inter / (len(ma) + len(mb)) if ma or mb else 0:.3f}")


def by_type(analysis, gold):
    """Runs ../shared/tools/score_seeds.py once per event type on the analysis and reference cut to that type."""
    import subprocess, tempfile
    scorer = HERE.parent.parent.parent / "shared" / "tools" / "score_seeds.py"
    a = json.loads(pathlib.Path(analysis).read_text(encoding="utf-8"))
    g = json.loads(pathlib.Path(gold).read_text(encoding="utf-8"))
    types = sorted({e["type"] for e in g["events"]} | {str(e.get("type")) for e in a["events"]})
    print(f"{'type':10s} {'recall':>14s} {'precision':>14s}")
    for t in types:
        with tempfile.TemporaryDirectory() as tmp:
            at, gt = dict(a), dict(g)
            at["events"] = [e for e in a["events"] if e.get("type") == t]
            gt["events"] = [e for e in g["events"] if e["type"] == t]
            pa, pg = pathlib.Path(tmp) / "a.json", pathlib.Path(tmp) / "g.json"
            pa.write_text(json.dumps(at, ensure_ascii=False), encoding="utf-8")
            pg.write_text(json.dumps(gt, ensure_ascii=False), encoding="utf-8")
            out = subprocess.run([sys.executable, str(scorer), str(pa), "--gold", str(pg)], capture_output=True, text=True).stdout
        cells = {}
        for line in out.splitlines():
            for name in ("events", "event precision"):
                if line.startswith(name + " ") and not line.startswith("events merged"):
                    cells[name] = line[32:].split()[0]
        print(f"{t:10s} {cells.get('events', '-'):>14s} {cells.get('event precision', '-'):>14s}")


def quote_speakers(analysis, gold):
    """Of Rasd's quotes with a speaker, those whose words contain a listed quote: speaker right or wrong (the
    entity clusters are mapped as the shared scorer maps them); and those that contain no listed quote."""
    a = json.loads(pathlib.Path(analysis).read_text(encoding="utf-8"))
    g = json.loads(pathlib.Path(gold).read_text(encoding="utf-8"))
    owner = owners(a, g)
    docs = {q["doc"] for q in g["quotes"]} | {d for e in g["entities"] for d, _ in e["mentions"]}
    right = wrong = unlisted = nobody = 0
    for q in a["quotes"]:
        if q["doc"] not in docs:
            continue
        if not q.get("speaker"):
            nobody += 1
            continue
        listed = [x for x in g["quotes"] if x["doc"] == q["doc"] and norm(x["contains"]) in norm(q["text"])]
        if not listed:
            unlisted += 1
        elif any(q["speaker"] in owner.get(x["speaker"], set()) for x in listed):
            right += 1
        else:
            wrong += 1
    print(f"quotes with a speaker whose words hold a listed quote: {right} right, {wrong} wrong "
          f"(speaker right {right / max(1, right + wrong):.2f}); {unlisted} hold no listed quote; {nobody} without a speaker")


def owners(a, g):
    """Reference entity key -> Rasd entity ids, matched as the shared scorer matches them."""
    sys.path.insert(0, str(HERE.parent.parent.parent / "shared" / "tools"))
    from score_seeds import same_name
    kinds = {"PERSON": {"PERSON"}, "GPE": {"GPE", "LOC"}, "ORG": {"ORG"}}
    owner = {}
    for ge in g["entities"]:
        ids = owner.setdefault(ge["key"], set())
        for d, form in ge["mentions"]:
            ids.update(e["id"] for e in a["entities"] if e["type"] in kinds[ge["type"]]
                       and any(m["doc"] == d and same_name(m["text"], form) for m in e["mentions"]))
    return owner


def arguments(analysis, gold):
    """The participants of Rasd's events that have a listed event of the same type in one of their articles: how
    many are parties of such an event, kept at each threshold of their `confidence`."""
    a = json.loads(pathlib.Path(analysis).read_text(encoding="utf-8"))
    g = json.loads(pathlib.Path(gold).read_text(encoding="utf-8"))
    owner = owners(a, g)
    rows = []
    for ev in a["events"]:
        docs = {m["doc"] for m in ev.get("mentions", [])} | set(ev.get("sources", []))
        listed = [x for x in g["events"] if x["type"] == str(ev.get("type")).upper() and docs & set(x["docs"])]
        if not listed:
            continue
        parties = {i for x in listed for p in x["participants"] for k in p.split("|") for i in owner.get(k, set())}
        rows += [(p["confidence"], p["entity"] in parties) for p in ev["participants"] if p.get("confidence") is not None]
    right = sum(r for _, r in rows)
    print(f"participants: {len(rows)}, parties of a listed event: {right} ({right / max(1, len(rows)):.3f})")
    for x in (0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9):
        kept = [r for c, r in rows if c >= x]
        print(f"  >= {x:.1f}: kept {len(kept)}, precision {sum(kept) / max(1, len(kept)):.3f}, "
              f"right kept {sum(kept) / max(1, right):.3f}")


def causes(analysis, gold):
    """Counts only (safe on the test part, whose misses are never read): why each required reference event is missed,
    and what each of Rasd's events that matches no listed event resembles, matched as the shared scorer matches."""
    import collections
    a = json.loads(pathlib.Path(analysis).read_text(encoding="utf-8"))
    g = json.loads(pathlib.Path(gold).read_text(encoding="utf-8"))
    owner = owners(a, g)

    def docs(ev):
        return {m["doc"] for m in ev.get("mentions", [])} | set(ev.get("sources", []))

    def parts(ev):
        return {p["entity"] for p in ev.get("participants", [])} | ({ev["place"]} if ev.get("place") else set())

    def match(ev, x, kind=True, who=True, when=True):
        return (docs(ev) & set(x["docs"]) and (not kind or str(ev.get("type")).upper() == x["type"])
                and (not who or all(any(owner.get(k) and owner[k] & parts(ev) for k in p.split("|")) for p in x["participants"]))
                and (not when or not x["date"] or str(ev.get("date") or "").startswith(x["date"])))

    missed, wrong = collections.Counter(), collections.Counter()
    for x in g["events"]:
        if x.get("optional") or any(match(ev, x) for ev in a["events"]):
            continue
        unnamed = any(not any(owner.get(k) for k in p.split("|")) for p in x["participants"])
        if any(match(ev, x, when=False) for ev in a["events"]):
            cause = "its parties found in an event of its type, the date differs"
        elif any(match(ev, x, who=False, when=False) for ev in a["events"]):
            cause = "an event of its type there lacks a party" + (" (a party is no entity)" if unnamed else "")
        else:
            cause = "no event of its type in its articles" + (" (a party is no entity)" if unnamed else "")
        missed[(x["type"], cause)] += 1
    for ev in a["events"]:
        if str(ev.get("modality", "")).lower() in {"speculative", "negated", "hypothetical"}:
            continue
        near = [x for x in g["events"] if docs(ev) & set(x["docs"])]
        if not near or any(match(ev, x) for x in near):
            continue
        if any(match(ev, x, when=False) for x in near):
            cause = "a listed event's parties, another date"
        elif any(match(ev, x, who=False, when=False) for x in near):
            cause = "a listed event's type, other parties"
        elif any(match(ev, x, kind=False, when=False) for x in near):
            cause = "a listed event's parties, another type"
        else:
            cause = "like no listed event"
        wrong[(str(ev.get("type")), cause)] += 1
    for title, counts in (("required events missed", missed), ("events matching no listed event", wrong)):
        print(f"{title}: {sum(counts.values())}")
        by_cause = collections.Counter()
        for (_, cause), n in counts.items():
            by_cause[cause] += n
        for cause, n in by_cause.most_common():
            kinds = ", ".join(f"{t} {k}" for (t, c), k in sorted(counts.items()) if c == cause)
            print(f"  {n:4d}  {cause}  ({kinds})")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "materialize":
        materialize(args)
    elif cmd == "build" and len(args) == 1:
        build(args[0])
    elif cmd == "build-part" and len(args) >= 3:
        build_part(args[0], args[1], args[2:])
    elif cmd == "agreement" and len(args) == 2:
        agreement(*args)
    elif cmd == "quotes" and len(args) == 2:
        quote_speakers(*args)
    elif cmd == "arguments" and len(args) == 2:
        arguments(*args)
    elif cmd == "causes" and len(args) == 2:
        causes(*args)
    elif cmd == "by-type" and len(args) == 2:
        by_type(*args)
    elif cmd == "check" and len(args) == 1:
        check(args[0])
    else:
        sys.exit(__doc__)
