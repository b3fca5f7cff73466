// Actor explorer: a country (ISO3), CAMEO code or name — its partners and event types, and its
// events under the explorer's filters (date range, type, quad class, context, modality, negation,
// confidence), paged, downloadable as CSV or JSON; its quotes.
import { bars } from "../charts.js";
import { api, articleLink, eventItem, fmt, h, show } from "../dom.js";
import { download, filterForm, FILTERS } from "../filters.js";

export async function actorPage(actor, query = new URLSearchParams()) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) || ""]));
  const per = Math.min(500, Number(query.get("per")) || 50);
  const offset = Number(query.get("offset")) || 0;
  const go = (changes) => {
    const next = new URLSearchParams({ ...filters, per: query.get("per") || "", ...changes });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    window.location.hash = `#/actor/${encodeURIComponent(actor)}?${next}`;
  };
  let a;
  let page;
  try {
    [a, page] = await Promise.all([api(`/api/actors/${encodeURIComponent(actor)}`, { limit: 0 }),
      api("/api/events", { actor, ...filters, limit: per, offset })]);
  } catch (error) {
    show(h("h1", {}, `Actor: ${actor}`), h("p", { class: "error" }, error.message));
    return;
  }
  const input = h("input", { name: "actor", value: actor, size: 12, "aria-label": "actor" });
  const partnersEl = h("div", { class: "chart", id: "actor-partners" });
  const typesEl = h("div", { class: "chart", id: "actor-types" });
  const partners = a.partners.filter((p) => p.partner);
  const quotes = await api("/api/quotes", { speaker: actor, limit: 20 });
  const name = `${actor}-events`;
  show(
    h("h1", {}, `Actor: ${actor}`),
    h("form", { class: "toolbar", onsubmit: (e) => {
      e.preventDefault();
      window.location.hash = `#/actor/${encodeURIComponent(input.value)}`;
    } }, input, h("button", { type: "submit" }, "Show")),
    filterForm(filters, (values) => go({ ...values, offset: "" })),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, "Partners (click for the dyad)"), partnersEl),
      h("section", { class: "panel" }, h("h2", {}, "Event types"), typesEl)),
    h("div", { class: "grid2" },
      h("section", { class: "panel" },
        h("h2", { id: "actor-events-title" }, `Events ${page.total ? offset + 1 : 0}–${offset + page.items.length} of ${fmt(page.total)}`, " ",
          h("button", { id: "download-csv", onclick: () => download({ actor, ...filters }, "csv", name) }, "CSV"), " ",
          h("button", { id: "download-json", onclick: () => download({ actor, ...filters }, "json", name) }, "JSON")),
        h("ul", { class: "plain", id: "actor-events" }, page.items.map(eventItem)),
        h("div", { class: "pager" },
          offset > 0 ? h("button", { id: "actor-prev", onclick: () => go({ offset: String(Math.max(0, offset - per)) }) }, "← newer") : null,
          page.next ? h("button", { id: "actor-next", onclick: () => go({ offset: String(offset + per) }) }, "older →") : null)),
      h("section", { class: "panel" }, h("h2", {}, `Quotes (${fmt(quotes.total)})`),
        quotes.items.length ? h("ul", { class: "plain", id: "actor-quotes" }, quotes.items.map((q) => h("li", {},
          h("blockquote", {}, q.text), h("span", { class: "muted" }, "— ", q.speaker || "?", " "), articleLink(q.article_id, q.title))))
          : h("p", { class: "muted" }, "No quotes."))),
  );
  bars(partnersEl, partners.map((p) => p.partner), [{ name: "events", data: partners.map((p) => p.n) }],
    { horizontal: true, onClick: (p) => { window.location.hash = `#/dyad/${encodeURIComponent(actor.toUpperCase())}/${encodeURIComponent(p)}`; } });
  bars(typesEl, a.by_type.map((t) => t.type), [{ name: "events", data: a.by_type.map((t) => t.n) }],
    { onClick: (type) => go({ type, offset: "" }) });
}
