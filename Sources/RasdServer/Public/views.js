// The list and detail views: entities, one entity, discrepancies, documents.
"use strict";

(() => {
  const Rasd = window.Rasd;
  const h = Rasd.h;

  /** Previous / next links for a paged list; `go(offset)` re-renders. */
  function pager(page, go) {
    if (page.total <= page.limit && page.offset === 0) return null;
    const last = Math.min(page.offset + page.items.length, page.total);
    return h("div", { class: "pager" },
      h("button", { type: "button", disabled: page.offset === 0, onclick: () => go(Math.max(0, page.offset - page.limit)) }, Rasd.t("previous")),
      " ", Rasd.ltr(`${page.offset + 1}–${last}`), " ", Rasd.t("of"), " ", Rasd.ltr(String(page.total)), " ",
      h("button", { type: "button", disabled: last >= page.total, onclick: () => go(page.offset + page.limit) }, Rasd.t("next")));
  }

  /** A search row: a text box and optional select, calling `run()` on submit. */
  function filterForm(fields, run) {
    const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); run(); } }, fields,
      h("button", { type: "submit" }, Rasd.t("search")));
    return form;
  }

  function typeSelect(id, types, mapName) {
    return h("select", { id }, h("option", { value: "" }, Rasd.t("allTypes")),
      types.map((t) => h("option", { value: t }, Rasd.tMap(mapName, t))));
  }

  // ---- entities ----

  Rasd.views.entities = async () => {
    const results = h("div", {});
    const q = h("input", { id: "entity-q", type: "search", value: Rasd.params.get("q") || "", placeholder: Rasd.t("searchPlaceholder") });
    const type = typeSelect("entity-type", ["PERSON", "GPE", "ORG", "LOC"], "entityTypes");
    type.value = Rasd.params.get("type") || "";
    const load = async (offset = 0) => {
      const page = await Rasd.api("entities" + Rasd.query({ q: q.value, type: type.value, offset, limit: 100 }));
      results.replaceChildren(page.items.length ? h("ul", { class: "entity-list" }, page.items.map((e) =>
        h("li", {}, Rasd.entityLink(e), " ", h("span", { class: "muted" },
          Rasd.tMap("entityTypes", e.type), " · ", Rasd.ltr(String(e.mentions)), " ", Rasd.t("mentions"), " · ",
          Rasd.ltr(String(e.events)), " ", Rasd.t("events"))))) : Rasd.empty(), pager(page, load));
    };
    await load();
    const search = () => { location.hash = "#/entities" + Rasd.query({ q: q.value, type: type.value }); };
    return h("section", { class: "panel", id: "entities" }, h("h2", {}, Rasd.t("navEntities")), filterForm([q, " ", type, " "], search), results);
  };

  Rasd.quoteItem = (q, withSpeaker) => h("li", { class: "quote" },
    withSpeaker ? h("div", { class: "quote-speaker" },
      q.speaker ? Rasd.entityLink(q.speaker) : Rasd.ar(q.speaker_text || Rasd.t("unknownSpeaker"))) : null,
    h("blockquote", { lang: "ar", dir: "rtl" }, q.direct ? "«" + q.text + "»" : q.text),
    h("div", { class: "muted" }, Rasd.sourceLink(q.document)));

  Rasd.views.entity = async (id) => {
    const e = await Rasd.api("entities/" + encodeURIComponent(id));
    const head = h("header", { class: "entity-head" },
      h("h2", {}, Rasd.ar(e.label), e.label_en ? [" ", h("span", { class: "label-en", lang: "en", dir: "ltr" }, e.label_en)] : null),
      h("p", { class: "muted" }, Rasd.tMap("entityTypes", e.type), e.country ? [" · ", Rasd.ltr(e.country)] : null,
        e.wikidata ? [" · ", Rasd.ltr(e.wikidata)] : null,
        e.events.length ? [" · ", h("a", { href: "#/network/" + encodeURIComponent(e.id) }, Rasd.t("navNetwork"))] : null));
    const aliases = h("div", { class: "block" }, h("h3", {}, Rasd.t("aliases")),
      h("div", { class: "chips" }, e.aliases.map((a) => h("span", { class: "chip" }, Rasd.ar(a)))));
    // The same role (title, office, date, basis) found in several documents is one row listing them all.
    const grouped = [];
    for (const r of e.roles) {
      const same = grouped.find((g) => g.title === r.title && g.office === r.office && g.from === r.from && g.basis === r.basis);
      if (same) { if (r.doc && !same.docs.includes(r.doc)) same.docs.push(r.doc); }
      else grouped.push({ ...r, docs: r.doc ? [r.doc] : [] });
    }
    const roles = h("div", { class: "block" }, h("h3", {}, Rasd.t("roles")), grouped.length ? h("table", { class: "roles" },
      h("thead", {}, h("tr", {}, ["from", "title", "office", "basis", "sources"].map((k) => h("th", {}, Rasd.t(k))))),
      h("tbody", {}, grouped.map((r) => h("tr", {},
        h("td", {}, Rasd.dateLabel(r.from)), h("td", {}, Rasd.ar(r.title)), h("td", {}, Rasd.ltr(r.office || "")),
        h("td", {}, r.basis === "kb" ? Rasd.t("basisKb") : Rasd.t("basisText")),
        h("td", { class: "role-docs" }, r.docs.map((d) => h("a", { href: "#/doc/" + encodeURIComponent(d) }, Rasd.ltr(d)))))))) : Rasd.empty());
    const events = h("div", { class: "block" }, h("h3", {}, Rasd.t("events")), e.events.length
      ? h("ol", { class: "timeline" }, e.events.map((ev) => Rasd.timelineEntry({
          date: ev.date, event: ev.id, type: ev.type, summary: ev.summary || "", modality: ev.modality,
          participants: ev.participants, place: ev.place, excerpt: ev.mentions[0]?.text, sources: ev.sources })))
      : Rasd.empty());
    const quotes = h("div", { class: "block" }, h("h3", {}, Rasd.t("quotes")),
      e.quotes.length ? h("ul", { class: "quotes" }, e.quotes.map((q) => Rasd.quoteItem(q, false))) : Rasd.empty());
    const docs = h("div", { class: "block" }, h("h3", {}, Rasd.t("mentionedIn")),
      h("ul", {}, e.documents.map((d) => h("li", {}, Rasd.sourceLink(d.document), " ",
        h("span", { class: "muted" }, Rasd.ltr(String(d.mentions.length)), " ", Rasd.t("mentions"))))));
    return h("section", { class: "panel entity-page", "data-entity": e.id }, head, aliases, roles, events, quotes, docs);
  };

  // ---- discrepancies ----

  /** What a figure counts ("killed: شخصا" from the analysis), named in the page's language. */
  function about(text) {
    const measure = (text || "").split(":")[0].trim();
    const named = Rasd.tMap("measures", measure);
    return named !== measure ? h("span", { class: "measure", "data-measure": measure }, named) : Rasd.ar(text);
  }

  Rasd.discrepancyPanel = (items) => h("section", { id: "discrepancies", class: "panel" },
    h("h2", {}, Rasd.t("discrepancies")),
    items.length ? h("ul", { class: "discrepancies" }, items.map((d) => h("li", { class: "discrepancy kind-" + d.kind },
      h("div", {}, h("span", { class: "badge" }, Rasd.tMap("kinds", d.kind)), " ",
        d.event ? [Rasd.typeBadge(d.event.type), " ", Rasd.dateLabel(d.event.date), " ",
          d.event.participants.map((p) => Rasd.entityLink(p.entity))] : about(d.about),
        d.unit ? h("span", { class: "muted" }, " · ", Rasd.t("unit") + ": ", Rasd.ar(d.unit)) : null),
      h("table", {}, h("tbody", {}, d.values.map((v) => h("tr", {},
        h("td", { class: "num" }, Rasd.ltr(String(v.value))), h("td", {}, Rasd.ar(v.text)),
        h("td", {}, Rasd.dateLabel(v.date)), h("td", {}, Rasd.sourceLink(v.document))))))))) : Rasd.empty());

  Rasd.views.discrepancies = async () => Rasd.discrepancyPanel((await Rasd.api("discrepancies?limit=500")).items);

  // ---- documents ----

  Rasd.views.documents = async () => {
    const results = h("div", {});
    // The words searched are in the URL (#/documents?q=…), so a search can be shared.
    const q = h("input", { id: "doc-q", type: "search", value: Rasd.params.get("q") || "", placeholder: Rasd.t("searchPlaceholder") });
    const load = async (offset = 0) => {
      const page = await Rasd.api("documents" + Rasd.query({ q: q.value, offset, limit: 50 }));
      results.replaceChildren(page.items.length ? h("ul", { class: "doc-list" }, page.items.map((d) => h("li", { class: "doc-item", "data-doc": d.id },
        Rasd.sourceLink(d), " ", h("span", { class: "muted" }, Rasd.ltr(String(d.events)), " ", Rasd.t("events"),
          d.analysed === false ? [" · ", Rasd.t("notAnalysed")] : null),
        d.snippet ? h("p", { class: "snippet", lang: "ar", dir: "rtl" }, d.snippet) : null))) : Rasd.empty(),
        pager(page, load));
    };
    await load();
    const search = () => { location.hash = "#/documents" + Rasd.query({ q: q.value }); };
    return h("section", { class: "panel", id: "documents" }, h("h2", {}, Rasd.t("navDocuments")), filterForm([q, " "], search), results);
  };
})();
