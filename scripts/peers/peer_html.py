"""Article extraction peers over a folder of generated pages (rasd bench --write-pages).

Usage: peer_html.py TOOL PAGES_DIR PASSES EXTRACTED.jsonl
  trafilatura: trafilatura.extract(html, include_comments=False) (default settings otherwise)
  justext:     justext.justext(html, get_stoplist("Arabic")), paragraphs not marked boilerplate
Writes {id, text} per page to EXTRACTED and prints the timing (common.report)."""
import json
import os
import sys

from common import best_of, imported, report

tool, folder, passes, out_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

if tool == "trafilatura":
    import trafilatura

    def extract(html):
        return trafilatura.extract(html, include_comments=False) or ""
elif tool == "justext":
    import justext

    stoplist = justext.get_stoplist("Arabic")

    def extract(html):
        return "\n".join(p.text for p in justext.justext(html.encode("utf-8"), stoplist) if not p.is_boilerplate)
else:
    sys.exit(f"unknown tool {tool}")

import_cpu, import_wall = imported()
names = sorted(n for n in os.listdir(folder) if n.endswith(".html"))
pages = []
for name in names:
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        pages.append((name[:-5], f.read()))
size = sum(len(h.encode("utf-8")) for _, h in pages)


def run():
    return [(page_id, extract(html)) for page_id, html in pages]


cpu, wall, runs, result = best_of(run, passes)
with open(out_path, "w", encoding="utf-8") as f:
    for page_id, text in result:
        f.write(json.dumps({"id": page_id, "text": text}, ensure_ascii=False) + "\n")
report(tool, "html", cpu, wall, runs, import_cpu, import_wall, articles=len(pages), bytes=size)
