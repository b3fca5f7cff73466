// The network of actors (countries linked by events) and the map of places.
import { graph, worldChoropleth } from "../charts.js";
import { api, eventItem, fmt, h, link, show, table } from "../dom.js";

export async function networkPage() {
  const net = await api("/api/network", { limit: 300 });
  const el = h("div", { class: "chart tall", id: "network-chart" });
  show(h("h1", {}, "Network of actors"),
    h("p", { class: "muted" }, "Countries, organisations and groups linked by the events between them (green: cooperative on average, red: conflictual). Click one for its page."),
    h("section", { class: "panel" }, el),
    h("section", { class: "panel" }, h("h2", {}, "Links"), table(net.edges.slice(0, 50), [
      ["link", (e) => (e.source.length === 3 && e.target.length === 3
        ? link(`#/dyad/${encodeURIComponent(e.source)}/${encodeURIComponent(e.target)}`, `${e.source} → ${e.target}`)
        : `${e.source} → ${e.target}`)],
      ["events", (e) => fmt(e.n)], ["mean Goldstein", (e) => fmt(e.goldstein)]])));
  graph(el, net, (code) => { window.location.hash = `#/actor/${encodeURIComponent(code)}`; });
}

export async function mapPage(place) {
  const [countries, places] = await Promise.all([api("/api/countries"), api("/api/places")]);
  const located = places.filter((p) => p.lat !== null && p.lon !== null);
  const el = h("div", { class: "chart tall", id: "map-chart" });
  const events = h("section", { class: "panel", id: "place-events" }, h("p", { class: "muted" }, "Click a place on the map or in the table for its events."));
  show(h("h1", {}, "Map"),
    h("p", { class: "muted" }, `Countries shaded by their events; ${located.length} of ${places.length} places as dots sized by the events of the articles naming them. `,
      "Nearby places share one marker, named after the largest, with the count of the others (+3): click it to zoom in until they part. ",
      "Click a country for its page, a place for its events. Drag and scroll to move and zoom."),
    h("section", { class: "panel" }, el), events,
    h("section", { class: "panel" }, h("h2", {}, "Places"), table(places.slice(0, 100), [
      ["place", (p) => link(`#/map?place=${encodeURIComponent(p.name)}`, p.name)],
      ["country", (p) => (p.iso3 ? link(`#/actor/${encodeURIComponent(p.iso3)}`, p.iso3) : "–")],
      ["events", (p) => fmt(p.events)], ["articles", (p) => fmt(p.articles)]])));
  const showPlace = async (name) => {
    const res = await api("/api/events", { place: name, limit: 50 });
    events.replaceChildren(h("h2", {}, `Events where ${name} is named (${res.total})`),
      res.items.length ? h("ul", { class: "plain", id: "place-event-list" }, res.items.map(eventItem)) : h("p", { class: "muted" }, "No events."));
  };
  await worldChoropleth(el, countries, located, {
    onCountry: (code) => { window.location.hash = `#/actor/${encodeURIComponent(code)}`; },
    onPlace: showPlace,
  });
  if (place) await showPlace(place);
}
