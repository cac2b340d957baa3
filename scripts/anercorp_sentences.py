#!/usr/bin/env python3
"""ANERCorp sentences as Rasd's CoNLLCorpus reads them (a sentence ends after . ! ? ؟ …; the tag is the last
field of a line), numbered from 0, for annotating events (Resources/events/training/README.md).

    python3 scripts/anercorp_sentences.py show ../shared/data/anercorp/train.conll 12 40   # sentences 12 and 40, tokens numbered
    python3 scripts/anercorp_sentences.py pick ../shared/data/anercorp/train.conll N       # N sentences holding event-like words

`pick` looks only at the words (a list of event-like stems below), never at Rasd's output."""
import re, sys

ENDERS = {".", "!", "?", "؟", "…"}

def parse(line):
    s = line.rstrip()
    if not s.strip():
        return None
    i = len(s)
    while i > 0 and not s[i - 1].isspace():
        i -= 1
    tag, token = s[i:], s[:i].strip()
    if not token and not (tag == "O" or tag.startswith("B-") or tag.startswith("I-")):
        return (tag, "O")
    return (token, tag)

def sentences(path):
    text = open(path, encoding="utf-8").read()
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    out, cur = [], []
    for r in raw:
        p = parse(r)
        if p is None:
            if cur: out.append(cur)
            cur = []
            continue
        cur.append(p)
        if p[0] in ENDERS:
            out.append(cur); cur = []
    if cur: out.append(cur)
    return out

STEMS = ["قال", "اكد", "أكد", "اعلن", "أعلن", "صرح", "دعا", "حذر", "طالب", "التقى", "التقي", "اجتمع", "اجتماع", "لقاء",
         "محادثات", "استقبل", "زار", "زيارة", "وصل", "توجه", "وقع", "توقيع", "اتفاق", "اتفاقية", "صادق", "اقر", "أقر",
         "قوات", "ارسال", "إرسال", "نشر", "مساعدات", "صواريخ", "صاروخ", "اطلق", "أطلق", "اتهم", "ادان", "أدان", "ندد",
         "انتقد", "نفى", "نفي", "رفض", "الفيتو", "النقض", "عقوبات", "حظر", "هجوم", "هاجم", "قصف", "غارة", "غارات",
         "انفجار", "تفجير", "اشتباكات", "اغتيال", "قتل", "بحث", "ناقش", "تعهد", "اعرب", "أعرب", "بيان", "سيزور",
         "يزور", "يلتقي", "سيلتقي", "مباحثات", "قمة"]
PAT = re.compile(r"^(?:و|ف)?(?:ب|ل|ك|س)?(?:ال)?(" + "|".join(map(re.escape, STEMS)) + r")")

def main():
    cmd, path = sys.argv[1], sys.argv[2]
    sents = sentences(path)
    if cmd == "count":
        print(len(sents)); return
    if cmd == "show":
        for k in map(int, sys.argv[3:]):
            print(f"## {k}: " + " ".join(f"{i}:{t}" for i, (t, _) in enumerate(sents[k])))
        return
    n = int(sys.argv[3])
    picked = []
    for k, s in enumerate(sents):
        if not (6 <= len(s) <= 45):
            continue
        if any(PAT.match(t) for t, _ in s):
            picked.append(k)
    step = max(1, len(picked) // n)
    for k in picked[::step][:n]:
        print(f"## {k}: " + " ".join(f"{i}:{t}" for i, (t, _) in enumerate(sents[k])))

main()
