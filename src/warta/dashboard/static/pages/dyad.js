// Dyad explorer: the relations of two countries over time, by type and context; amounts promised
// vs realised; what each side said; the events with their evidence.
import { bars, timeline } from "../charts.js";
import { api, articleLink, eventItem, fmt, h, show, table } from "../dom.js";
import { download, filterForm, FILTERS } from "../filters.js";

function picker(a, b) {
  const first = h("input", { name: "a", value: a, size: 4, maxlength: 3, "aria-label": "first country (ISO3)" });
  const second = h("input", { name: "b", value: b, size: 4, maxlength: 3, "aria-label": "second country (ISO3)" });
  return h("form", { class: "toolbar", onsubmit: (e) => {
    e.preventDefault();
    window.location.hash = `#/dyad/${encodeURIComponent(first.value.toUpperCase())}/${encodeURIComponent(second.value.toUpperCase())}`;
  } }, "Countries", first, "↔", second, h("button", { type: "submit" }, "Show"));
}

function quotesOf(side, quotes, cls) {
  const mine = quotes.filter((q) => q.side === side).slice(0, 8);  // the latest; the quotes API pages through all
  return h("section", { class: `panel ${cls}`, id: `quotes-${side}` }, h("h2", {}, `What ${side} said`),
    mine.length ? h("ul", { class: "plain" }, mine.map((q) => h("li", {},
      h("blockquote", {}, q.text), h("span", { class: "muted" }, "— ", q.speaker || "unknown", ", ", q.day || ""), " ",
      articleLink(q.article_id, "article"))))
      : h("p", { class: "muted" }, "No quotes attributed to this side."));
}

// Money only (an ISO 4217 code): counts and percentages do not add up across articles.
const isMoney = (unit) => /^[A-Z]{3}$/.test(unit || "");

// A figure of the headline only: its evidence is the article's title, shown beside it.
const amountCell = (m) => (m.in_title ? [m.text, " ", h("span", { class: "tag", title: `headline: ${m.title || ""}` }, "headline")] : m.text);

function amountsPanel(amounts) {
  const totals = amounts.totals.filter((t) => isMoney(t.unit));
  const items = amounts.items.filter((m) => isMoney(m.unit));
  // A large pair's totals are those of its newest amounts only (the API says so): never shown as all.
  const partial = amounts.complete === false
    ? h("p", { class: "muted small", id: "dyad-totals-partial" },
      `Totals of the newest ${fmt(amounts.totals_over)} amounts only: the pair has more.`) : null;
  return h("section", { class: "panel", id: "dyad-amounts" }, h("h2", {}, "Money: promised vs realised, per currency"),
    partial,
    totals.length ? table(totals, [["currency", (t) => t.unit], ["status", (t) => t.status], ["total", (t) => fmt(t.value)]])
      : h("p", { class: "muted" }, "No sums of money in these articles."),
    items.length ? table(items.slice(0, 20), [["date", (m) => m.day || "–"], ["amount", amountCell],
      ["status", (m) => m.status || "–"], ["article", (m) => articleLink(m.article_id, m.title)]]) : null);
}

export async function dyadPage(a, b, query = new URLSearchParams()) {
  const PAGE = Math.min(500, Number(query.get("per")) || 50);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) || ""]));
  const granularity = query.get("by") || "month";
  const offset = Number(query.get("offset")) || 0;
  const base = `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
  const go = (changes) => {
    const next = new URLSearchParams({ ...filters, by: granularity, per: query.get("per") || "", ...changes });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    window.location.hash = `${base}?${next}`;
  };
  const [d, page] = await Promise.all([
    api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { ...filters, limit: 0 }),
    api("/api/events", { dyad: `${a}-${b}`, ...filters, limit: PAGE, offset })]);
  const [timeEl, typeEl, contextEl] = ["dyad-timeline", "dyad-types", "dyad-contexts"].map((id) => h("div", { class: "chart", id }));
  const by = h("select", { id: "granularity", onchange: () => go({ by: by.value, offset: "" }) },
    ["day", "week", "month"].map((g) => h("option", { value: g, selected: g === granularity ? "selected" : null }, g)));
  show(
    h("h1", {}, `${d.a} ↔ ${d.b}`), picker(d.a, d.b),
    filterForm(filters, (values) => go({ ...values, offset: "" })),
    h("div", { class: "cards" },
      h("div", { class: "card", id: "dyad-total" }, h("b", {}, fmt(d.events_total)), "events"),
      h("div", { class: "card" }, h("b", {}, fmt(d.goldstein_sum)), "Goldstein sum"),
      h("div", { class: "card", id: "dyad-undated" }, h("b", {}, fmt(d.undated)), "without a day"),
      d.by_direction.map((x) => h("div", { class: "card" }, h("b", {}, fmt(x.n)), `initiated by ${x.source || "both"}`))),
    h("section", { class: "panel" }, h("h2", {}, "Timeline by ", by,
      h("span", { class: "muted small" }, ` (${fmt(d.events_total - d.undated)} dated to the day; ${fmt(d.undated)} with a year or month only, or none, are counted apart)`)), timeEl),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, "Event types"), typeEl),
      h("section", { class: "panel" }, h("h2", {}, "Contexts"), contextEl)),
    amountsPanel(d.amounts),
    h("div", { class: "grid2" }, quotesOf(d.a, d.quotes, "side-a"), quotesOf(d.b, d.quotes, "side-b")),
    h("section", { class: "panel" }, h("h2", {}, `Events ${page.total ? offset + 1 : 0}–${offset + page.items.length} of ${fmt(page.total)}`, " ",
      h("button", { id: "download-csv", onclick: () => download({ dyad: `${a}-${b}`, ...filters }, "csv", `${a}-${b}-events`) }, "CSV"), " ",
      h("button", { id: "download-json", onclick: () => download({ dyad: `${a}-${b}`, ...filters }, "json", `${a}-${b}-events`) }, "JSON")),
      page.items.length ? h("ul", { class: "plain", id: "dyad-events" }, page.items.map(eventItem))
        : h("p", { class: "muted" }, "No events between these two countries with these filters."),
      h("div", { class: "pager" },
        offset > 0 ? h("button", { id: "dyad-prev", onclick: () => go({ offset: String(Math.max(0, offset - PAGE)) }) }, "← newer") : null,
        page.next ? h("button", { id: "dyad-next", onclick: () => go({ offset: String(offset + PAGE) }) }, "older →") : null)),
  );
  timeline(timeEl, d.by_day, granularity);
  bars(typeEl, d.by_type.map((t) => t.type), [{ name: "events", data: d.by_type.map((t) => t.n) }],
    { onClick: (type) => go({ type, offset: "" }) });
  bars(contextEl, d.by_context.map((c) => c.context), [{ name: "events", data: d.by_context.map((c) => c.n) }],
    { horizontal: true, onClick: (context) => go({ context, offset: "" }) });
}
