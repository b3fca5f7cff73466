// Overview: what the store holds, the busiest dyads, event types and the latest articles.
import { bars } from "../charts.js";
import { api, articleLink, fmt, h, link, show, table } from "../dom.js";

export async function overviewPage() {
  const [stats, latest] = await Promise.all([api("/api/stats"), api("/api/articles", { limit: 15 })]);
  const articles = latest.items;
  const typesChart = h("div", { class: "chart", id: "types-chart" });
  show(
    h("h1", {}, "Overview"),
    h("div", { class: "cards" },
      ["articles", "events", "quotes", "amounts", "entities"].map((k) => h("div", { class: "card", id: `count-${k}` }, h("b", {}, fmt(stats[k])), k)),
      h("div", { class: "card" }, h("b", {}, Object.keys(stats.languages).join(" · ") || "–"), "languages"),
      h("div", { class: "card" }, h("b", { style: "font-size:1rem" }, `${stats.since || "–"} … ${stats.until || "–"}`), "dates")),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, "Busiest dyads"),
        stats.top_dyads.length ? table(stats.top_dyads, [
          ["dyad", (d) => link(`#/dyad/${encodeURIComponent(d.a)}/${encodeURIComponent(d.b)}`, `${d.a} → ${d.b}`)], ["events", (d) => fmt(d.n)]])
          : h("p", { class: "muted" }, "No events between two countries yet.")),
      h("section", { class: "panel" }, h("h2", {}, "Event types"), typesChart)),
    h("section", { class: "panel" }, h("h2", {}, "Latest articles"),
      table(articles, [["date", (a) => a.day || "–"], ["lang", (a) => a.language || "?"],
        ["title", (a) => articleLink(a.id, a.title)], ["events", (a) => fmt(a.n_events)],
        ["quotes", (a) => fmt(a.n_quotes)], ["entities", (a) => fmt(a.n_entities)]])),
  );
  bars(typesChart, stats.event_types.map((t) => t.type), [{ name: "events", data: stats.event_types.map((t) => t.n) }]);
}
