#!/usr/bin/env python3
"""Generates the knowledge-base resource files of Rasd (Sources/RasdKit/Resources/kb/*.tsv).

Inputs (all offline):
  - Debian iso-codes: ISO 3166-1 codes and English names (/usr/share/iso-codes/json/iso_3166-1.json) and
    their Arabic translations (/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo);
  - CLDR (Debian unicode-cldr-core): Arabic territory names (/usr/share/unicode/cldr/common/main/ar.xml) and
    the region's provinces and governorates (ISO 3166-2 subdivisions, /usr/share/unicode/cldr/common/subdivisions/
    ar.xml and en.xml; Debian iso-codes has no Arabic subdivision names);
  - hand-curated data under scripts/kb_src/*.tsv (overrides, extra aliases, places, people, organizations,
    roles, nationality forms).

Run from the repository root:  python3 scripts/gen_kb.py
Python 3 standard library only. The generated files are committed; re-run after editing kb_src.
"""
import gettext
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "scripts", "kb_src")
OUT = os.path.join(ROOT, "Sources", "RasdKit", "Resources", "kb")

ISO_JSON = ["/usr/share/iso-codes/json/iso_3166-1.json"]
ISO_MO = "/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"
CLDR_AR = "/usr/share/unicode/cldr/common/main/ar.xml"
CLDR_SUB = "/usr/share/unicode/cldr/common/subdivisions/{}.xml"
# The region (the Arab League's states, Iran, Turkey, Israel): their ISO 3166-2 subdivisions become places.
REGION = "sa ye bh ae kw qa om iq sy jo lb ps eg ly tn dz ma sd so dj km mr ir tr il".split()
# Nouns before a subdivision's name in CLDR ("محافظة إب"، "ولاية البويرة"): the bare name is a form too.
SUB_HEADS = ["محافظة", "منطقة", "ولاية", "إمارة", "امارة", "بلدية", "شعبية", "إقليم", "عمالة", "جهة"]

COLUMNS = ["id", "type", "label_ar", "label_en", "wikidata", "aliases", "country", "kind"]
TYPES = {"PERSON", "GPE", "LOC", "ORG"}
# Diacritics and tatweel: dropped from surface forms (the matcher's normalizer drops them too).
DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640\u0610-\u061A]")


def clean(s):
    s = DIACRITICS.sub("", s or "").strip()
    s = re.sub(r"\bو\s+(?=\S)", "و", s)  # iso-codes writes "و أيرلندا" for "وأيرلندا"
    return re.sub(r"\s+", " ", s)


def read_tsv(name):
    """Rows of a hand-written source file (comments and blank lines skipped), padded to the header width."""
    path = os.path.join(SRC, name)
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append((n, line.split("\t")))
    return rows


def entity_rows(name):
    out = []
    for n, f in read_tsv(name):
        f = f + [""] * (len(COLUMNS) - len(f))
        if len(f) > len(COLUMNS):
            sys.exit(f"{name}:{n}: {len(f)} fields, expected {len(COLUMNS)}")
        out.append(dict(zip(COLUMNS, [clean(x) if i != 5 else x for i, x in enumerate(f)])))
    return out


def split_aliases(s):
    return [clean(a) for a in (s or "").split("|") if clean(a)]


def cldr_territories():
    names = {}
    root = ET.parse(CLDR_AR).getroot()
    for t in root.iter("territory"):
        code = t.get("type")
        if len(code) == 2 and code.isalpha():
            names.setdefault(code, []).append((t.get("alt") or "", clean(t.text)))
    return names


def cldr_forms(name):
    """A CLDR display name as surface forms: 'ميانمار (بورما)' gives both; 'X - Y' forms are not news usage."""
    if " - " in name:
        return []
    m = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if m:
        inner = m.group(2)
        return [m.group(1)] + ([inner] if " " not in inner else [])
    return [name]


def countries():
    iso = json.load(open(ISO_JSON[0], encoding="utf-8"))["3166-1"]
    with open(ISO_MO, "rb") as f:
        tr = gettext.GNUTranslations(f)
    cldr = cldr_territories()
    over = {r["id"]: r for r in entity_rows("countries.tsv")}
    out = []
    for e in iso:
        code = e["alpha_2"]
        cid = code.lower()
        o = over.pop(cid, {})
        forms = []
        for alt, name in cldr.get(code, []):
            if alt in ("", "short", "variant"):
                forms += cldr_forms(name)
        for key in ("name", "official_name"):
            if e.get(key):
                ar = clean(tr.gettext(e[key]))
                if ar and ar != e[key] and "،" not in ar and "," not in ar:
                    forms += cldr_forms(ar)
        label_ar = o.get("label_ar") or (forms[0] if forms else "")
        extra = split_aliases(o.get("aliases"))
        # An override alias written "-X" removes the generated form X (not news usage, or misleading).
        drop = {a[1:] for a in extra if a.startswith("-")}
        aliases = [label_ar] + forms + [a for a in extra if not a.startswith("-")]
        out.append({
            "id": cid, "type": o.get("type") or "GPE", "label_ar": label_ar,
            "label_en": o.get("label_en") or e.get("common_name") or e["name"],
            "wikidata": o.get("wikidata", ""), "aliases": [a for a in aliases if a not in drop],
            "country": o.get("country", ""), "kind": o.get("kind") or "country",
        })
    # Former states and anything else only in the overrides.
    for cid, o in over.items():
        out.append({**o, "type": o["type"] or "GPE", "kind": o["kind"] or "country",
                    "aliases": [o["label_ar"]] + split_aliases(o["aliases"])})
    return out


def akey(a):
    """A loose comparison key of an alias (as the knowledge base folds it: hamzas, ta marbuta, alif maqsura, ال)."""
    a = re.sub("[إأآٱ]", "ا", clean(a)).replace("ة", "ه").replace("ى", "ي").replace("ی", "ي")
    return a[2:] if a.startswith("ال") and len(a) > 4 else a


def subdivisions(rows):
    """The region's provinces and governorates from CLDR, as places of kind `region` (type GPE).

    Each gives its CLDR name and the name without the head noun ("محافظة الأنبار" → "الأنبار"). A bare name that
    is a word in its own right (kb_src/subdivision_skip.tsv: "الشمالية"، "الوسطى") is not kept alone. A name that
    is already an alias of a place of the same country (the city of Aden, "عدن") adds the full form to that place
    instead of making a second entity; one that names anything else (a state, a person) is left out, and so is a
    form shared by two subdivisions (the many "محافظة العاصمة")."""
    skip = {akey(f[0]) for n, f in read_tsv("subdivision_skip.tsv")}
    en = {s.get("type"): s.text for s in ET.parse(CLDR_SUB.format("en")).getroot().iter("subdivision")}
    owners = {}
    for r in rows:
        for a in r["aliases"]:
            owners.setdefault(akey(a), []).append(r)
    cands = []
    for sub in ET.parse(CLDR_SUB.format("ar")).getroot().iter("subdivision"):
        code, name = sub.get("type"), clean(sub.text)
        cc = code[:2]
        if cc not in REGION or not re.fullmatch(r"[\u0621-\u064A ]+", name) or code not in en:
            continue
        words = name.split(" ")
        bare = " ".join(words[1:]) if len(words) > 1 and words[0] in SUB_HEADS else name
        forms = [name] + ([bare] if bare != name and akey(bare) not in skip and len(akey(bare)) >= 3 else [])
        if akey(bare) in skip and bare == name:
            continue
        cands.append((code, cc, en[code], forms))
    count = {}
    for _, _, _, forms in cands:
        for f in forms:
            count[akey(f)] = count.get(akey(f), 0) + 1
    out, used = [], {r["id"] for r in rows}
    for code, cc, label_en, forms in cands:
        forms = [f for f in forms if count[akey(f)] == 1]
        if not forms:
            continue
        ascii_en = unicodedata.normalize("NFKD", label_en).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "_", ascii_en.lower()).strip("_")
        same = next((r for r in rows if r["id"] == slug), None)
        if same is not None:
            # The place is known under its English name, perhaps only by a form that keeps a common word apart
            # ("مدينة حماة"): add the CLDR name only when it has its head noun.
            if same["country"] == cc and same["kind"] != "country" and forms[0].split(" ")[0] in SUB_HEADS \
                    and akey(forms[0]) not in {akey(a) for a in same["aliases"]} and akey(forms[0]) not in owners:
                same["aliases"] = same["aliases"] + [forms[0]]
            continue
        known = [o for f in forms for o in owners.get(akey(f), [])]
        if known:
            place = next((o for o in known if o["country"] == cc and o["type"] in ("GPE", "LOC") and o["kind"] != "country"), None)
            if place and len({o["id"] for o in known}) == 1:
                place["aliases"] = place["aliases"] + [f for f in forms if akey(f) not in {akey(a) for a in place["aliases"]}]
            continue
        rid = slug if slug not in used else f"{slug}_{cc}"
        used.add(rid)
        out.append({"id": rid, "type": "GPE", "label_ar": forms[0], "label_en": label_en, "wikidata": "",
                    "aliases": forms, "country": cc, "kind": "region"})
        # A generated one-word name is weak evidence on its own (a transliteration may spell a verb after the
        # knowledge base's folding: "أغري" and "أجرى"): it links after a place noun or when the tagger agrees.
        GENERATED_WEAK.extend(f for f in forms if " " not in f)
    return out


GENERATED_WEAK = []


def finish(rows):
    for r in rows:
        seen, al = set(), []
        for a in ([r["label_ar"]] + (r["aliases"] if isinstance(r["aliases"], list) else split_aliases(r["aliases"]))):
            if a and a not in seen:
                seen.add(a)
                al.append(a)
        r["aliases"] = al
    return rows


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# GENERATED by scripts/gen_kb.py from iso-codes, CLDR and scripts/kb_src; do not edit by hand.\n")
        f.write("# " + "\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{name}: {len(rows)} rows")


def write_entities(name, rows):
    write(name, COLUMNS, [[r["id"], r["type"], r["label_ar"], r["label_en"], r["wikidata"],
                            "|".join(r["aliases"]), r["country"], r["kind"]] for r in rows])


# Nisba adjectives of one-word country names. Names ending in ي or و and those listed in
# kb_src/nationalities.tsv are left to the hand list (irregular or ambiguous with common words).
def nisba(name):
    w = name
    if " " in w:
        return None
    if w.startswith("ال"):
        w = w[2:]
    if w.endswith("ية") or w.endswith("يا"):
        stem = w[:-2]                      # السعودية → سعودي, روسيا → روسي
    elif w.endswith("ا") or w.endswith("ة"):
        stem = w[:-1]                      # كندا → كندي, سنغافورة → سنغافوري
    elif w[-1] in "يوى":
        return None                        # مالي, تشيلي, الكونغو: irregular or ambiguous
    else:
        stem = w                           # مصر → مصري, اليابان → ياباني
    if len(stem) < 2:
        return None
    return [stem + "ي", stem + "ية", "ال" + stem + "ي", "ال" + stem + "ية",
            stem + "يون", stem + "يين", "ال" + stem + "يون", "ال" + stem + "يين"]


def expand(form):
    """'كوري شمالي*' → the masculine/feminine, singular/plural, with/without ال forms of every word."""
    if not form.endswith("*"):
        return [form]
    words = form[:-1].split()
    out = []
    for suffix in ("", "ة", "ون", "ين"):
        plain = " ".join(w + suffix for w in words)
        out += [plain, " ".join("ال" + w + suffix for w in words)]
    return out


def nationalities(country_rows):
    hand = {}
    for n, f in read_tsv("nationalities.tsv"):
        forms = [g for x in f[1].split("|") if clean(x) for g in expand(clean(x))]
        hand[f[0]] = list(dict.fromkeys(forms))
    skip = set()
    for n, f in read_tsv("nationality_skip.tsv"):
        skip.add(f[0])
    out, owner = {}, {}
    for r in country_rows:
        cid = r["id"]
        if cid in hand:
            forms = hand[cid]
        elif cid in skip or r["kind"] != "country":
            continue
        else:
            forms = nisba(r["label_ar"]) or []
        if forms:
            out[cid] = forms
    for cid in hand:
        out.setdefault(cid, hand[cid])
    # A form claimed by two countries is ambiguous: keep it only for the hand-written owner.
    for cid, forms in out.items():
        for f in forms:
            owner.setdefault(f, []).append(cid)
    rows = []
    for cid, forms in sorted(out.items()):
        kept = [f for f in forms if len(owner[f]) == 1 or cid in hand]
        rows.append([cid, "|".join(dict.fromkeys(kept))])
    return rows


def main():
    # The Debian packages it reads: say which is missing instead of failing on the first open().
    for path, package in ((ISO_JSON[0], "iso-codes"), (ISO_MO, "iso-codes"), (CLDR_AR, "unicode-cldr-core")):
        if not os.path.exists(path):
            sys.exit(f"gen_kb.py: {path} is missing: apt-get install -y {package}")
    os.makedirs(OUT, exist_ok=True)
    cs = finish(countries())
    seen = {r["id"] for r in cs}
    write_entities("countries.tsv", cs)
    sources = {"places.tsv": ["capitals.tsv", "places.tsv"], "people.tsv": ["people.tsv"],
               "organizations.tsv": ["organizations.tsv"]}
    for name, inputs in sources.items():
        rows = finish([r for src in inputs for r in entity_rows(src)])
        if name == "places.tsv":
            others = finish([r for src in ("people.tsv", "organizations.tsv") for r in entity_rows(src)])
            rows = finish(rows + subdivisions(cs + rows + others))
        for r in rows:
            if r["type"] not in TYPES:
                sys.exit(f"{name}: {r['id']}: bad type {r['type']!r}")
            if r["id"] in seen:
                sys.exit(f"{name}: duplicate id {r['id']}")
            seen.add(r["id"])
        write_entities(name, rows)
    write("roles.tsv", ["person_id", "title_ar", "title_en", "office", "country", "from", "to"],
          [[clean(x) for x in (f + [""] * 7)[:7]] for n, f in read_tsv("roles.tsv")])
    write("nationalities.tsv", ["country_id", "forms"], nationalities(cs))
    write("ambiguous.tsv", ["alias", "ids"], [f[:2] for n, f in read_tsv("ambiguous.tsv")])
    hand = [f[:2] for n, f in read_tsv("common_words.tsv")]
    listed = {akey(f[0]) for f in hand}
    weak = [[w, "a province's one-word name (generated from CLDR)"] for w in dict.fromkeys(GENERATED_WEAK) if akey(w) not in listed]
    write("common_words.tsv", ["alias", "meaning"], hand + weak)


if __name__ == "__main__":
    main()
