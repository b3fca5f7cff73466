// Dyad explorer: the relations of two countries over time, by type and context; amounts promised
// vs realised; what each side said; the events with their evidence.
import { bars, pie, timeline } from "../charts.js";
import { api, articleLink, eventItem, fmt, h, show, table } from "../dom.js";

function picker(a, b) {
  const first = h("input", { name: "a", value: a, size: 4, maxlength: 3, "aria-label": "first country (ISO3)" });
  const second = h("input", { name: "b", value: b, size: 4, maxlength: 3, "aria-label": "second country (ISO3)" });
  return h("form", { class: "toolbar", onsubmit: (e) => {
    e.preventDefault();
    window.location.hash = `#/dyad/${encodeURIComponent(first.value.toUpperCase())}/${encodeURIComponent(second.value.toUpperCase())}`;
  } }, "Countries", first, "↔", second, h("button", { type: "submit" }, "Show"));
}

function quotesOf(side, quotes, cls) {
  const mine = quotes.filter((q) => q.side === side);
  return h("section", { class: `panel ${cls}`, id: `quotes-${side}` }, h("h2", {}, `What ${side} said`),
    mine.length ? h("ul", { class: "plain" }, mine.map((q) => h("li", {},
      h("blockquote", {}, q.text), h("span", { class: "muted" }, "— ", q.speaker || "unknown", ", ", q.day || ""), " ",
      articleLink(q.article_id, "article"))))
      : h("p", { class: "muted" }, "No quotes attributed to this side."));
}

function amountsPanel(amounts) {
  return h("section", { class: "panel", id: "dyad-amounts" }, h("h2", {}, "Amounts: promised vs realised"),
    amounts.totals.length ? table(amounts.totals, [["status", (t) => t.status], ["unit", (t) => (t.counted ? `${t.unit}: ${t.counted}` : t.unit)],
      ["total", (t) => fmt(t.value)]]) : h("p", { class: "muted" }, "No amounts in these articles."),
    amounts.items.length ? table(amounts.items.slice(0, 20), [["date", (m) => m.day || "–"], ["amount", (m) => m.text],
      ["status", (m) => m.status || "–"], ["article", (m) => articleLink(m.article_id, m.title)]]) : null);
}

export async function dyadPage(a, b) {
  const d = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { limit: 100 });
  const [timeEl, typeEl, contextEl] = ["dyad-timeline", "dyad-types", "dyad-contexts"].map((id) => h("div", { class: "chart", id }));
  show(
    h("h1", {}, `${d.a} ↔ ${d.b}`), picker(d.a, d.b),
    h("div", { class: "cards" },
      h("div", { class: "card", id: "dyad-total" }, h("b", {}, fmt(d.events_total)), "events"),
      h("div", { class: "card" }, h("b", {}, fmt(d.goldstein_sum)), "Goldstein sum"),
      d.by_direction.map((x) => h("div", { class: "card" }, h("b", {}, fmt(x.n)), `initiated by ${x.source}`))),
    h("section", { class: "panel" }, h("h2", {}, "Timeline"), timeEl),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, "Event types"), typeEl),
      h("section", { class: "panel" }, h("h2", {}, "Contexts"), contextEl)),
    amountsPanel(d.amounts),
    h("div", { class: "grid2" }, quotesOf(d.a, d.quotes, "side-a"), quotesOf(d.b, d.quotes, "side-b")),
    h("section", { class: "panel" }, h("h2", {}, "Events"),
      d.events.length ? h("ul", { class: "plain", id: "dyad-events" }, d.events.map(eventItem))
        : h("p", { class: "muted" }, "No events between these two countries.")),
  );
  timeline(timeEl, d.by_month);
  bars(typeEl, d.by_type.map((t) => t.type), [{ name: "events", data: d.by_type.map((t) => t.n) }]);
  pie(contextEl, d.by_context.map((c) => ({ name: c.context, value: c.n })));
}
