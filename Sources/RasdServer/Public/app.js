// Rasd's page: a hash router over the views, the status bar, the language toggle, shared helpers.
// Plain browser JavaScript, no build step, nothing loaded from elsewhere. Text from the API is always put in
// the page as text (textContent), never as HTML.
"use strict";

const Rasd = (window.Rasd = window.Rasd || {});

// ---- language ----------------------------------------------------------------------------------------------

Rasd.lang = (() => {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "ar") return asked;
  try { return localStorage.getItem("rasd.lang") || "ar"; } catch (e) { return "ar"; }
})();

Rasd.t = (key) => window.RasdI18n[Rasd.lang][key] ?? window.RasdI18n.en[key] ?? key;
Rasd.tMap = (map, key) => (Rasd.t(map) || {})[key] || key;

Rasd.applyLanguage = () => {
  document.documentElement.lang = Rasd.lang;
  document.documentElement.dir = Rasd.t("dir");
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = Rasd.t(el.dataset.i18n); });
};

// ---- DOM helpers ---------------------------------------------------------------------------------------------

/** h("a", {href: "#/", class: "x"}, "text", childNode, [more]) — builds elements; strings become text nodes. */
Rasd.h = (tag, attrs, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  const add = (c) => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  };
  children.forEach(add);
  return el;
};

/** Arabic text from the articles, isolated so that it reads right-to-left inside an English page too. */
Rasd.ar = (text, cls) => Rasd.h("bdi", { lang: "ar", dir: "rtl", class: cls }, text ?? "");
/** Latin-only text (ids, ISO dates, numbers) kept left-to-right inside an Arabic page. */
Rasd.ltr = (text, cls) => Rasd.h("bdi", { dir: "ltr", class: cls }, text ?? "");

Rasd.entityName = (ref) => {
  if (!ref) return "";
  return Rasd.lang === "en" && ref.label_en ? ref.label_en : ref.label;
};

Rasd.entityLink = (ref) => {
  if (!ref) return null;
  const name = Rasd.entityName(ref);
  const isArabic = !(Rasd.lang === "en" && ref.label_en);
  return Rasd.h("a", { href: "#/entity/" + encodeURIComponent(ref.id), class: "chip ent-" + ref.type,
                        title: Rasd.tMap("entityTypes", ref.type) },
                isArabic ? Rasd.ar(name) : name);
};

Rasd.sourceLink = (src) => Rasd.h("a", { href: "#/doc/" + encodeURIComponent(src.id), class: "source-link" },
  src.source ? Rasd.ltr(src.source, "outlet") : null, " ",
  src.title ? Rasd.ar(src.title) : Rasd.ltr(src.id), " ",
  src.published ? Rasd.ltr(src.published, "date") : null);

Rasd.dateLabel = (date) => (date ? Rasd.ltr(date, "date") : Rasd.h("span", { class: "muted" }, Rasd.t("undated")));

Rasd.typeBadge = (type) => Rasd.h("span", { class: "badge ev-" + type }, Rasd.tMap("eventTypes", type));

Rasd.empty = (key) => Rasd.h("p", { class: "empty" }, Rasd.t(key || "noItems"));

// ---- API -----------------------------------------------------------------------------------------------------

Rasd.api = async (path, options) => {
  const response = await fetch("/api/" + path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
};

Rasd.query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? "?" + s : "";
};

// ---- status bar --------------------------------------------------------------------------------------------

Rasd.refreshStatus = async () => {
  const bar = document.getElementById("status");
  let health;
  try { health = await Rasd.api("health"); } catch (e) { bar.replaceChildren(Rasd.t("error") + ": " + e.message); return; }
  Rasd.health = health;
  const running = health.analysis.state === "running";
  const button = health.readOnly ? Rasd.h("span", { class: "muted" }, Rasd.t("readOnly"))
    : Rasd.h("button", { type: "button", disabled: running, onclick: Rasd.runAnalysis },
             running ? Rasd.t("analysing") : Rasd.t("analyse"));
  bar.replaceChildren(
    Rasd.ltr(String(health.storedDocuments)), " ", Rasd.t("stored"), " · ",
    Rasd.ltr(String(health.analysis.analysedDocuments)), " ", Rasd.t("analysed"), " ", button);
  if (running) setTimeout(Rasd.refreshStatus, 1500);
};

Rasd.runAnalysis = async () => {
  try { await Rasd.api("analyze", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }); } catch (e) { alert(e.message); }
  await Rasd.refreshStatus();
  const poll = async () => {
    const status = await Rasd.api("analysis");
    if (status.state === "running") { setTimeout(poll, 1500); return; }
    await Rasd.refreshStatus();
    Rasd.route();
  };
  poll();
};

// ---- router ------------------------------------------------------------------------------------------------

Rasd.views = {};

/** The query of the address' hash (`#/stories/S3?type=MEET` → type=MEET): the view's filters. */
Rasd.params = new URLSearchParams();

Rasd.route = async () => {
  const view = document.getElementById("view");
  const hash = location.hash.replace(/^#\/?/, "");
  const cut = hash.indexOf("?");
  Rasd.params = new URLSearchParams(cut < 0 ? "" : hash.slice(cut + 1));
  // The home view (#/) is the list of stories.
  const [name, ...rest] = ((cut < 0 ? hash : hash.slice(0, cut)) || "stories").split("/");
  const arg = rest.length ? decodeURIComponent(rest.join("/")) : undefined;
  const render = {
    timeline: () => Rasd.views.story(),
    stories: () => Rasd.views.stories(arg),
    doc: () => Rasd.views.story(arg),
    entities: () => Rasd.views.entities(),
    entity: () => Rasd.views.entity(arg),
    network: () => Rasd.views.network(arg),
    discrepancies: () => Rasd.views.discrepancies(),
    documents: () => Rasd.views.documents(),
  }[name];
  const key = name === "doc" ? "timeline" : name;
  document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === key));
  if (!render) { view.replaceChildren(Rasd.empty("notFound")); return; }
  try {
    const el = await render();
    view.replaceChildren(el);
    // A view that needs its layout measured on the page (the network's labels) does it now.
    if (el.rasdAttached) el.rasdAttached();
  } catch (e) {
    view.replaceChildren(Rasd.h("p", { class: "error" }, Rasd.t("error") + ": " + e.message));
  }
  document.body.dataset.ready = key === "timeline" ? "story" : key;
};

// ---- the story: timeline beside the article reader, discrepancies below ------------------------------------

Rasd.timelineEntry = (entry) => {
  // Who did it to whom, in the interface's language: actors, then the others, then the place.
  const actors = entry.participants.filter((p) => p.role === "actor" && p.entity);
  const others = entry.participants.filter((p) => p.role !== "actor" && p.entity);
  const who = Rasd.h("div", { class: "chips tl-who" },
    actors.map((p) => Rasd.entityLink(p.entity)),
    actors.length && others.length ? Rasd.h("span", { class: "arrow" }, Rasd.lang === "ar" ? "←" : "→") : null,
    others.map((p) => Rasd.entityLink(p.entity)),
    entry.place ? [Rasd.h("span", { class: "muted" }, "@"), Rasd.entityLink(entry.place)] : null);
  return Rasd.h("li", { class: "tl-entry", "data-event": entry.event },
    Rasd.h("div", { class: "tl-head" }, Rasd.dateLabel(entry.date), " ", Rasd.typeBadge(entry.type),
      entry.modality && entry.modality !== "asserted"
        ? Rasd.h("span", { class: "modality" }, Rasd.tMap("modalities", entry.modality)) : null),
    entry.participants.length || entry.place ? who : Rasd.h("p", { class: "tl-summary" }, entry.summary),
    entry.excerpt ? Rasd.h("p", { class: "tl-excerpt", lang: "ar", dir: "rtl" }, entry.excerpt) : null,
    Rasd.h("div", { class: "tl-sources" }, Rasd.h("span", { class: "muted" }, Rasd.t("sources") + ": "),
      entry.sources.map((s) => Rasd.sourceLink(s))));
};

Rasd.views.story = async (docID) => {
  // Filters in the URL (#/timeline?actor=E1&type=MEET&modality=planned&outlet=…&from=…&to=…): the API filters
  // all but the modality, which the page does.
  const p = Rasd.params;
  const asked = { entity: p.get("actor"), type: p.get("type"), source: p.get("outlet"), from: p.get("from"), to: p.get("to") };
  const [timeline, documents, discrepancies, network] = await Promise.all([
    Rasd.api("timeline" + Rasd.query({ ...asked, limit: 500 })), Rasd.api("documents?limit=500"), Rasd.api("discrepancies?limit=100"),
    Rasd.api("network")]);
  if (!documents.total) return Rasd.empty("noAnalysis");
  if (p.get("modality")) timeline.items = timeline.items.filter((e) => e.modality === p.get("modality"));
  const fields = Rasd.filterFields(p, {
    actors: network.nodes.slice(0, 200), outlets: [...new Set(documents.items.map((d) => d.source).filter(Boolean))].sort(),
    types: Rasd.vocabulary.eventTypes.map((e) => e.type) });
  const path = docID ? "doc/" + encodeURIComponent(docID) : "timeline";
  const form = Rasd.filterForm(fields, () => { location.hash = Rasd.hashOf(path, fields); }, "#/" + path);
  // Without a chosen article, the one that reports the most events.
  const chosen = docID || documents.items.reduce((a, b) => (b.events > a.events ? b : a)).id;
  const reader = Rasd.h("section", { id: "reader", class: "panel" }, Rasd.h("h2", {}, Rasd.t("article")));
  reader.append(await Rasd.articleView(chosen));
  const list = timeline.items.length ? Rasd.h("ol", { class: "timeline" }, timeline.items.map(Rasd.timelineEntry))
    : Rasd.empty();
  const left = Rasd.h("section", { id: "timeline", class: "panel", "data-shown": timeline.items.length },
    Rasd.h("h2", {}, Rasd.t("timeline")), form, list);
  const story = Rasd.h("div", { class: "story" }, left, reader);
  return Rasd.h("div", {}, story, Rasd.discrepancyPanel(discrepancies.items));
};

// ---- start -------------------------------------------------------------------------------------------------

Rasd.vocabulary = { eventTypes: [], entityTypes: [], participantRoles: [], modalities: [], dateBases: [] };
window.addEventListener("hashchange", Rasd.route);
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("lang-toggle").addEventListener("click", () => {
    Rasd.lang = Rasd.lang === "ar" ? "en" : "ar";
    try { localStorage.setItem("rasd.lang", Rasd.lang); } catch (e) { /* private mode: not remembered */ }
    Rasd.applyLanguage();
    Rasd.refreshStatus();
    Rasd.route();
  });
  Rasd.applyLanguage();
  Rasd.refreshStatus();
  // The closed sets (event types …) come from the server, which holds them once for the analysis and the page.
  Rasd.api("vocabulary")
    .then((v) => { Rasd.vocabulary = v; }, () => { /* the lists stay empty; the views still show what they have */ })
    .then(Rasd.route);
});
