// Actor page: a country (ISO3), CAMEO code or name — its partners, event types, events and quotes.
import { bars } from "../charts.js";
import { api, articleLink, eventItem, h, show } from "../dom.js";

export async function actorPage(actor) {
  let a;
  try {
    a = await api(`/api/actors/${encodeURIComponent(actor)}`);
  } catch (error) {
    show(h("h1", {}, `Actor: ${actor}`), h("p", { class: "error" }, error.message));
    return;
  }
  const input = h("input", { name: "actor", value: actor, size: 12, "aria-label": "actor" });
  const partnersEl = h("div", { class: "chart", id: "actor-partners" });
  const typesEl = h("div", { class: "chart", id: "actor-types" });
  const partners = a.partners.filter((p) => p.partner);
  show(
    h("h1", {}, `Actor: ${actor}`),
    h("form", { class: "toolbar", onsubmit: (e) => {
      e.preventDefault();
      window.location.hash = `#/actor/${encodeURIComponent(input.value)}`;
    } }, input, h("button", { type: "submit" }, "Show")),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, "Partners (click for the dyad)"), partnersEl),
      h("section", { class: "panel" }, h("h2", {}, "Event types"), typesEl)),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, "Events"),
        h("ul", { class: "plain", id: "actor-events" }, a.events.map(eventItem))),
      h("section", { class: "panel" }, h("h2", {}, "Quotes"),
        a.quotes.length ? h("ul", { class: "plain", id: "actor-quotes" }, a.quotes.map((q) => h("li", {},
          h("blockquote", {}, q.text), h("span", { class: "muted" }, "— ", q.speaker || "?", " "), articleLink(q.article_id, q.title))))
          : h("p", { class: "muted" }, "No quotes."))),
  );
  bars(partnersEl, partners.map((p) => p.partner), [{ name: "events", data: partners.map((p) => p.n) }],
    { horizontal: true, onClick: (p) => { window.location.hash = `#/dyad/${encodeURIComponent(actor.toUpperCase())}/${encodeURIComponent(p)}`; } });
  bars(typesEl, a.by_type.map((t) => t.type), [{ name: "events", data: a.by_type.map((t) => t.n) }]);
}
