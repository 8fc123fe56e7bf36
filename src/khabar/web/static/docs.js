// khabar /docs: an offline API reference rendered from /openapi.json, with a "try it" form per GET endpoint.
"use strict";

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function endpoint(path, method, op) {
  const params = op.parameters || [];
  const card = h("section", { class: "card endpoint", id: (op.operationId || path) },
    h("h3", {}, h("code", {}, method.toUpperCase() + " " + path)), h("p", {}, op.summary || ""),
    op.description ? h("p", { class: "meta" }, op.description) : null);
  if (params.length) {
    card.append(h("ul", {}, ...params.map((p) => h("li", {}, h("code", {}, p.name), ` (${p.in}${p.required ? ", required" : ""})`,
      p.schema && (p.schema.type || p.schema.anyOf) ? ` ${p.schema.type || p.schema.anyOf.map((x) => x.type).join("|")}` : "",
      p.schema && p.schema.default !== undefined ? ` = ${JSON.stringify(p.schema.default)}` : "",
      p.description ? ` — ${p.description}` : ""))));
  }
  if (op.requestBody) card.append(h("p", { class: "meta" }, 'JSON body: {"text": "…", "published": "YYYY-MM-DD"}'));
  if (method !== "get") return card;
  const form = h("form", { class: "try" });
  for (const p of params) form.append(h("label", {}, p.name + " ", h("input", { name: p.name, "data-in": p.in, dir: "auto" })));
  const out = h("pre", { class: "result", hidden: "" });
  form.append(h("button", { type: "submit" }, "try"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    let url = path;
    const q = new URLSearchParams();
    for (const input of form.querySelectorAll("input")) {
      const v = input.value.trim();
      if (input.dataset.in === "path") url = url.replace(new RegExp("\\{" + input.name + "(:path)?\\}"), encodeURIComponent(v));
      else if (v) q.set(input.name, v);
    }
    out.hidden = false;
    out.textContent = "…";
    try {
      const res = await fetch(url + (q.toString() ? "?" + q : ""));
      const text = await res.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (_) { /* not JSON */ }
      out.textContent = res.status + "\n" + shown.slice(0, 20000);
    } catch (err) {
      out.textContent = String(err);
    }
  });
  card.append(form, out);
  return card;
}

async function main() {
  const status = document.getElementById("docs-status");
  try {
    const spec = await (await fetch("/openapi.json")).json();
    status.textContent = `${spec.info.title} ${spec.info.version}`;
    const box = document.getElementById("endpoints");
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) box.append(endpoint(path, method, op));
    }
  } catch (err) {
    status.textContent = String(err);
  }
}

document.addEventListener("DOMContentLoaded", main);
