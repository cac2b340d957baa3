// The article view: the text as read, with entities, dates, quotes and quantities highlighted.
//
// Offsets from the API count Unicode scalars (code points); JavaScript strings count UTF-16 units, so the text
// is first cut into code points (Array.from iterates by code point) and offsets index that array.
// Highlights never change the font (no bold): Arabic letters stay joined across highlight boundaries.
"use strict";

(() => {
  const Rasd = window.Rasd;
  const h = Rasd.h;

  /** Spans to paint: {start, end, cls, entity?, tip} from the document's annotations. */
  function spansOf(doc) {
    const spans = [];
    for (const m of doc.mentions) {
      spans.push({ start: m.start, end: m.end, cls: "hl-ent ent-" + m.type, entity: m.entity,
                   tip: (Rasd.lang === "en" && m.label_en ? m.label_en : m.label) + " · " + Rasd.tMap("entityTypes", m.type) });
    }
    for (const d of doc.dates) spans.push({ start: d.start, end: d.end, cls: "hl-date", tip: d.date || d.basis });
    for (const q of doc.quotes) {
      spans.push({ start: q.start, end: q.end, cls: "hl-quote",
                   tip: Rasd.t("quote") + ": " + (q.speaker ? Rasd.entityName(q.speaker) : q.speaker_text || Rasd.t("unknownSpeaker")) });
    }
    for (const q of doc.quantities) {
      const value = q.value ?? [q.min, q.max].filter((v) => v !== undefined).join("–");
      spans.push({ start: q.start, end: q.end, cls: "hl-qty", tip: value + (q.unit ? " " + q.unit : "") });
    }
    for (const r of doc.removed) spans.push({ start: r.start, end: r.end, cls: "removed", tip: Rasd.t("removedLine") + " (" + r.rule + ")" });
    return spans;
  }

  /**
   * Cuts the text at every span boundary and line break; each piece gets the classes of the spans covering it.
   * Each line becomes a paragraph whose direction follows its own first strong letter (unicode-bidi: plaintext).
   */
  function highlightedText(text, spans) {
    const cps = Array.from(text);
    const n = cps.length;
    const cuts = new Set([0, n]);
    for (const s of spans) {
      s.start = Math.max(0, Math.min(n, s.start));
      s.end = Math.max(s.start, Math.min(n, s.end));
      cuts.add(s.start); cuts.add(s.end);
    }
    cps.forEach((c, i) => { if (c === "\n") { cuts.add(i); cuts.add(i + 1); } });
    const bounds = [...cuts].sort((a, b) => a - b);
    const body = h("div", { class: "article-text", lang: "ar", dir: "rtl" });
    let paragraph = h("p", {});
    for (let k = 0; k + 1 < bounds.length; k++) {
      const a = bounds[k], b = bounds[k + 1];
      const piece = cps.slice(a, b).join("");
      if (piece === "\n") { body.append(paragraph); paragraph = h("p", {}); continue; }
      const covering = spans.filter((s) => s.start <= a && s.end >= b && s.start < s.end);
      if (!covering.length) { paragraph.append(piece); continue; }
      const entity = covering.find((s) => s.entity);
      const classes = covering.map((s) => s.cls).join(" ");
      const tip = covering.map((s) => s.tip).join(" | ");
      const el = entity
        ? h("a", { class: "hl " + classes, href: "#/entity/" + encodeURIComponent(entity.entity), "data-entity": entity.entity, title: tip }, piece)
        : h("span", { class: "hl " + classes, title: tip }, piece);
      paragraph.append(el);
    }
    body.append(paragraph);
    return body;
  }

  function legend() {
    const item = (cls, key) => h("span", { class: "hl " + cls }, Rasd.t(key));
    return h("div", { class: "legend" }, h("span", { class: "muted" }, Rasd.t("legend") + ": "),
      ["PERSON", "GPE", "ORG", "LOC"].map((t) => h("span", { class: "hl hl-ent ent-" + t }, Rasd.tMap("entityTypes", t))),
      item("hl-date", "date"), item("hl-quote", "quote"), item("hl-qty", "quantity"), item("removed", "removedLine"));
  }

  /** For an article without a title: its first line that the cleaner kept (a headline, usually). */
  function headline(doc) {
    const cps = Array.from(doc.text);
    let start = 0;
    while (start < cps.length) {
      let end = cps.indexOf("\n", start);
      if (end < 0) end = cps.length;
      const line = cps.slice(start, end).join("").trim();
      const removed = doc.removed.some((r) => r.start <= start && r.end >= end);
      if (line && !removed) return line.length > 140 ? line.slice(0, 140) + "…" : line;
      start = end + 1;
    }
    return "";
  }

  /** The article with its metadata, highlighted text, events and quotes. */
  Rasd.articleView = async (id) => {
    let doc;
    try {
      doc = await Rasd.api("documents/" + encodeURIComponent(id));
    } catch (e) {
      return h("p", { class: "error" }, e.status === 404 ? Rasd.t("notFound") : e.message);
    }
    const meta = h("p", { class: "doc-meta" },
      doc.source ? [Rasd.t("source") + ": ", Rasd.ltr(doc.source), " · "] : null,
      doc.published ? [Rasd.t("published") + ": ", Rasd.ltr(doc.published), " · "] : null,
      Rasd.ltr(doc.id, "doc-id"));
    const events = doc.events.length ? h("div", { class: "doc-events" }, h("h3", {}, Rasd.t("events")),
      h("ul", {}, doc.events.map((e) => h("li", {}, Rasd.dateLabel(e.date), " ", Rasd.typeBadge(e.type), " ",
        e.participants.map((p) => Rasd.entityLink(p.entity)), e.place ? [" @ ", Rasd.entityLink(e.place)] : null)))) : null;
    return h("article", { class: "article", "data-doc": doc.id },
      h("h3", { class: "doc-title" }, doc.title || headline(doc) ? Rasd.ar(doc.title || headline(doc)) : Rasd.ltr(doc.id)), meta, legend(),
      highlightedText(doc.text, spansOf(doc)), events);
  };

  Rasd.spansOf = spansOf;
  Rasd.highlightedText = highlightedText;
})();
