"""Comparing answers: dates and numbers found on the same lines, and article extraction against the truth."""
import json
import re


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _pairs(ours, theirs):
    """Greedy one-to-one pairing of overlapping spans, in text order."""
    used, pairs = set(), []
    for a in ours:
        for k, b in enumerate(theirs):
            if k not in used and a["start"] < b["end"] and b["start"] < a["end"]:
                used.add(k)
                pairs.append((a, b))
                break
    return pairs


def agreement(rasd_lines, peer_lines, key):
    """Per line, Rasd's mentions against the peer's: how many each found, how many overlap, and how many of
    the overlapping pairs have the same value. Dates (key "iso") agree when equal at the coarser of the two
    precisions (2015-07 and 2015-07-21 agree; 2015-07-20 and 2015-07-21 do not); `exact` needs both equal.
    Numbers (key "value") agree when equal."""
    stats = {"rasd": 0, "peer": 0, "overlapping": 0, "same": 0, "exact": 0}
    for ours, theirs in zip(rasd_lines, peer_lines):
        stats["rasd"] += len(ours)
        stats["peer"] += len(theirs)
        for a, b in _pairs(ours, theirs):
            stats["overlapping"] += 1
            x, y = a.get(key), b.get(key)
            if x is None or y is None:
                continue
            if key == "iso":
                n = min(len(x), len(y))
                stats["same"] += x[:n] == y[:n]
                stats["exact"] += x == y
            else:
                same = abs(float(x) - float(y)) <= 1e-9 * max(1.0, abs(float(x)))
                stats["same"] += same
                stats["exact"] += same
    return stats


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def _has_words(text, item):
    """`item` in `text` as whole words (a two-letter label inside a longer word does not count)."""
    return re.search(r"(?<!\w)" + re.escape(item) + r"(?!\w)", text) is not None


def extraction(truth_path, extracted_path):
    """Article extraction scored against the generated pages' truth: share of body paragraphs kept (found in
    the extracted text), pages kept whole, and share of boilerplate texts kept (of those that are not part of
    the article itself: a site name inside a quoted paragraph is not boilerplate)."""
    truth = {t["id"]: t for t in read_lines(truth_path)}
    got = {e["id"]: collapse(e.get("text") or "") for e in read_lines(extracted_path)}
    paragraphs = kept = whole = boiler = boiler_kept = 0
    for page_id, t in truth.items():
        text = got.get(page_id, "")
        body = [collapse(p) for p in t["body"]]
        found = sum(1 for p in body if p in text)
        paragraphs += len(body)
        kept += found
        whole += found == len(body)
        article = " ".join(body) + " " + collapse(t.get("title", ""))
        for item in t["boilerplate"]:
            item = collapse(item)
            if item and item not in article:
                boiler += 1
                boiler_kept += _has_words(text, item)
    return {"pages": len(truth), "extracted": sum(1 for v in got.values() if v),
            "paragraph_recall": kept / max(paragraphs, 1), "pages_whole": whole / max(len(truth), 1),
            "boilerplate_kept": boiler_kept / max(boiler, 1)}
