// The network of who met, accused, visited … whom, drawn as SVG. Layout: nodes start on a circle, then a
// fixed number of force steps (repulsion between all nodes, springs along edges, a pull to the centre).
// Deterministic: the same data gives the same picture.
"use strict";

(() => {
  const Rasd = window.Rasd;
  const h = Rasd.h;
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 900, HEIGHT = 620;
  const COLORS = {
    MEET: "#2b7bb9", VISIT: "#3a9d5d", SIGN: "#7b5ea7", RATIFY: "#7b5ea7", ACCUSE: "#c0392b", DENY: "#e67e22",
    ATTACK: "#8e1b10", SANCTION: "#a04000", VETO: "#6d4c41", STATEMENT: "#7f8c8d", SUPPLY: "#16a085",
    DEPLOY: "#d35400", LAUNCH: "#b03a2e",
  };

  const s = (tag, attrs, ...children) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
    for (const c of children) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  };

  function layout(nodes, edges) {
    const n = nodes.length;
    const pos = nodes.map((_, i) => ({
      x: WIDTH / 2 + (WIDTH / 2.6) * Math.cos((2 * Math.PI * i) / Math.max(n, 1)),
      y: HEIGHT / 2 + (HEIGHT / 2.6) * Math.sin((2 * Math.PI * i) / Math.max(n, 1)),
    }));
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined);
    const ideal = Math.sqrt((WIDTH * HEIGHT) / Math.max(n, 1)) * 0.7;
    for (let step = 0; step < 300; step++) {
      const force = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          const d2 = Math.max(dx * dx + dy * dy, 1);
          const f = (ideal * ideal) / d2;
          force[i].x += dx * f * 0.05; force[i].y += dy * f * 0.05;
          force[j].x -= dx * f * 0.05; force[j].y -= dy * f * 0.05;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        const f = ((d - ideal) / d) * 0.1;
        force[a].x += dx * f; force[a].y += dy * f;
        force[b].x -= dx * f; force[b].y -= dy * f;
      }
      const cooling = 1 - step / 300;
      for (let i = 0; i < n; i++) {
        force[i].x += (WIDTH / 2 - pos[i].x) * 0.01;
        force[i].y += (HEIGHT / 2 - pos[i].y) * 0.01;
        const len = Math.sqrt(force[i].x ** 2 + force[i].y ** 2);
        const limit = 20 * cooling + 0.5;
        const k = len > limit ? limit / len : 1;
        pos[i].x = Math.min(WIDTH - 40, Math.max(40, pos[i].x + force[i].x * k));
        pos[i].y = Math.min(HEIGHT - 30, Math.max(30, pos[i].y + force[i].y * k));
      }
    }
    return pos;
  }

  function draw(net) {
    const pos = layout(net.nodes, net.edges);
    const at = new Map(net.nodes.map((node, i) => [node.id, pos[i]]));
    const svg = s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "network", role: "img", "aria-label": Rasd.t("navNetwork") });
    const defs = s("defs", {});
    // Arrow heads of one size whatever the line's width; the line stops at the target's circle.
    for (const [type, color] of Object.entries(COLORS)) {
      defs.append(s("marker", { id: "arrow-" + type, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 11, markerHeight: 11,
                                 markerUnits: "userSpaceOnUse", orient: "auto" },
        s("path", { d: "M0,0 L10,5 L0,10 z", fill: color })));
    }
    const radius = (node) => 8 + Math.min(node.events, 8);
    const byID = new Map(net.nodes.map((node) => [node.id, node]));
    svg.append(defs);
    // Several edges between one pair are bent apart so that each stays visible.
    const seen = new Map();
    for (const e of net.edges) {
      const a = at.get(e.source), b = at.get(e.target);
      if (!a || !b) continue;
      const pair = [e.source, e.target].sort().join("|");
      const k = seen.get(pair) || 0;
      seen.set(pair, k + 1);
      const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.max(Math.hypot(dx, dy), 1);
      const bend = (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 24;
      const cx = mx - (dy / len) * bend, cy = my + (dx / len) * bend;
      // End on the target circle's rim, along the curve's last tangent (control point → target).
      const tx = b.x - cx, ty = b.y - cy, tl = Math.max(Math.hypot(tx, ty), 1);
      const r = e.directed ? radius(byID.get(e.target)) + 2 : 0;
      const ex = b.x - (tx / tl) * r, ey = b.y - (ty / tl) * r;
      const color = COLORS[e.type] || "#555";
      const path = s("path", { d: `M${a.x},${a.y} Q${cx},${cy} ${ex},${ey}`, class: "edge", stroke: color, fill: "none",
        "stroke-width": Math.min(1.5 + e.events.length, 6), "marker-end": e.directed ? `url(#arrow-${e.type})` : null,
        "data-type": e.type });
      path.append(s("title", {}, Rasd.tMap("eventTypes", e.type) + " · " + e.events.join(", ")));
      svg.append(path);
    }
    net.nodes.forEach((node, i) => {
      const p = pos[i];
      const name = Rasd.entityName(node);
      const link = s("a", { href: "#/entity/" + encodeURIComponent(node.id), class: "node ent-" + node.type, "data-entity": node.id },
        s("circle", { cx: p.x, cy: p.y, r: radius(node) }),
        s("text", { x: p.x, y: p.y - 14 - Math.min(node.events, 8), "text-anchor": "middle" }, name),
        s("title", {}, name + " · " + Rasd.tMap("entityTypes", node.type)));
      svg.append(link);
    });
    return svg;
  }

  function legend(edges) {
    const types = [...new Set(edges.map((e) => e.type))].sort();
    return h("div", { class: "legend" }, types.map((t) => {
      const swatch = h("i", {});
      swatch.style.borderColor = COLORS[t] || "#555";   // set through the DOM: the page allows no inline style attribute
      return h("span", { class: "edge-key" }, swatch, Rasd.tMap("eventTypes", t));
    }));
  }

  /** The most connected entities only (the API gives them busiest first): a larger graph is unreadable. */
  const MAX_NODES = 60;

  Rasd.views.network = async (entityID) => {
    const net = await Rasd.api("network" + Rasd.query({ entity: entityID }));
    const total = net.nodes.length;
    const kept = net.nodes.slice(0, MAX_NODES);
    const ids = new Set(kept.map((n) => n.id));
    const shown = { nodes: kept, edges: net.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
    const note = total > MAX_NODES
      ? h("p", { class: "muted" }, Rasd.t("networkTop").replace("{n}", MAX_NODES).replace("{total}", total)) : null;
    const focus = entityID ? h("p", {}, Rasd.t("networkOf") + " ", Rasd.entityLink(net.nodes.find((n) => n.id === entityID)),
      " · ", h("a", { href: "#/network" }, Rasd.t("networkAll"))) : null;
    const body = shown.nodes.length ? [legend(shown.edges), draw(shown)] : [Rasd.empty()];
    return h("section", { class: "panel" }, h("h2", {}, Rasd.t("navNetwork")), focus,
      h("p", { class: "muted" }, Rasd.t("networkHelp")), note, body);
  };
})();
