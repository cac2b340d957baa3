"""Normalization and tokenization peers over the `text` of every record of a JSONL file.

Usage: peer_text.py TOOL STAGE INPUT.jsonl PASSES
  TOOL pyarabic: normalize = strip_tashkeel + strip_tatweel + normalize_hamza("tasheel") + normalize_alef +
                 normalize_teh + ى→ي (the folds Rasd's normalizer makes, but digits and punctuation);
                 tokenize = araby.tokenize
  TOOL camel:    normalize = dediac_ar + normalize_alef_ar + normalize_alef_maksura_ar + normalize_teh_marbuta_ar
Prints one JSON object (common.report)."""
import sys

from common import best_of, imported, read_jsonl, report

tool, stage, path, passes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

if tool == "pyarabic":
    import pyarabic.araby as araby

    def normalize(text):
        text = araby.strip_tatweel(araby.strip_tashkeel(text))
        text = araby.normalize_teh(araby.normalize_alef(araby.normalize_hamza(text, method="tasheel")))
        return text.replace("\u0649", "\u064A")

    tokenize = araby.tokenize
elif tool == "camel":
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar)

    def normalize(text):
        return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))

    tokenize = None
else:
    sys.exit(f"unknown tool {tool}")

import_cpu, import_wall = imported()
texts = [r["text"] for r in read_jsonl(path)]
size = sum(len(t.encode("utf-8")) for t in texts)

if stage == "normalize":
    def run():
        return sum(len(normalize(t)) for t in texts)
elif stage == "tokenize" and tokenize:
    def run():
        return sum(len(tokenize(t)) for t in texts)
else:
    sys.exit(f"{tool} has no {stage} stage")

cpu, wall, runs, count = best_of(run, passes)
report(tool, stage, cpu, wall, runs, import_cpu, import_wall, articles=len(texts), bytes=size,
       tokens=count if stage == "tokenize" else 0)
