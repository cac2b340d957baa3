// The stories: the home list (most recent coverage first, or the largest; filters kept in the URL) and one story
// (its timeline, background events apart, actors, discrepancies, documents).
"use strict";

(() => {
  const Rasd = window.Rasd;
  const h = Rasd.h;

  /** Documents per day as a row of bars, the tallest day full height. */
  function sparkline(coverage) {
    if (!coverage || !coverage.length) return null;
    const most = Math.max(...coverage.map((c) => c.documents));
    return h("span", { class: "sparkline", dir: "ltr", title: coverage.map((c) => `${c.date}: ${c.documents}`).join("\n") },
      coverage.map((c) => h("span", { class: "spark-bar", style: `height:${Math.max(3, Math.round(18 * c.documents / most))}px` })));
  }

  function title(s) { return Rasd.lang === "en" && s.title_en ? s.title_en : Rasd.ar(s.title); }

  function span(s) {
    if (!s.first) return Rasd.h("span", { class: "muted" }, Rasd.t("undated"));
    return s.first === s.last ? Rasd.ltr(s.first, "date") : [Rasd.ltr(s.first, "date"), " – ", Rasd.ltr(s.last, "date")];
  }

  function counts(s) {
    return h("span", { class: "muted story-counts" },
      Rasd.ltr(String(s.documents)), " ", Rasd.t("articles"), " · ", Rasd.ltr(String(s.outlets)), " ", Rasd.t("outlets"), " · ",
      Rasd.ltr(String(s.events)), " ", Rasd.t("events"),
      s.discrepancies ? [" · ", Rasd.ltr(String(s.discrepancies)), " ", Rasd.t("discrepancies")] : null);
  }

  // ---- the list: #/stories?sort=size&min_documents=2&outlet=…&type=… ----

  Rasd.views.stories = async (id) => {
    if (id) return storyView(id);
    const params = new URLSearchParams(location.hash.split("?")[1] || "");
    const sort = h("select", { id: "story-sort" },
      ["recent", "size"].map((v) => h("option", { value: v, selected: params.get("sort") === v }, Rasd.t("sort_" + v))));
    const min = h("select", { id: "story-min" },
      ["1", "2", "3"].map((v) => h("option", { value: v, selected: (params.get("min_documents") || "2") === v }, Rasd.t("minDocuments_" + v))));
    const outlet = h("input", { id: "story-outlet", type: "search", value: params.get("outlet") || "", placeholder: Rasd.t("source") });
    const type = h("select", { id: "story-type" }, h("option", { value: "" }, Rasd.t("allTypes")),
      Rasd.vocabulary.eventTypes.map((e) => e.type)
        .map((t) => h("option", { value: t, selected: params.get("type") === t }, Rasd.tMap("eventTypes", t))));
    const offset = Number(params.get("offset") || 0);
    const query = { sort: sort.value, min_documents: min.value, outlet: outlet.value, type: type.value, actor: params.get("actor"),
                    from: params.get("from"), to: params.get("to") };
    const page = await Rasd.api("stories" + Rasd.query({ ...query, offset, limit: 50 }));
    // The URL holds the view and its filters, so a link can be shared.
    const go = (o) => { location.hash = "#/stories" + Rasd.query({ sort: sort.value, min_documents: min.value, outlet: outlet.value,
                                                                   type: type.value, actor: query.actor, from: query.from, to: query.to, offset: o || null }); };
    const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go(0); } },
      sort, " ", min, " ", type, " ", outlet, " ", h("button", { type: "submit" }, Rasd.t("search")));
    const list = page.items.length ? h("ol", { class: "story-list" }, page.items.map((s) => h("li", { class: "story-item", "data-story": s.id },
      h("div", { class: "story-head" }, h("a", { href: "#/stories/" + encodeURIComponent(s.id), class: "story-title" }, title(s)), " ", sparkline(s.coverage)),
      h("div", {}, span(s), " · ", counts(s)),
      h("div", { class: "chips" }, s.actors.map(Rasd.entityLink))))) : Rasd.empty();
    const last = Math.min(offset + page.items.length, page.total);
    const pager = page.total > page.limit ? h("div", { class: "pager" },
      h("button", { type: "button", disabled: offset === 0, onclick: () => go(Math.max(0, offset - page.limit)) }, Rasd.t("previous")), " ",
      Rasd.ltr(`${offset + 1}–${last}`), " ", Rasd.t("of"), " ", Rasd.ltr(String(page.total)), " ",
      h("button", { type: "button", disabled: last >= page.total, onclick: () => go(offset + page.limit) }, Rasd.t("next"))) : null;
    return h("section", { class: "panel" }, h("h2", {}, Rasd.t("navStories"), " ", h("span", { class: "muted" }, Rasd.ltr(String(page.total)))),
      form, list, pager);
  };

  // ---- one story: #/stories/S3 ----

  async function storyView(id) {
    const d = await Rasd.api("stories/" + encodeURIComponent(id));
    const s = d.story;
    const head = h("header", { class: "story-header" }, h("h2", {}, title(s)),
      s.title_en && Rasd.lang !== "en" ? h("p", { class: "label-en", lang: "en", dir: "ltr" }, s.title_en) : null,
      h("p", {}, span(s), " · ", counts(s), " ", sparkline(s.coverage)),
      h("div", { class: "chips" }, d.entities.slice(0, 12).map((e) => Rasd.entityLink(e.entity))));
    const timeline = h("section", { id: "story-timeline", class: "panel" }, h("h2", {}, Rasd.t("timeline")),
      d.timeline.length ? h("ol", { class: "timeline" }, d.timeline.map(Rasd.timelineEntry)) : Rasd.empty());
    const background = d.background.length ? h("section", { id: "story-background", class: "panel" }, h("h2", {}, Rasd.t("background")),
      h("ol", { class: "timeline background" }, d.background.map(Rasd.timelineEntry))) : null;
    const docs = h("section", { class: "panel" }, h("h2", {}, Rasd.t("navDocuments")),
      h("ul", { class: "doc-list" }, d.documents.map((doc) => h("li", {}, Rasd.sourceLink(doc)))));
    return h("div", { class: "story-view", "data-story": s.id }, head, timeline, background, Rasd.discrepancyPanel(d.discrepancies), docs);
  }
})();
