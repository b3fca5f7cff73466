// DOM helpers. Every piece of article-derived text goes through textContent (never innerHTML),
// so a title like "<img onerror=…>" is shown as text, not run; and a link can only point to a
// dashboard route, this server or an http(s) page, so a "javascript:" URL from an article is dropped.

const SAFE_URL = /^(#|\/(?![\/\\])|https?:\/\/)/i;

/** May this URL go into an href or src? (a route, a path on this server, or http(s)) */
export const safeUrl = (url) => SAFE_URL.test(String(url).trim());

/** h("a", {href: "#/x", class: "tag"}, "text", childNode, [more]) → Element */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if ((key === "href" || key === "src") && !safeUrl(value)) continue;
    else if (!key.startsWith("on")) el.setAttribute(key, String(value));  // never an inline handler from a string
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace the page's content. */
export function show(...children) {
  const view = document.getElementById("view");
  view.replaceChildren();
  append(view, children);
  return view;
}

/** GET a JSON API path; throws an Error with the server's message on failure. */
export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  const response = await fetch(url);
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.json();
}

/** A search snippet with its \x02…\x03 match markers as <mark> elements (text stays text). */
export function snippet(text) {
  const out = h("span", { class: "snippet" });
  String(text || "").split(/\x02|\x03/).forEach((part, i) => out.append(i % 2 ? h("mark", {}, part) : part));
  return out;
}

export const fmt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en", { maximumFractionDigits: 2 }));
export const link = (href, text) => (safeUrl(href) ? h("a", { href }, text) : h("span", {}, text));
export const actorLink = (code) => (code ? link(`#/actor/${encodeURIComponent(code)}`, code) : "–");
export const articleLink = (id, text, ev) => link(`#/article/${encodeURIComponent(id)}${ev !== undefined ? `?ev=${ev}` : ""}`, text || "(untitled)");

/** A table from rows and [header, row => cell] pairs. */
export function table(rows, columns) {
  return h("table", {},
    h("thead", {}, h("tr", {}, columns.map(([title]) => h("th", {}, title)))),
    h("tbody", {}, rows.map((row) => h("tr", {}, columns.map(([, cell]) => h("td", {}, cell(row)))))));
}

/** One event as a list item: date, type, actors, evidence and the link to it in its article. */
export function eventItem(e) {
  const tone = e.goldstein > 0 ? "pos" : e.goldstein < 0 ? "neg" : "";
  return h("li", { class: "event-item" },
    h("span", { class: "muted" }, e.day || "undated", " "),
    h("span", { class: `tag ${tone}` }, e.type, " ", e.cameo || ""),
    e.negated ? h("span", { class: "tag neg" }, "negated") : null,
    e.modality && e.modality !== "asserted" ? h("span", { class: "tag" }, e.modality) : null,
    actorLink(e.actor1_country), " → ", actorLink(e.actor2_country), " ",
    h("span", { class: "muted" }, `(${e.actor1_name || "?"} → ${e.actor2_name || "?"}) Goldstein ${fmt(e.goldstein)}`),
    // The evidence as a quoted block (set off by style, not by quote marks: a sentence that is
    // itself a quotation would show doubled marks).
    h("div", { class: "evidence" }, h("q", { class: "ev-text" }, e.evidence), " ", articleLink(e.article_id, "evidence in article", e.idx)));
}

export function errorBox(error) {
  return h("p", { class: "error" }, `Could not load: ${error.message}`);
}
