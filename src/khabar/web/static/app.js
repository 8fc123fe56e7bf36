// khabar web page: plain JS, no build step, no external assets. All data comes from /api/*.
// Offsets in khabar documents are Unicode code points; JS strings are UTF-16, so texts are split
// with Array.from() before slicing.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const TABS = ["search", "doc", "quotes", "events", "stats", "analyze", "api"];
const TYPE_AR = { PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "أخرى" };
let analyzed = null; // the last document from POST /api/analyze

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
    a.classList.toggle("active", a.dataset.tab === name || (name === "doc" && a.dataset.tab === "search"));
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
    else if (input.type !== "number") input.value = "";
  }
}

function docLink(id, label) {
  return el("a", { href: "#/doc/" + encodeURIComponent(id), dir: "auto" }, label || id);
}

// -- search --------------------------------------------------------------------------------------
async function runSearch(p) {
  const form = $("#search-form");
  fillForm(form, p);
  if (["entity", "event", "actor", "speaker", "from", "to", "source"].some((k) => p.has(k))) $("#filters").open = true;
  const list = $("#results");
  list.replaceChildren();
  setStatus("search-status", "جارٍ البحث…");
  try {
    const data = await api("/api/search?" + p.toString());
    setStatus("search-status", data.count ? `${data.count} نتيجة` : "لا توجد نتائج");
    if (data.index_current === false) setStatus("search-status", `${data.count} نتيجة — فهرس البحث قديم (khabar reindex)`);
    for (const h of data.hits) {
      const snip = el("p", { class: "snippet", dir: "rtl" });
      for (const part of h.snippet_parts) snip.append(part.mark ? el("mark", {}, part.text) : document.createTextNode(part.text));
      list.append(el("li", {},
        el("h3", {}, docLink(h.id, h.title || h.id)),
        el("p", { class: "meta" },
          el("bdi", {}, h.published || "—"), " · ", el("bdi", {}, h.source || "—"),
          " · ", el("bdi", { class: "id" }, h.id), h.score ? el("span", { class: "score" }, " · " + h.score.toFixed(2)) : null),
        snip));
    }
  } catch (err) {
    setStatus("search-status", err.message, true);
  }
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

function renderDoc(doc) {
  showTab("doc");
  const meta = doc.meta || {};
  $("#doc-title").textContent = meta.title || doc.id;
  $("#doc-meta").replaceChildren(
    el("bdi", {}, meta.published || "—"), " · ", el("bdi", {}, meta.source || "—"), " · ", el("bdi", { class: "id" }, doc.id),
    doc.topic ? " · " + doc.topic : "", meta.url ? el("span", {}, " · ", el("bdi", { class: "id" }, meta.url)) : null);
  renderText($("#doc-text"), doc);
  const ents = new Map(doc.entities.map((e) => [e.id, e]));
  const name = (id) => (ents.has(id) ? (ents.get(id).canonical_ar || ents.get(id).canonical || ents.get(id).mentions?.[0]?.text || id) : id);

  $("#doc-entities").replaceChildren(...doc.entities.map((e) =>
    el("li", { class: "ent ent-" + e.type, "data-ent": e.id, title: entityLabel(e), tabindex: "0" },
      name(e.id), el("small", {}, ` ${e.mentions.length}`))));
  const cps = Array.from(doc.text);
  const slice = (s) => (s.text != null ? s.text : cps.slice(s.start, s.end).join(""));
  $("#doc-quotes").replaceChildren(...doc.quotes.map((q) =>
    el("li", {}, el("b", {}, q.speaker ? name(q.speaker) : "؟"), q.cue ? ` (${slice(q.cue)})` : "", ": ", slice(q.content),
      el("small", {}, " " + q.type))));
  $("#doc-events").replaceChildren(...doc.events.map((ev) =>
    el("li", {}, el("b", { dir: "ltr" }, ev.event), " ", ev.actor.map(name).join("، ") || "؟",
      ev.recipient.length ? " ← " + ev.recipient.map(name).join("، ") : "",
      ev.date ? el("bdi", { class: "id" }, " " + ev.date) : "", ev.factuality !== "asserted" ? el("small", {}, " " + ev.factuality) : "")));
  $("#doc-times").replaceChildren(...doc.times.map((t) =>
    el("li", {}, slice(t), " ", el("bdi", { class: "id" }, `${t.type}${t.value ? " " + t.value : ""}`))));
  for (const id of ["doc-quotes", "doc-events", "doc-times"]) {
    if (!$("#" + id).children.length) $("#" + id).append(el("li", { class: "empty" }, "لا شيء"));
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
async function runQuotes(p) {
  fillForm($("#quotes-form"), p);
  const list = $("#quotes");
  list.replaceChildren();
  setStatus("quotes-status", "…");
  try {
    const data = await api("/api/quotes?" + p.toString());
    setStatus("quotes-status", data.count ? `${data.count} قولًا` : "لا توجد أقوال");
    for (const q of data.quotes) {
      list.append(el("li", {}, el("b", {}, q.speaker_name || "؟"), q.cue ? ` (${q.cue})` : "", ": «", q.text, "» ",
        el("small", {}, q.type, " · "), docLink(q.doc, q.published || q.doc)));
    }
  } catch (err) {
    setStatus("quotes-status", err.message, true);
  }
}

async function runEvents(p) {
  fillForm($("#events-form"), p);
  const body = $("#events tbody");
  body.replaceChildren();
  setStatus("events-status", "…");
  try {
    const data = await api("/api/events?" + p.toString());
    setStatus("events-status", data.count ? `${data.count} حدثًا` : "لا توجد أحداث");
    for (const ev of data.events) {
      body.append(el("tr", {},
        el("td", {}, el("bdi", {}, ev.date || "—")),
        el("td", { dir: "ltr" }, ev.event, ev.factuality !== "asserted" ? ` (${ev.factuality})` : ""),
        el("td", {}, ev.actors.join("، ") || "؟"),
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
      [el("a", { href: q("entity", e.wikidata || e.name), dir: "auto" }, e.name), TYPE_AR[e.type] || e.type || "", e.documents]),
      ["الكيان", "النوع", "الوثائق"]));
    box.append(table("أكثر المتحدثين", (s.top_speakers || []).map((e) =>
      [el("a", { href: "#/quotes?" + new URLSearchParams({ speaker: e.wikidata || e.name }), dir: "auto" }, e.name), e.quotes]),
      ["المتحدث", "الأقوال"]));
    box.append(table("الأحداث حسب النوع", Object.entries(s.events_by_type || {}).map(([k, v]) =>
      [el("a", { href: "#/events?" + new URLSearchParams({ event: k }), dir: "ltr" }, k), v]), ["النوع", "العدد"]));
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
  window.addEventListener("hashchange", route);
  route();
}

if (typeof document !== "undefined") document.addEventListener("DOMContentLoaded", bind);
if (typeof module !== "undefined") module.exports = { segments, safeDecode }; // for the tests (node)
