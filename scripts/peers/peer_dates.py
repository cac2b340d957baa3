"""Date and number peers over the lines of a JSONL file ({"id", "text", "published"} per line; the article's
publication date is the reference for relative dates, later dates preferred as Duckling does).

Usage: peer_dates.py TOOL STAGE INPUT.jsonl PASSES ANSWERS.jsonl
  dateparser dates:  dateparser.search.search_dates(text, languages=["ar"], settings=...)
  puckling dates:    puckling.parse(text, Context(ref, Locale(AR)), dims=("time",))
  puckling numbers:  puckling.parse(..., dims=("numeral",))
Writes one JSON list per input line to ANSWERS ({start, end, text, iso} or {start, end, text, value}) and prints
the timing (common.report)."""
import datetime
import json
import sys

from common import best_of, imported, read_jsonl, report

tool, stage, path, passes, answers_path = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]


def reference(record):
    y, m, d = (int(x) for x in (record.get("published") or "2015-07-21")[:10].split("-"))
    return datetime.datetime(y, m, d, 12, 0)


if tool == "dateparser" and stage == "dates":
    from dateparser.search import search_dates

    def answer(text, ref):
        found = search_dates(text, languages=["ar"],
                             settings={"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "future"}) or []
        out, at = [], 0
        for span, value in found:
            start = text.find(span, at)
            if start < 0:
                start = text.find(span)
            at = max(at, start + len(span)) if start >= 0 else at
            out.append({"start": start, "end": start + len(span), "text": span, "iso": value.date().isoformat()})
        return out
elif tool == "puckling":
    import puckling

    options = puckling.Options(parse_timeout_ms=None)
    dims = ("time",) if stage == "dates" else ("numeral",)
    grains = {"year": 4, "quarter": 7, "month": 7}

    def iso(value):
        primary = value.primary
        instant = getattr(primary, "start", None) or getattr(primary, "instant", None) or primary
        if not hasattr(instant, "value"):
            return None
        return instant.value.date().isoformat()[:grains.get(instant.grain.value, 10)]

    def answer(text, ref):
        context = puckling.Context(reference_time=ref, locale=puckling.Locale(puckling.Lang.AR))
        out = []
        for e in puckling.parse(text, context, options, dims=dims):
            item = {"start": e.start, "end": e.end, "text": e.body}
            if stage == "dates":
                item["iso"] = iso(e.value)
            else:
                item["value"] = e.value.value
            out.append(item)
        return out
else:
    sys.exit(f"{tool} has no {stage} stage")

import_cpu, import_wall = imported()
records = read_jsonl(path)
lines = [(r["text"], reference(r)) for r in records]
size = sum(len(t.encode("utf-8")) for t, _ in lines)


def run():
    return [answer(text, ref) for text, ref in lines]


cpu, wall, runs, result = best_of(run, passes)
with open(answers_path, "w", encoding="utf-8") as f:
    for found in result:
        f.write(json.dumps(found, ensure_ascii=False) + "\n")
report(tool, stage, cpu, wall, runs, import_cpu, import_wall, articles=len(lines), bytes=size,
       found=sum(len(x) for x in result))
