// The network of who met, accused, visited … whom, drawn as SVG: the 200 most connected entities.
// Layout, deterministic (the same data gives the same picture): nodes start on a circle, then a fixed number of
// force steps (repulsion between all nodes, springs along edges, a pull to the centre); the drawing grows with
// the number of nodes. Labels are then placed one by one, the most connected entity first, each at the first
// free spot around its node (above, below, beside, then farther out on rings), measured from the rendered text
// so that no two labels overlap; a label pushed away from its node gets a thin leader line.
// Clicking an entity focuses on it and its neighbours (#/network/E1); #/network?story=S3 is one story's network.
"use strict";

(() => {
  const Rasd = window.Rasd;
  const h = Rasd.h;
  const SVG = "http://www.w3.org/2000/svg";
  const COLORS = {
    MEET: "#2b7bb9", VISIT: "#3a9d5d", SIGN: "#7b5ea7", RATIFY: "#7b5ea7", ACCUSE: "#c0392b", DENY: "#e67e22",
    ATTACK: "#8e1b10", SANCTION: "#a04000", VETO: "#6d4c41", STATEMENT: "#7f8c8d", SUPPLY: "#16a085",
    DEPLOY: "#d35400", LAUNCH: "#b03a2e",
  };
  /** The most connected entities only (the API gives them busiest first). */
  const MAX_NODES = 200;
  /** Room per node in the drawing (px²): enough for a label and the lines around it. */
  const AREA_PER_NODE = 14000;
  /** Free space kept around each label (px). */
  const PAD = 2;

  const s = (tag, attrs, ...children) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
    for (const c of children) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  };

  const radius = (node) => 6 + Math.min(node.events, 8);

  function canvasSize(n) {
    const width = Math.max(900, Math.round(Math.sqrt(n * AREA_PER_NODE * 1.4)));
    return { width, height: Math.max(560, Math.round(width / 1.4)) };
  }

  function layout(nodes, edges, { width, height }) {
    const n = nodes.length;
    const pos = nodes.map((_, i) => ({
      x: width / 2 + (width / 2.6) * Math.cos((2 * Math.PI * i) / Math.max(n, 1)),
      y: height / 2 + (height / 2.6) * Math.sin((2 * Math.PI * i) / Math.max(n, 1)),
    }));
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined);
    const ideal = Math.sqrt((width * height) / Math.max(n, 1)) * 0.7;
    const steps = 300;
    for (let step = 0; step < steps; step++) {
      const force = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          const d2 = Math.max(dx * dx + dy * dy, 1);
          const f = ((ideal * ideal) / d2) * 0.05;
          force[i].x += dx * f; force[i].y += dy * f;
          force[j].x -= dx * f; force[j].y -= dy * f;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        const f = ((d - ideal) / d) * 0.1;
        force[a].x += dx * f; force[a].y += dy * f;
        force[b].x -= dx * f; force[b].y -= dy * f;
      }
      const limit = 20 * (1 - step / steps) + 0.5;
      for (let i = 0; i < n; i++) {
        force[i].x += (width / 2 - pos[i].x) * 0.04;
        force[i].y += (height / 2 - pos[i].y) * 0.04;
        const len = Math.sqrt(force[i].x ** 2 + force[i].y ** 2);
        const k = len > limit ? limit / len : 1;
        pos[i].x += force[i].x * k;
        pos[i].y += force[i].y * k;
      }
    }
    // Scaled into the drawing afterwards rather than held inside it while moving: held, the nodes the others
    // push away pile up along its edges.
    const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
    const minX = Math.min(...xs), minY = Math.min(...ys);
    const spanX = Math.max(Math.max(...xs) - minX, 1), spanY = Math.max(Math.max(...ys) - minY, 1);
    const margin = 60;
    const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY, 1.5);
    const offX = (width - spanX * scale) / 2, offY = (height - spanY * scale) / 2;
    return pos.map((p) => ({ x: offX + (p.x - minX) * scale, y: offY + (p.y - minY) * scale }));
  }

  /**
   * Each label's box as rendered (width, height, and where it sits around its anchor), read from a hidden copy
   * of the texts in the page: the font decides, not a guess.
   */
  function measure(names) {
    const probe = s("svg", { class: "network", width: 10, height: 10, "aria-hidden": "true" });
    probe.style.position = "absolute";
    probe.style.visibility = "hidden";
    probe.style.left = "-10000px";
    const texts = names.map((name) => s("text", { x: 0, y: 0, "text-anchor": "middle", class: "label" }, name));
    const group = s("g", { class: "node" }, ...texts);
    probe.append(group);
    document.body.append(probe);
    const boxes = texts.map((t) => {
      const b = t.getBBox();
      return { dx: b.x, dy: b.y, w: Math.max(b.width, 1), h: Math.max(b.height, 1) };
    });
    probe.remove();
    return boxes;
  }

  const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

  /**
   * Label anchors (x, y for a middle-anchored text) with no two boxes overlapping: the most connected node
   * chooses first; candidates go round the node on growing rings; a spot over another node's circle is taken
   * only when the rings near the node have no other.
   */
  function placeLabels(pos, nodes, boxes) {
    const placed = [];
    const circles = pos.map((p, i) => ({ x1: p.x - radius(nodes[i]), x2: p.x + radius(nodes[i]),
                                         y1: p.y - radius(nodes[i]), y2: p.y + radius(nodes[i]) }));
    const result = [];
    const angles = 16;
    for (let i = 0; i < nodes.length; i++) {
      const p = pos[i], b = boxes[i], r = radius(nodes[i]) + 3;
      const boxAt = (cx, cy) => {
        // The anchor that puts the box's centre at (cx, cy).
        const x = cx - (b.dx + b.w / 2), y = cy - (b.dy + b.h / 2);
        return { x, y, x1: x + b.dx - PAD, x2: x + b.dx + b.w + PAD, y1: y + b.dy - PAD, y2: y + b.dy + b.h + PAD };
      };
      const free = (box, avoidCircles) => !placed.some((o) => overlaps(o, box))
        && (!avoidCircles || !circles.some((c, j) => j !== i && overlaps(c, box)));
      let chosen = null, far = false;
      for (const avoidCircles of [true, false]) {
        // Above, below, then beside, then round the node on rings farther and farther out.
        const first = [[0, -(r + b.h / 2)], [0, r + b.h / 2], [r + b.w / 2, 0], [-(r + b.w / 2), 0]];
        for (const [ox, oy] of first) {
          const box = boxAt(p.x + ox, p.y + oy);
          if (free(box, avoidCircles)) { chosen = box; break; }
        }
        for (let ring = 1; !chosen && ring <= (avoidCircles ? 12 : 400); ring++) {
          const rx = r + b.w / 2 + ring * 8, ry = r + b.h / 2 + ring * 6;
          for (let k = 0; k < angles; k++) {
            const a = -Math.PI / 2 + (2 * Math.PI * k) / angles;
            const box = boxAt(p.x + rx * Math.cos(a), p.y + ry * Math.sin(a));
            if (free(box, avoidCircles)) { chosen = box; far = ring > 2; break; }
          }
        }
        if (chosen) break;
      }
      if (!chosen) {
        // Past every ring: below everything placed so far (cannot overlap).
        const bottom = Math.max(...placed.map((o) => o.y2), p.y) + b.h / 2 + PAD + 1;
        chosen = boxAt(p.x, bottom); far = true;
      }
      placed.push(chosen);
      result.push({ x: chosen.x, y: chosen.y, box: chosen, far });
    }
    return result;
  }

  function draw(net, focusID) {
    const size = canvasSize(net.nodes.length);
    const pos = layout(net.nodes, net.edges, size);
    const names = net.nodes.map((node) => Rasd.entityName(node));
    const labels = placeLabels(pos, net.nodes, measure(names));
    const at = new Map(net.nodes.map((node, i) => [node.id, pos[i]]));
    // The drawing's bounds: the nodes and every label, whatever ring it ended on.
    let x1 = 0, y1 = 0, x2 = size.width, y2 = size.height;
    for (const l of labels) { x1 = Math.min(x1, l.box.x1 - 4); y1 = Math.min(y1, l.box.y1 - 4); x2 = Math.max(x2, l.box.x2 + 4); y2 = Math.max(y2, l.box.y2 + 4); }
    const w = Math.ceil(x2 - x1), hgt = Math.ceil(y2 - y1);
    const svg = s("svg", { viewBox: `${Math.floor(x1)} ${Math.floor(y1)} ${w} ${hgt}`, width: w, height: hgt, class: "network",
                           role: "img", "aria-label": Rasd.t("navNetwork"), "data-nodes": net.nodes.length });
    const defs = s("defs", {});
    // Arrow heads of one size whatever the line's width; the line stops at the target's circle.
    for (const [type, color] of Object.entries(COLORS)) {
      defs.append(s("marker", { id: "arrow-" + type, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 11, markerHeight: 11,
                                 markerUnits: "userSpaceOnUse", orient: "auto" },
        s("path", { d: "M0,0 L10,5 L0,10 z", fill: color })));
    }
    const byID = new Map(net.nodes.map((node) => [node.id, node]));
    svg.append(defs);
    const neighbours = new Set(focusID ? [focusID] : []);
    // Several edges between one pair are bent apart so that each stays visible.
    const seen = new Map();
    for (const e of net.edges) {
      const a = at.get(e.source), b = at.get(e.target);
      if (!a || !b) continue;
      if (e.source === focusID) neighbours.add(e.target);
      if (e.target === focusID) neighbours.add(e.source);
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
      const p = pos[i], l = labels[i];
      const cls = "node ent-" + node.type + (node.id === focusID ? " focus" : focusID && !neighbours.has(node.id) ? " faded" : "");
      const link = s("a", { href: "#/network/" + encodeURIComponent(node.id), class: cls, "data-entity": node.id },
        l.far ? s("line", { x1: p.x, y1: p.y, x2: (l.box.x1 + l.box.x2) / 2, y2: (l.box.y1 + l.box.y2) / 2, class: "leader" }) : null,
        s("circle", { cx: p.x, cy: p.y, r: radius(node) }),
        s("text", { x: l.x, y: l.y, "text-anchor": "middle", class: "label" }, names[i]),
        s("title", {}, names[i] + " · " + Rasd.tMap("entityTypes", node.type)));
      svg.append(link);
    });
    const wrap = h("div", { class: "network-wrap" }, svg);
    // Once on the page: each label's box as the browser lays it out, for whoever checks the page (a test).
    wrap.rasdAttached = () => {
      svg.querySelectorAll("text.label").forEach((t) => {
        const r = t.getBoundingClientRect();
        t.setAttribute("data-box", [r.left, r.top, r.right, r.bottom].map((v) => v.toFixed(2)).join(","));
      });
    };
    return wrap;
  }

  function legend(edges) {
    const types = [...new Set(edges.map((e) => e.type))].sort();
    return h("div", { class: "legend" }, types.map((t) => {
      const swatch = h("i", {});
      swatch.style.borderColor = COLORS[t] || "#555";   // set through the DOM: the page allows no inline style attribute
      return h("span", { class: "edge-key" }, swatch, Rasd.tMap("eventTypes", t));
    }));
  }

  Rasd.views.network = async (entityID) => {
    const storyID = Rasd.params.get("story");
    const story = storyID ? await Rasd.api("stories/" + encodeURIComponent(storyID)) : null;
    const net = story ? story.network : await Rasd.api("network" + Rasd.query({ entity: entityID }));
    const total = net.nodes.length;
    // The focused entity is always kept, whatever its rank.
    const kept = net.nodes.slice(0, MAX_NODES);
    const focused = entityID && net.nodes.find((n) => n.id === entityID);
    if (focused && !kept.includes(focused)) kept[kept.length - 1] = focused;
    const ids = new Set(kept.map((n) => n.id));
    const shown = { nodes: kept, edges: net.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
    const note = total > MAX_NODES
      ? h("p", { class: "muted" }, Rasd.t("networkTop").replace("{n}", MAX_NODES).replace("{total}", total)) : null;
    const focus = entityID && focused ? h("p", { class: "network-focus" }, Rasd.t("networkOf") + " ", Rasd.entityLink(focused),
      " · ", h("a", { href: "#/network" }, Rasd.t("networkAll"))) : null;
    const of = story ? h("p", {}, h("a", { href: "#/stories/" + encodeURIComponent(story.story.id) },
      Rasd.lang === "en" && story.story.title_en ? story.story.title_en : Rasd.ar(story.story.title))) : null;
    const body = shown.nodes.length ? [legend(shown.edges), draw(shown, entityID)] : [Rasd.empty()];
    const section = h("section", { class: "panel", id: "network" }, h("h2", {}, Rasd.t("navNetwork")), of, focus,
      h("p", { class: "muted" }, Rasd.t("networkHelp")), note, body);
    section.rasdAttached = () => { if (body[1] && body[1].rasdAttached) body[1].rasdAttached(); };
    return section;
  };
})();
