// khabar web page: plain JS, no build step, no external assets. All data comes from /api/*.
// Offsets in khabar documents are Unicode code points; JS strings are UTF-16, so texts are split
// with Array.from() before slicing.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const TABS = ["search", "doc", "entity", "stories", "quotes", "events", "stats", "analyze", "api"];
const TYPE_AR = { PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "أخرى" };
const SVG = "http://www.w3.org/2000/svg";
let analyzed = null; // the last document from POST /api/analyze
let LABELS = {}; // PLOVER type -> {ar, en}, from /api/labels
let WORLD = null; // the world map shapes (Natural Earth 110m), loaded on first use

// -- formatting ---------------------------------------------------------------------------------------
const DATE_FMT = new Intl.DateTimeFormat("ar-u-nu-latn", { day: "numeric", month: "long", year: "numeric" });
const TIME_FMT = new Intl.DateTimeFormat("ar-u-nu-latn", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });

// "2018-03-20T13:05:34+00:00" -> "20 مارس 2018، 13:05 UTC"; a bare date without the time; anything else as is.
function fmtDate(value) {
  if (!value) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(String(value));
  if (!m) return String(value);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 12, m[5] ? +m[5] : 0));
  if (isNaN(d)) return String(value);
  return DATE_FMT.format(d) + (m[4] ? "، " + TIME_FMT.format(d) + " UTC" : "");
}

// A PLOVER type in Arabic with the English code beside it.
function plover(type) {
  const lab = LABELS[type];
  return el("span", { class: "plover" }, lab ? lab.ar + " " : "", el("small", { dir: "ltr", class: "id" }, type));
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) if (c) node.append(c);
  return node;
}

function entityHref(key) {
  return "#/entity/" + encodeURIComponent(key);
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path, options) {
  let res;
  try {
    res = await fetch(path, options);
  } catch (err) {
    throw new Error("تعذر الاتصال بالخادم: " + err.message);
  }
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok) {
    const detail = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : res.statusText;
    throw new Error(res.status + ": " + detail);
  }
  return body;
}

function setStatus(id, text, isError = false) {
  const node = $("#" + id);
  node.textContent = text || "";
  node.classList.toggle("error", !!isError);
}

function showTab(name) {
  for (const t of TABS) $("#tab-" + t).hidden = t !== name;
  for (const a of document.querySelectorAll("nav a[data-tab]")) {
    a.classList.toggle("active", a.dataset.tab === name || ((name === "doc" || name === "entity") && a.dataset.tab === "search"));
  }
}

function params(form) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) p.set(k, String(v).trim());
  return p;
}

function fillForm(form, p) {
  for (const input of form.elements) {
    if (!input.name) continue;
    if (p.has(input.name)) input.value = p.get(input.name);
    else if (input.tagName === "SELECT") input.selectedIndex = 0;
    else if (input.type !== "number") input.value = "";
  }
}

function docLink(id, label) {
  return el("a", { href: "#/doc/" + encodeURIComponent(id), dir: "auto" }, label || id);
}

// -- search ------------------------------------------------------------------------------------------
const FILTER_AR = { entity: "كيان", event: "حدث", actor: "فاعل", speaker: "متحدث", from: "من", to: "إلى", source: "المصدر" };

function pager(node, p, total, base) {
  const limit = Math.max(1, +(p.get("limit") || 20));
  const offset = Math.max(0, +(p.get("offset") || 0));
  node.replaceChildren();
  if (total <= limit) return;
  const go = (o) => { const q = new URLSearchParams(p); q.set("offset", String(o)); return base + q.toString(); };
  if (offset > 0) node.append(el("a", { href: go(Math.max(0, offset - limit)), rel: "prev" }, "→ السابق"));
  node.append(el("span", { class: "meta" }, ` ${offset + 1}–${Math.min(total, offset + limit)} من ${total} `));
  if (offset + limit < total) node.append(el("a", { href: go(offset + limit), rel: "next" }, "التالي ←"));
}

function facetList(title, items, render) {
  if (!items || !items.length) return null;
  return el("div", { class: "facet" }, el("h3", {}, title), el("ul", {}, ...items.map((it) => el("li", {}, ...render(it)))));
}

function renderFacets(f, p) {
  const box = $("#facets");
  box.replaceChildren();
  if (!f) return;
  const withFilter = (k, v) => { const q = new URLSearchParams(p); q.set(k, v); q.delete("offset"); return "#/?" + q.toString(); };
  const active = [...p.entries()].filter(([k]) => k in FILTER_AR);
  if (active.length) {
    box.append(el("div", { class: "facet" }, el("h3", {}, "التصفية الحالية"), el("ul", {}, ...active.map(([k, v]) => {
      const q = new URLSearchParams(p); q.delete(k); q.delete("offset");
      return el("li", {}, FILTER_AR[k] + ": ", el("bdi", {}, v), " ", el("a", { href: "#/?" + q.toString(), title: "إزالة" }, "✕"));
    }))));
  }
  box.append(facetList("المصادر", f.sources, (s) => [el("a", { href: withFilter("source", s.source) }, el("bdi", {}, s.source || "—")), el("small", {}, " " + s.documents)]));
  const total = f.days.reduce((a, d) => a + d.documents, 0);
  const entTitle = f.entities_over && f.entities_over < total ? `أبرز الكيانات (في أحدث ${f.entities_over} وثيقة)` : "أبرز الكيانات";
  box.append(facetList(entTitle, f.entities, (e) => [
    el("a", { href: withFilter("entity", e.wikidata || e.name_ar || e.key), dir: "auto" }, e.name_ar || e.name || e.key),
    " ", el("a", { href: entityHref(e.key), class: "ent-link", title: "صفحة الكيان" }, "◂"), el("small", {}, " " + e.documents)]));
  box.append(facetList(f.entities_over && f.entities_over < total ? `أنواع الأحداث (في أحدث ${f.entities_over} وثيقة)` : "أنواع الأحداث", f.events, (e) => [el("a", { href: withFilter("event", e.event) }, plover(e.event)), el("small", {}, " " + e.documents)]));
  if (f.days && f.days.length) {
    box.append(el("div", { class: "facet" }, el("h3", {}, "الوثائق حسب اليوم"),
      timelineChart(f.days.map((d) => ({ day: d.day, documents: d.documents })), [["documents", "الوثائق"]], 260)));
  }
}

async function runSearch(p) {
  const form = $("#search-form");
  fillForm(form, p);
  if (["entity", "event", "actor", "speaker", "from", "to", "source"].some((k) => p.has(k))) $("#filters").open = true;
  const list = $("#results");
  list.replaceChildren();
  setStatus("search-status", "جارٍ البحث…");
  try {
    const data = await api("/api/search?" + p.toString());
    let status = data.total ? `${data.total} نتيجة` : "لا توجد نتائج";
    if (data.index_current === false) status += " — فهرس البحث قديم (khabar reindex)";
    setStatus("search-status", status);
    for (const h of data.hits) {
      const snip = el("p", { class: "snippet", dir: "rtl" });
      for (const part of h.snippet_parts) snip.append(part.mark ? el("mark", {}, part.text) : document.createTextNode(part.text));
      list.append(el("li", {},
        el("h3", {}, docLink(h.id, h.title || h.id)),
        el("p", { class: "meta" },
          el("bdi", {}, fmtDate(h.published)), " · ", el("bdi", {}, h.source || "—"),
          " · ", el("bdi", { class: "id" }, h.id), h.score ? el("span", { class: "score" }, " · " + h.score.toFixed(2)) : null,
          h.story ? el("span", {}, " · ", el("a", { href: "#/story/" + h.story.id, class: "story-link" }, `القصة: المصادر ${h.story.outlets}`)) : null),
        snip));
    }
    pager($("#pager"), p, data.total || 0, "#/?");
    renderFacets(data.facets, p);
  } catch (err) {
    setStatus("search-status", err.message, true);
    $("#facets").replaceChildren();
    $("#pager").replaceChildren();
  }
}

// -- charts (inline SVG) ------------------------------------------------------------------------------
// Per-day counts bucketed by day, week or month (so that a long span stays readable), one bar row per series.
function bucketed(points) {
  const days = points.map((p) => p.day).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d || "")).sort();
  if (!days.length) return { unit: "day", rows: [] };
  const first = Date.parse(days[0]), last = Date.parse(days[days.length - 1]);
  const span = (last - first) / 86400000;
  const unit = span > 400 ? "month" : span > 90 ? "week" : "day";
  const keyOf = (d) => {
    if (unit === "month") return d.slice(0, 7);
    if (unit === "week") {
      const t = new Date(Date.parse(d));
      t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7)); // that week's Monday
      return t.toISOString().slice(0, 10);
    }
    return d;
  };
  const map = new Map();
  for (const p of points) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.day || "")) continue;
    const k = keyOf(p.day);
    const row = map.get(k) || { key: k };
    for (const [name, v] of Object.entries(p)) if (name !== "day" && typeof v === "number") row[name] = (row[name] || 0) + v;
    map.set(k, row);
  }
  return { unit, rows: [...map.values()].sort((a, b) => (a.key < b.key ? -1 : 1)) };
}

function timelineChart(points, series, width = 700) {
  const { unit, rows } = bucketed(points);
  const box = el("div", { class: "timeline" });
  if (!rows.length) { box.append(el("p", { class: "meta" }, "لا بيانات")); return box; }
  const rowH = 46, gap = 16, left = 4, w = width - 8;
  const bw = Math.max(1, w / rows.length);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${series.length * (rowH + gap) + 14}`, role: "img", class: "bars-svg",
    "aria-label": series.map((s) => s[1]).join("، ") });
  series.forEach(([name, label], i) => {
    const y0 = i * (rowH + gap) + 12;
    const max = Math.max(1, ...rows.map((r) => r[name] || 0));
    const total = rows.reduce((a, r) => a + (r[name] || 0), 0);
    // The page is right-to-left: "start" anchors the label's right end at the right edge.
    chart.append(svg("text", { x: width - 2, y: y0 - 2, "text-anchor": "start", direction: "rtl", class: "label" }, document.createTextNode(`${label} (${total})`)));
    chart.append(svg("line", { x1: left, x2: left + w, y1: y0 + rowH, y2: y0 + rowH, class: "axis" }));
    rows.forEach((r, k) => {
      const v = r[name] || 0;
      if (!v) return;
      const h = Math.max(1, (rowH * v) / max);
      // Time runs right to left on an Arabic page: the oldest bucket at the right.
      const x = left + w - (k + 1) * bw;
      const bar = svg("rect", { x: x + 0.1 * bw, y: y0 + rowH - h, width: Math.max(0.8, 0.8 * bw), height: h, class: "s" + i });
      bar.append(svg("title", {}, document.createTextNode(`${r.key}: ${v} ${label}`)));
      chart.append(bar);
    });
  });
  box.append(chart, el("p", { class: "meta axis-note" }, `من ${fmtDate(rows[0].key.length === 7 ? rows[0].key + "-01" : rows[0].key)} (يمين) إلى ${fmtDate(rows[rows.length - 1].key.length === 7 ? rows[rows.length - 1].key + "-01" : rows[rows.length - 1].key)} (يسار)، لكل ${{ day: "يوم", week: "أسبوع", month: "شهر" }[unit]}`));
  return box;
}

async function worldMap(counts, onPick) {
  if (!WORLD) WORLD = await api("/static/world-110m.json");
  const max = Math.max(1, ...Object.values(counts));
  const map = svg("svg", { viewBox: WORLD.viewBox, role: "img", class: "world", "aria-label": "خريطة العالم" });
  for (const [code, d] of Object.entries(WORLD.countries)) {
    const n = counts[code] || 0;
    const shape = svg("path", { d, class: n ? "hot" : "", "data-code": code });
    if (n) {
      // Lightness by the share of the busiest country (log scale: one country often dominates).
      shape.style.fillOpacity = String(0.2 + 0.8 * Math.log(1 + n) / Math.log(1 + max));
      shape.addEventListener("click", () => onPick(code));
    }
    shape.append(svg("title", {}, document.createTextNode(`${code}${n ? ": " + n : ""}`)));
    map.append(shape);
  }
  return map;
}

// -- document view -------------------------------------------------------------------------------
function entityLabel(e) {
  return [e.canonical_ar, e.canonical, e.wikidata, e.country].filter(Boolean).join(" · ") || e.id;
}

// Highlight every layer over the text: cut at every span boundary, a sweep keeps the spans active over
// each piece. Pure (no DOM), so it can be tested under node: [{start, end, text, classes, titles, ent}].
function segments(doc) {
  const cps = Array.from(doc.text);
  const n = cps.length;
  const ents = new Map((doc.entities || []).map((e) => [e.id, e]));
  const spans = [];
  const add = (s, cls, title, ent) => {
    if (!s || !(s.start < s.end) || s.start < 0 || s.end > n) return;
    spans.push({ start: s.start, end: s.end, cls, title, ent });
  };
  for (const e of doc.entities || []) {
    for (const m of e.mentions || []) add(m, "ent ent-" + e.type, `${TYPE_AR[e.type] || e.type}: ${entityLabel(e)}`, e.id);
    for (const m of e.coref_mentions || []) add(m, "ent coref ent-" + e.type, `إحالة إلى: ${entityLabel(e)}`, e.id);
  }
  for (const q of doc.quotes || []) {
    const sp = ents.get(q.speaker);
    add(q.content, "quote", `قول (${q.type}) — ${sp ? entityLabel(sp) : "متحدث غير معروف"}`, null);
    add(q.cue, "cue", "فعل القول", null);
  }
  for (const t of doc.times || []) add(t, "time", `${t.type}${t.value ? " = " + t.value : ""}`, null);
  for (const ev of doc.events || []) for (const s of ev.evidence || []) add(s, "evid", `حدث ${ev.event}`, null);

  const starts = new Map();
  const points = new Set([0, n]);
  spans.forEach((s, i) => {
    points.add(s.start); points.add(s.end);
    if (!starts.has(s.start)) starts.set(s.start, []);
    starts.get(s.start).push(i);
  });
  const cuts = [...points].sort((a, b) => a - b);
  const active = new Set();
  const out = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k], b = cuts[k + 1];
    for (const i of starts.get(a) || []) active.add(i);
    for (const i of [...active]) if (spans[i].end <= a) active.delete(i);
    const on = [...active].map((i) => spans[i]);
    const ent = on.filter((s) => s.ent).pop();
    out.push({
      start: a, end: b, text: cps.slice(a, b).join(""),
      classes: [...new Set(on.flatMap((s) => s.cls.split(" ")))], titles: on.map((s) => s.title), ent: ent ? ent.ent : null,
    });
  }
  return out;
}

function renderText(container, doc) {
  const frag = document.createDocumentFragment();
  for (const seg of segments(doc)) {
    if (!seg.classes.length) { frag.append(document.createTextNode(seg.text)); continue; }
    const node = el("span", { class: seg.classes.join(" "), title: seg.titles.join("\n") }, seg.text);
    if (seg.ent) node.dataset.ent = seg.ent;
    frag.append(node);
  }
  container.replaceChildren(frag);
}

function focusEntity(id) {
  for (const node of document.querySelectorAll(".focus")) node.classList.remove("focus");
  if (!id) return;
  for (const node of document.querySelectorAll(`[data-ent="${CSS.escape(id)}"]`)) node.classList.add("focus");
}

function entityKey(e) {
  // The corpus key of a document entity: its Wikidata id, else its Arabic name (the store normalises it).
  return e.wikidata || e.canonical_ar || (e.mentions && e.mentions[0] && e.mentions[0].text) || null;
}

function applyLayers() {
  const text = $("#doc-text");
  for (const box of document.querySelectorAll("#layers input[data-layer]")) {
    text.classList.toggle("show-" + box.dataset.layer, box.checked);
  }
}

function renderDoc(doc) {
  showTab("doc");
  const meta = doc.meta || {};
  $("#doc-title").textContent = meta.title || doc.id;
  // Only nodes and strings: replaceChildren would print a null as the text "null".
  const parts = [el("bdi", {}, fmtDate(meta.published)), " · ", el("bdi", {}, meta.source || "—"), " · ",
    el("bdi", { class: "id" }, doc.id)];
  if (doc.topic) parts.push(" · ", el("bdi", {}, doc.topic));
  if (meta.url) parts.push(" · ", el("bdi", { class: "id" }, meta.url));
  if (doc.story) {
    parts.push(" · ", el("a", { href: "#/story/" + doc.story.id, class: "story-link" },
      `القصة: المصادر ${doc.story.outlets}، المقالات ${doc.story.documents}`));
  }
  $("#doc-meta").replaceChildren(...parts);
  renderText($("#doc-text"), doc);
  applyLayers();
  const ents = new Map(doc.entities.map((e) => [e.id, e]));
  const name = (id) => (ents.has(id) ? (ents.get(id).canonical_ar || ents.get(id).canonical || ents.get(id).mentions?.[0]?.text || id) : id);

  $("#doc-entities").replaceChildren(...doc.entities.map((e) => {
    const key = entityKey(e);
    return el("li", { class: "ent ent-" + e.type, "data-ent": e.id, title: entityLabel(e), tabindex: "0" },
      name(e.id), el("small", {}, ` ${e.mentions.length}`),
      key ? el("a", { href: entityHref(key), class: "ent-link", title: "صفحة الكيان" }, " ◂") : null);
  }));
  const cps = Array.from(doc.text);
  const slice = (s) => (s.text != null ? s.text : cps.slice(s.start, s.end).join(""));
  $("#doc-quotes").replaceChildren(...doc.quotes.map((q) =>
    el("li", {}, q.speaker ? el("b", {}, name(q.speaker)) : el("i", { class: "meta" }, "متحدث غير محدد"),
      q.cue ? ` (${slice(q.cue)})` : "", ": ", slice(q.content), el("small", {}, " " + q.type))));
  $("#doc-events").replaceChildren(...doc.events.map((ev) =>
    el("li", {}, plover(ev.event), " ", ev.actor.map(name).join("، ") || "—",
      ev.recipient.length ? " ← " + ev.recipient.map(name).join("، ") : "",
      ev.date ? el("bdi", { class: "id" }, " " + ev.date) : null, ev.factuality !== "asserted" ? el("small", {}, " " + ev.factuality) : null)));
  $("#doc-times").replaceChildren(...doc.times.map((t) =>
    el("li", {}, slice(t), " ", el("bdi", { class: "id" }, `${t.type}${t.value ? " " + t.value : ""}`))));
  for (const id of ["doc-quotes", "doc-events", "doc-times"]) {
    if (!$("#" + id).children.length) $("#" + id).append(el("li", { class: "empty" }, "لا شيء"));
  }
}

// -- entity page ----------------------------------------------------------------------------------------
async function openEntity(key) {
  showTab("entity");
  $("#ent-title").textContent = "…";
  for (const id of ["ent-meta", "ent-timeline", "ent-quotes", "ent-events", "ent-related", "ent-docs"]) $("#" + id).replaceChildren();
  setStatus("ent-status", "");
  try {
    const data = await api("/api/entities/" + encodeURIComponent(key) + "?limit=50");
    const e = data.entity, c = data.counts;
    $("#ent-title").replaceChildren(el("span", { dir: "auto" }, e.name_ar || e.name || e.key),
      e.name && e.name_ar ? el("small", { dir: "ltr", class: "en" }, e.name) : null);
    const meta = [TYPE_AR[e.type] || e.type || "", e.wikidata ? el("bdi", { class: "id" }, e.wikidata) : null,
      e.country || e.sector ? el("bdi", { class: "id" }, `${e.country || ""}${e.sector || ""}`) : null,
      `${c.documents} وثيقة`, `${c.mentions} إشارة`, `${c.quotes} قولًا`, `${c.events_as_actor} حدثًا فاعلًا`,
      `${c.events_as_recipient} متلقيًا`].filter(Boolean);
    const line = [];
    meta.forEach((m, i) => { if (i) line.push(" · "); line.push(m); });
    if (data.forms.length) line.push(" · يُكتب: ", data.forms.map((f) => f.text).join("، "));
    line.push(" · ", el("a", { href: "#/?" + new URLSearchParams({ entity: e.wikidata || e.name_ar || e.key }) }, "البحث في وثائقه"));
    $("#ent-meta").replaceChildren(...line);
    $("#ent-timeline").replaceChildren(timelineChart(data.timeline,
      [["mentions", "الإشارات"], ["quotes", "الأقوال"], ["events", "الأحداث"]]));
    $("#ent-quotes").replaceChildren(...data.quotes.map((q) => el("li", {}, q.cue ? `(${q.cue}) ` : "", "«", q.text, "» ",
      el("small", {}, docLink(q.doc, fmtDate(q.published))))));
    const evs = [...data.events.actor.map((x) => [x, "فاعل"]), ...data.events.recipient.map((x) => [x, "متلقٍّ"])];
    $("#ent-events").replaceChildren(...evs.map(([ev, role]) => el("li", {}, plover(ev.event), " ",
      ev.actors.join("، ") || "—", ev.recipients.length ? " ← " + ev.recipients.join("، ") : "",
      el("small", {}, ` (${role}) `), docLink(ev.doc, ev.date || ev.doc))));
    $("#ent-related").replaceChildren(...data.related.map((r) => el("li", { class: "ent ent-" + (r.type || "MISC") },
      el("a", { href: entityHref(r.key), dir: "auto" }, r.name_ar || r.name || r.key), el("small", {}, " " + r.documents))));
    $("#ent-docs").replaceChildren(...data.mentions.map((m) => el("li", {}, docLink(m.doc, m.title || m.doc), " ",
      el("small", {}, fmtDate(m.published), " · ", el("bdi", {}, m.source || "—"), ` · ${m.mentions}×`))));
    for (const id of ["ent-quotes", "ent-events", "ent-related", "ent-docs"]) {
      if (!$("#" + id).children.length) $("#" + id).append(el("li", { class: "empty" }, "لا شيء"));
    }
  } catch (err) {
    $("#ent-title").textContent = "";
    setStatus("ent-status", err.message, true);
  }
}

// -- stories ----------------------------------------------------------------------------------------------
function storyItem(s) {
  return el("li", {},
    el("h3", {}, el("a", { href: "#/story/" + s.id }, s.title || "قصة " + s.id)),
    el("p", { class: "meta" }, el("b", { class: "outlets" }, `المصادر: ${s.outlets}`),
      ` · ${s.documents} مقالات · ${fmtDate(s.first)}${s.last && s.last !== s.first ? " – " + fmtDate(s.last) : ""}`),
    el("ul", { class: "members" }, ...s.members.map((m) => el("li", {}, el("bdi", { class: "src" }, m.source || "—"), " ",
      docLink(m.id, m.title || m.id), " ", el("small", { class: "meta" }, fmtDate(m.published))))));
}

async function runStories(p) {
  const list = $("#stories");
  list.replaceChildren();
  setStatus("stories-status", "…");
  try {
    if (!p.has("limit")) p.set("limit", "20");
    const data = await api("/api/stories?" + p.toString());
    setStatus("stories-status", data.total ? `${data.total} قصة تناقلتها مصادر عدة` : "لا قصص بعد (khabar stories --db …)");
    list.append(...data.stories.map(storyItem));
    pager($("#stories-pager"), p, data.total, "#/stories?");
  } catch (err) {
    setStatus("stories-status", err.message, true);
  }
}

async function openStory(id) {
  showTab("stories");
  const list = $("#stories");
  list.replaceChildren();
  $("#stories-pager").replaceChildren();
  try {
    const s = await api("/api/stories/" + encodeURIComponent(id));
    setStatus("stories-status", "");
    list.append(storyItem(s));
  } catch (err) {
    setStatus("stories-status", err.message, true);
  }
}

async function openDoc(id) {
  showTab("doc");
  $("#doc-title").textContent = "…";
  $("#doc-text").replaceChildren();
  try {
    renderDoc(await api("/api/documents/" + encodeURIComponent(id) + "?tokens=false"));
  } catch (err) {
    $("#doc-title").textContent = err.message;
  }
}

// -- quotes, events, stats -----------------------------------------------------------------------
// The tab's own default count (the form's value) when the address does not give one.
function withLimit(form, p) {
  if (!p.has("limit")) p.set("limit", form.elements.limit.defaultValue || "50");
  return p;
}

async function runQuotes(p) {
  withLimit($("#quotes-form"), p);
  fillForm($("#quotes-form"), p);
  const list = $("#quotes");
  list.replaceChildren();
  setStatus("quotes-status", "…");
  try {
    const data = await api("/api/quotes?" + p.toString());
    setStatus("quotes-status", data.count ? `${data.count} قولًا` : "لا توجد أقوال");
    for (const q of data.quotes) {
      list.append(el("li", {},
        q.speaker_wikidata || q.speaker_name ? el("a", { href: entityHref(q.speaker_wikidata || q.speaker_name) }, el("b", {}, q.speaker_name || q.speaker_wikidata))
          : el("i", { class: "meta" }, "متحدث غير محدد"),
        q.cue ? ` (${q.cue})` : "", ": «", q.text, "» ",
        el("small", {}, q.type, " · "), docLink(q.doc, fmtDate(q.published) || q.doc)));
    }
  } catch (err) {
    setStatus("quotes-status", err.message, true);
  }
}

async function runEvents(p) {
  withLimit($("#events-form"), p);
  fillForm($("#events-form"), p);
  const body = $("#events tbody");
  body.replaceChildren();
  setStatus("events-status", "…");
  try {
    const q = new URLSearchParams(p);
    q.delete("limit");
    const [data, summary] = await Promise.all([api("/api/events?" + p.toString()), api("/api/events/summary?" + q.toString())]);
    setStatus("events-status", summary.total ? `${summary.total} حدثًا، تُعرض ${data.count}` : "لا توجد أحداث");
    $("#events-timeline").replaceChildren(timelineChart(summary.days, [["events", "الأحداث"]]));
    const pick = (code) => { const r = new URLSearchParams(p); r.set("actor", code); location.hash = "#/events?" + r.toString(); };
    $("#events-map").replaceChildren(await worldMap(summary.countries, pick));
    for (const ev of data.events) {
      body.append(el("tr", {},
        el("td", {}, el("bdi", {}, ev.date || "—")),
        el("td", {}, plover(ev.event), ev.factuality !== "asserted" ? ` (${ev.factuality})` : ""),
        el("td", {}, ev.actors.join("، ") || "—"),
        el("td", {}, ev.recipients.join("، ") || "—"),
        el("td", {}, docLink(ev.doc))));
    }
  } catch (err) {
    setStatus("events-status", err.message, true);
  }
}

function table(title, rows, head) {
  return el("div", { class: "card" }, el("h3", {}, title),
    el("table", { class: "table" }, el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))),
      el("tbody", {}, ...rows.map((r) => el("tr", {}, ...r.map((c) => el("td", {}, c)))))));
}

async function runStats() {
  setStatus("stats-status", "…");
  const box = $("#stats");
  box.replaceChildren();
  try {
    const s = await api("/api/stats?top=15");
    setStatus("stats-status", "");
    const counts = [["الوثائق", s.documents], ["الكلمات", s.words], ["الكيانات", s.entities], ["الإشارات", s.mentions],
      ["الأقوال", s.quotes], ["الأحداث", s.events], ["التعابير الزمنية", s.times]];
    box.append(table("المخزن", counts.map(([k, v]) => [k, Number(v).toLocaleString("ar")]).concat(
      [["الفترة", `${s.published.first || "—"} … ${s.published.last || "—"}`]]), ["", "العدد"]));
    const q = (k, v) => "#/?" + new URLSearchParams({ [k]: v }).toString();
    box.append(table("أكثر الكيانات ذكرًا", (s.top_entities || []).map((e) =>
      [el("a", { href: entityHref(e.wikidata || e.name), dir: "auto" }, e.name), TYPE_AR[e.type] || e.type || "", e.documents]),
      ["الكيان", "النوع", "الوثائق"]));
    box.append(table("أكثر المتحدثين", (s.top_speakers || []).map((e) =>
      [el("a", { href: "#/quotes?" + new URLSearchParams({ speaker: e.wikidata || e.name }), dir: "auto" }, e.name), e.quotes]),
      ["المتحدث", "الأقوال"]));
    box.append(table("الأحداث حسب النوع", Object.entries(s.events_by_type || {}).map(([k, v]) =>
      [el("a", { href: "#/events?" + new URLSearchParams({ event: k }) }, plover(k)), v]), ["النوع", "العدد"]));
    const months = Object.entries(s.events_by_month || {}).filter(([m]) => m && m.length === 7).slice(-36);
    const max = Math.max(1, ...months.map(([, v]) => v));
    box.append(el("div", { class: "card" }, el("h3", {}, "الأحداث حسب الشهر"),
      el("div", { class: "bars" }, ...months.map(([m, v]) => {
        const bar = el("span", { class: "bar" });
        bar.style.width = Math.max(1, Math.round((100 * v) / max)) + "%";
        return el("div", { class: "bar-row", title: `${m}: ${v}` }, el("bdi", { class: "id" }, m), bar, el("small", {}, v));
      }))));
    for (const [src, v] of Object.entries(s.sources || {})) box.querySelector(".card tbody").append(
      el("tr", {}, el("td", {}, "المصدر ", el("bdi", {}, src || "—")), el("td", {}, v)));
  } catch (err) {
    setStatus("stats-status", err.message, true);
  }
}

// -- API reference, rendered from /openapi.json (FastAPI's /docs would load scripts from a CDN) --------
async function runApiRef() {
  const box = $("#api-ref");
  if (box.children.length) return;
  setStatus("api-status", "…");
  try {
    const spec = await api("/openapi.json");
    setStatus("api-status", `${spec.info.title} ${spec.info.version}`);
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ps = (op.parameters || []).map((p) => el("li", {}, el("code", {}, p.name), p.required ? " (required)" : "",
          p.schema && p.schema.type ? ` ${p.schema.type}` : "", p.description ? ` — ${p.description}` : ""));
        let example = null;
        if (method === "get") {
          example = el("a", { href: path.replace("{doc_id}", "ID") }, "try");
          if (path.includes("{")) example = null;
        }
        box.append(el("div", { class: "card endpoint" },
          el("h3", {}, el("code", {}, method.toUpperCase() + " " + path), example ? " " : "", example),
          el("p", {}, op.summary || ""), op.description ? el("p", { class: "meta" }, op.description) : null,
          ps.length ? el("ul", {}, ...ps) : null,
          op.requestBody ? el("p", { class: "meta" }, "JSON body: {\"text\": \"…\", \"published\": \"YYYY-MM-DD\"}") : null));
      }
    }
  } catch (err) {
    setStatus("api-status", err.message, true);
  }
}

// -- analyze ------------------------------------------------------------------------------------
async function runAnalyze(form) {
  const fd = new FormData(form);
  const body = { text: String(fd.get("text") || "") };
  if (fd.get("published")) body.published = String(fd.get("published"));
  setStatus("analyze-status", "جارٍ التحليل…");
  try {
    analyzed = await api("/api/analyze?tokens=false", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    setStatus("analyze-status", "");
    location.hash = "#/analyzed";
  } catch (err) {
    setStatus("analyze-status", err.message, true);
  }
}

// -- routing ------------------------------------------------------------------------------------
let lastSearch = "#/";
let lastPage = "#/";

// A malformed %-escape in a hand-edited or truncated link (#/doc/%E0%A4) must not throw: use it as written.
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch (err) {
    return s;
  }
}

function route() {
  const hash = location.hash || "#/";
  const [path, query] = hash.slice(1).split("?", 2);
  const p = new URLSearchParams(query || "");
  if (path.startsWith("/doc/")) {
    openDoc(safeDecode(path.slice(5)));
  } else if (path.startsWith("/entity/")) {
    openEntity(safeDecode(path.slice(8)));
  } else if (path.startsWith("/story/")) {
    openStory(safeDecode(path.slice(7)));
  } else if (path === "/stories") {
    showTab("stories"); runStories(p);
  } else if (path === "/analyzed" && analyzed) {
    renderDoc(analyzed);
  } else if (path === "/quotes") {
    showTab("quotes"); runQuotes(p);
  } else if (path === "/events") {
    showTab("events"); runEvents(p);
  } else if (path === "/stats") {
    showTab("stats"); runStats();
  } else if (path === "/api") {
    showTab("api"); runApiRef();
  } else if (path === "/analyze" || path === "/analyzed") {
    showTab("analyze");
  } else {
    showTab("search");
    lastSearch = hash;
    runSearch(p);
  }
  $("#back").setAttribute("href", path === "/analyzed" ? "#/analyze" : lastSearch);
  for (const a of document.querySelectorAll("a.back")) a.setAttribute("href", lastPage);
  if (!path.startsWith("/entity/")) lastPage = hash;
}

function bind() {
  $("#search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/?" + params(e.target).toString();
  });
  $("#quotes-form").addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/quotes?" + params(e.target).toString();
  });
  $("#events-form").addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/events?" + params(e.target).toString();
  });
  $("#analyze-form").addEventListener("submit", (e) => { e.preventDefault(); runAnalyze(e.target); });
  const onEntity = (e) => {
    const node = e.target.closest("[data-ent]");
    if (node) focusEntity(node.classList.contains("focus") ? null : node.dataset.ent);
  };
  $("#doc-text").addEventListener("click", onEntity);
  $("#doc-entities").addEventListener("click", onEntity);
  $("#doc-entities").addEventListener("keydown", (e) => { if (e.key === "Enter") onEntity(e); });
  for (const box of document.querySelectorAll("#layers input[data-layer]")) box.addEventListener("change", applyLayers);
  window.addEventListener("hashchange", route);
  api("/api/labels").then((l) => { LABELS = l.plover || {}; }).catch(() => {}).finally(route);
}

if (typeof document !== "undefined") document.addEventListener("DOMContentLoaded", bind);
if (typeof module !== "undefined") module.exports = { segments, safeDecode }; // for the tests (node)
