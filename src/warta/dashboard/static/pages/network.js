// The network of actors (countries linked by events) and the map of places.
import { graph, placesMap } from "../charts.js";
import { api, fmt, h, link, show, table } from "../dom.js";

export async function networkPage() {
  const net = await api("/api/network", { limit: 300 });
  const el = h("div", { class: "chart tall", id: "network-chart" });
  show(h("h1", {}, "Network of actors"),
    h("p", { class: "muted" }, "Countries linked by the events between them (green: cooperative on average, red: conflictual). Click a country for its page."),
    h("section", { class: "panel" }, el),
    h("section", { class: "panel" }, h("h2", {}, "Links"), table(net.edges.slice(0, 50), [
      ["dyad", (e) => link(`#/dyad/${encodeURIComponent(e.source)}/${encodeURIComponent(e.target)}`, `${e.source} → ${e.target}`)],
      ["events", (e) => fmt(e.n)], ["mean Goldstein", (e) => fmt(e.goldstein)]])));
  graph(el, net, (code) => { window.location.hash = `#/actor/${encodeURIComponent(code)}`; });
}

export async function mapPage() {
  const places = await api("/api/places");
  const located = places.filter((p) => p.lat !== null && p.lon !== null);
  const el = h("div", { class: "chart tall", id: "map-chart" });
  show(h("h1", {}, "Map of places"),
    h("p", { class: "muted" }, `${located.length} of ${places.length} places placed by approximate coordinates (country centroids and capitals).`),
    h("section", { class: "panel" }, el),
    h("section", { class: "panel" }, h("h2", {}, "Places"), table(places.slice(0, 100), [
      ["place", (p) => p.name], ["country", (p) => (p.iso3 ? link(`#/actor/${encodeURIComponent(p.iso3)}`, p.iso3) : "–")],
      ["articles", (p) => fmt(p.articles)]])));
  placesMap(el, located);
}
