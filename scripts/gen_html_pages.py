#!/usr/bin/env python3
"""Generates saved-web-page-like HTML files from a JSONL sample (for timing the HTML reader):
navigation, breadcrumbs, a sidebar, share bar, tags, a "read also" list and a footer around the article.
Usage: scripts/gen_html_pages.py SAMPLE.jsonl OUT_DIR [COUNT]   (fixed random seed)"""
import html, json, os, random, sys

src, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
rng = random.Random(6)
os.makedirs(out, exist_ok=True)
records = []
with open(src, encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        if r.get("text", "").strip():
            records.append(r)
        if len(records) >= count:
            break
titles = [r.get("title") or "" for r in records]
for i, r in enumerate(records):
    paras = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in r["text"].split("\n") if p.strip())
    related = "".join(f'<li><a href="/a/{rng.randrange(10**6)}">{html.escape(rng.choice(titles))}</a></li>' for _ in range(5))
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{html.escape(r.get('title') or '')} | {html.escape(r.get('source') or 'site')}</title>
<meta property="og:title" content="{html.escape(r.get('title') or '')}">
<meta property="article:published_time" content="{r.get('published') or ''}T08:00:00+03:00">
<script>window.dataLayer=[];</script><style>body{{font-family:sans-serif}}</style></head><body>
<header class="site-header"><nav class="menu"><a href="/">الرئيسية</a> <a href="/p">سياسة</a> <a href="/e">اقتصاد</a> <a href="/s">رياضة</a></nav></header>
<div class="breadcrumb"><a href="/">الرئيسية</a> › <a href="/news">أخبار</a></div>
<main><article class="post"><h1>{html.escape(r.get('title') or '')}</h1>
<div class="post-meta"><span class="author">المحرر</span> <time datetime="{r.get('published') or ''}">{r.get('published') or ''}</time></div>
<div class="entry-content">{paras}</div>
<div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
<div class="tags"><a href="/t/1">وسم</a> <a href="/t/2">أخبار</a></div></article>
<aside class="sidebar"><h3>الأكثر قراءة</h3><ul>{related}</ul></aside>
<section class="related-posts"><h3>اقرأ أيضا</h3><ul>{related}</ul></section></main>
<footer class="footer"><p>جميع الحقوق محفوظة © 2015</p></footer></body></html>"""
    with open(os.path.join(out, f"page{i:05d}.html"), "w", encoding="utf-8") as f:
        f.write(page)
