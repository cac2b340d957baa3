// The stories: the home list (most recent coverage first, or the most reported) and one story (its timeline,
// background events apart, actors, discrepancies, documents). Every filter lives in the URL, so a link opens the
// same view with the same filters.
"use strict";

(() => {
  const Rasd = window.Rasd;
  const h = Rasd.h;

  /** Documents per day as a row of bars, the tallest day full height. */
  function sparkline(coverage) {
    if (!coverage || !coverage.length) return null;
    const most = Math.max(...coverage.map((c) => c.documents));
    return h("span", { class: "sparkline", dir: "ltr", title: coverage.map((c) => `${c.date}: ${c.documents}`).join("\n") },
      coverage.map((c) => {
        const bar = h("span", { class: "spark-bar", "data-documents": c.documents });
        bar.style.height = Math.max(3, Math.round(18 * c.documents / most)) + "px";   // through the DOM: no inline style attribute
        return bar;
      }));
  }

  function title(s) { return Rasd.lang === "en" && s.title_en ? s.title_en : Rasd.ar(s.title); }

  function span(s) {
    if (!s.first) return Rasd.h("span", { class: "muted" }, Rasd.t("undated"));
    return s.first === s.last ? Rasd.ltr(s.first, "date") : [Rasd.ltr(s.first, "date"), " – ", Rasd.ltr(s.last, "date")];
  }

  function counts(s) {
    return h("span", { class: "muted story-counts" },
      Rasd.ltr(String(s.documents)), " ", Rasd.t("articles"), " · ", Rasd.ltr(String(s.outlets)), " ", Rasd.t("outlets"), " · ",
      Rasd.ltr(String(s.events)), " ", Rasd.t("eventsCount"),
      s.discrepancies ? [" · ", Rasd.ltr(String(s.discrepancies)), " ", Rasd.t("discrepanciesCount")] : null);
  }

  // ---- the filters, shared by the list and one story ----

  const select = (id, value, first, options) => h("select", { id, name: id },
    h("option", { value: "" }, first),
    options.map(([v, label]) => h("option", { value: v, selected: value === v }, label)));

  /** The filter row: actor, event type, modality, outlet, date range, read from and written to the URL. */
  function filterFields(params, { actors, outlets, types }) {
    const actor = params.get("actor") || "";
    if (actor && !actors.some((a) => a.id === actor)) actors = [{ id: actor, label: actor }, ...actors];
    const outlet = params.get("outlet") || "";
    if (outlet && !outlets.includes(outlet)) outlets = [outlet, ...outlets];
    return {
      actor: select("f-actor", actor, Rasd.t("allActors"), actors.map((a) => [a.id, Rasd.entityName(a)])),
      type: select("f-type", params.get("type") || "", Rasd.t("allTypes"), types.map((t) => [t, Rasd.tMap("eventTypes", t)])),
      modality: select("f-modality", params.get("modality") || "", Rasd.t("allModalities"),
        (Rasd.vocabulary.modalities.length ? Rasd.vocabulary.modalities : Object.keys(Rasd.t("modalities")))
          .map((m) => [m, Rasd.tMap("modalities", m)])),
      outlet: select("f-outlet", outlet, Rasd.t("allOutlets"), outlets.map((o) => [o, o])),
      from: h("input", { id: "f-from", type: "text", size: 10, dir: "ltr", value: params.get("from") || "", placeholder: Rasd.t("fromDate"),
                         pattern: "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", title: "YYYY-MM-DD" }),
      to: h("input", { id: "f-to", type: "text", size: 10, dir: "ltr", value: params.get("to") || "", placeholder: Rasd.t("toDate"),
                       pattern: "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", title: "YYYY-MM-DD" }),
    };
  }

  /** The hash for a view: its path and the non-empty fields' values. */
  function hashOf(path, fields, extra) {
    const values = {};
    for (const [k, el] of Object.entries(fields)) values[k] = el.value;
    return "#/" + path + Rasd.query({ ...values, ...extra });
  }

  function filterForm(fields, go, clearHash) {
    return h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go(); } },
      Object.values(fields).flatMap((el) => [el, " "]),
      h("button", { type: "submit" }, Rasd.t("apply")), " ",
      h("a", { href: clearHash, class: "clear-filters" }, Rasd.t("clearFilters")));
  }

  // ---- the list: #/?sort=size&min_documents=2&actor=E1&type=MEET&modality=planned&outlet=…&from=…&to=…&q=… ----

  Rasd.views.stories = async (id) => {
    if (id) return storyView(id);
    const params = Rasd.params;
    const offset = Number(params.get("offset") || 0);
    const asked = {};
    for (const k of ["sort", "min_documents", "actor", "type", "modality", "outlet", "from", "to", "q"]) asked[k] = params.get(k);
    asked.min_documents = asked.min_documents || "2";
    // The choices (actors, outlets) come from the larger stories; the list is the filtered page.
    const [page, all] = await Promise.all([
      Rasd.api("stories" + Rasd.query({ ...asked, offset, limit: 50 })),
      Rasd.api("stories?sort=size&limit=200")]);
    const actors = [], seen = new Set();
    for (const s of all.items) for (const a of s.actors) if (!seen.has(a.id)) { seen.add(a.id); actors.push(a); }
    const outlets = [...new Set(all.items.flatMap((s) => s.sources))].sort();
    const fields = {
      q: h("input", { id: "f-q", type: "search", value: asked.q || "", placeholder: Rasd.t("searchPlaceholder") }),
      sort: h("select", { id: "f-sort" }, ["recent", "size"].map((v) => h("option", { value: v, selected: asked.sort === v }, Rasd.t("sort_" + v)))),
      min_documents: h("select", { id: "f-min" },
        ["1", "2", "3"].map((v) => h("option", { value: v, selected: asked.min_documents === v }, Rasd.t("minDocuments_" + v)))),
      ...filterFields(params, { actors, outlets, types: Rasd.vocabulary.eventTypes.map((e) => e.type) }),
    };
    // The URL holds the view and its filters, so a link can be shared.
    const go = (o) => { location.hash = hashOf("", fields, { offset: o || null }); };
    const list = page.items.length ? h("ol", { class: "story-list" }, page.items.map((s) => h("li", { class: "story-item", "data-story": s.id },
      h("div", { class: "story-head" }, h("a", { href: "#/stories/" + encodeURIComponent(s.id), class: "story-title" }, title(s)), " ", sparkline(s.coverage)),
      h("div", {}, span(s), " · ", counts(s)),
      h("div", { class: "chips" }, s.actors.map(Rasd.entityLink))))) : Rasd.empty();
    const last = Math.min(offset + page.items.length, page.total);
    const pager = page.total > page.limit ? h("div", { class: "pager" },
      h("button", { type: "button", disabled: offset === 0, onclick: () => go(Math.max(0, offset - page.limit)) }, Rasd.t("previous")), " ",
      Rasd.ltr(`${offset + 1}–${last}`), " ", Rasd.t("of"), " ", Rasd.ltr(String(page.total)), " ",
      h("button", { type: "button", disabled: last >= page.total, onclick: () => go(offset + page.limit) }, Rasd.t("next"))) : null;
    return h("section", { class: "panel", id: "stories", "data-total": page.total },
      h("h2", {}, Rasd.t("navStories"), " ", h("span", { class: "muted" }, Rasd.ltr(String(page.total)))),
      filterForm(fields, () => go(0), "#/"), list, pager);
  };

  // ---- one story: #/stories/S3?order=newest&actor=…&type=…&modality=…&outlet=…&from=…&to=… ----

  /** First and last day a date (YYYY, YYYY-MM, YYYY-MM-DD) covers, as comparable strings. */
  const firstDay = (d) => (d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d);
  const lastDay = (d) => (d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d);

  function admits(entry, f) {
    if (f.type && entry.type !== f.type) return false;
    if (f.modality && entry.modality !== f.modality) return false;
    if (f.actor && !(entry.participants.some((p) => p.id === f.actor) || entry.place?.id === f.actor)) return false;
    if (f.outlet && !entry.sources.some((s) => s.source === f.outlet)) return false;
    if (f.from || f.to) {
      if (!entry.date) return false;
      if (f.from && lastDay(entry.date) < firstDay(f.from)) return false;
      if (f.to && firstDay(entry.date) > lastDay(f.to)) return false;
    }
    return true;
  }

  // Shared with the timeline of every event (app.js).
  Rasd.filterFields = filterFields;
  Rasd.filterForm = filterForm;
  Rasd.hashOf = hashOf;
  Rasd.admits = admits;

  async function storyView(id) {
    const d = await Rasd.api("stories/" + encodeURIComponent(id));
    const s = d.story;
    const params = Rasd.params;
    const f = {};
    for (const k of ["actor", "type", "modality", "outlet", "from", "to"]) f[k] = params.get(k) || "";
    const newest = params.get("order") === "newest";
    const pick = (entries) => { const kept = entries.filter((e) => admits(e, f)); return newest ? kept.reverse() : kept; };
    const timeline = pick(d.timeline), background = pick(d.background);
    const types = [...new Set(d.timeline.concat(d.background).map((e) => e.type))].sort();
    const fields = {
      order: h("select", { id: "f-order" }, ["oldest", "newest"].map((v) => h("option", { value: v, selected: (newest ? "newest" : "oldest") === v }, Rasd.t("order_" + v)))),
      ...filterFields(params, { actors: d.entities.map((e) => e.entity), outlets: s.sources, types }),
    };
    const path = "stories/" + encodeURIComponent(s.id);
    const form = filterForm(fields, () => { location.hash = hashOf(path, fields); }, "#/" + path);
    const head = h("header", { class: "story-header" }, h("h2", {}, title(s)),
      s.title_en && Rasd.lang !== "en" ? h("p", { class: "label-en", lang: "en", dir: "ltr" }, s.title_en) : null,
      h("p", {}, span(s), " · ", counts(s), " ", sparkline(s.coverage)),
      h("div", { class: "chips" }, d.entities.slice(0, 12).map((e) => Rasd.entityLink(e.entity))),
      d.network.edges.length ? h("p", {}, h("a", { href: "#/network?story=" + encodeURIComponent(s.id) }, Rasd.t("storyNetwork"))) : null);
    // The differing figures of an event beside it, each with its source.
    const figuresOf = new Map();
    for (const x of d.discrepancies) if (x.event) figuresOf.set(x.event.id, [...(figuresOf.get(x.event.id) || []), x]);
    const entry = (e) => {
      const li = Rasd.timelineEntry(e);
      const found = figuresOf.get(e.event);
      if (found) {
        li.append(h("div", { class: "tl-figures" }, found.map((x) => h("div", { class: "figures kind-" + x.kind },
          h("span", { class: "badge" }, Rasd.tMap("kinds", x.kind)), " ",
          x.values.map((v) => h("span", { class: "figure" }, Rasd.ltr(String(v.value), "num"), " ", Rasd.ar(v.text), " ", Rasd.sourceLink(v.document)))))));
      }
      return li;
    };
    const list = h("section", { id: "story-timeline", class: "panel", "data-shown": timeline.length }, h("h2", {}, Rasd.t("timeline")),
      form, timeline.length ? h("ol", { class: "timeline" }, timeline.map(entry)) : Rasd.empty());
    const past = background.length ? h("section", { id: "story-background", class: "panel" }, h("h2", {}, Rasd.t("background")),
      h("ol", { class: "timeline background" }, background.map(Rasd.timelineEntry))) : null;
    const docs = h("section", { class: "panel" }, h("h2", {}, Rasd.t("navDocuments")),
      h("ul", { class: "doc-list" }, d.documents.filter((doc) => !f.outlet || doc.source === f.outlet).map((doc) => h("li", {}, Rasd.sourceLink(doc)))));
    const related = d.related.length ? h("section", { id: "story-related", class: "panel" }, h("h2", {}, Rasd.t("relatedStories")),
      h("ul", { class: "doc-list" }, d.related.map((r) => h("li", {},
        h("a", { href: "#/stories/" + encodeURIComponent(r.id), "data-story": r.id }, title(r)), " · ", span(r))))) : null;
    return h("div", { class: "story-view", "data-story": s.id }, head, list, past, Rasd.discrepancyPanel(d.discrepancies), related, docs);
  }
})();
