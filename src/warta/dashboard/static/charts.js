// ECharts wrappers (vendored ES module). Tooltips use richText mode: drawn on the canvas, so
// names from articles never become HTML.
import { clusterLabel, clusterPlaces } from "./cluster.js";
import * as echarts from "./vendor/echarts/echarts.esm.min.js";

const charts = new Set();
// A chart whose element is hidden or gone has no box to lay out: resizing it made ECharts' map
// invert a zero-size view transform and throw (seen during full-page screenshots).
window.addEventListener("resize", () => charts.forEach((c) => {
  const dom = c.getDom();
  if (!c.isDisposed() && dom.isConnected && dom.clientWidth > 0 && dom.clientHeight > 0) c.resize();
}));

function make(el, option) {
  const chart = echarts.init(el, null, { renderer: "canvas" });
  chart.setOption({ animation: false, tooltip: { renderMode: "richText", confine: true }, ...option });
  charts.add(chart);
  el.dataset.rendered = "true";
  return chart;
}

/** Dispose of the previous page's charts before drawing a new page. */
export function disposeAll() {
  charts.forEach((c) => c.dispose());
  charts.clear();
}

/** Bars per category; `series` is [{name, data}] aligned with `categories`. */
export function bars(el, categories, series, { horizontal = false, onClick } = {}) {
  const cat = { type: "category", data: categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
  const val = { type: "value" };
  const chart = make(el, {
    grid: { left: horizontal ? 110 : 40, right: 20, top: 30, bottom: horizontal ? 30 : 70 },
    legend: series.length > 1 ? { top: 0 } : undefined,
    tooltip: { renderMode: "richText", trigger: "axis" },
    xAxis: horizontal ? val : cat, yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: series.map((s) => ({ type: "bar", name: s.name, data: s.data, stack: s.stack })),
  });
  if (onClick) chart.on("click", (p) => onClick(p.name));
  return chart;
}

/** Events on a real time axis: `days` [{day, n}] summed per day, ISO week or month. */
export function timeline(el, days, granularity = "month") {
  const buckets = new Map();
  for (const d of days) {
    const key = bucket(d.day, granularity);
    buckets.set(key, (buckets.get(key) || 0) + d.n);
  }
  const data = [...buckets.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return make(el, {
    grid: { left: 40, right: 20, top: 20, bottom: 40 },
    tooltip: { renderMode: "richText", trigger: "axis" },
    xAxis: { type: "time" }, yAxis: { type: "value", name: "events", minInterval: 1 },
    series: [{ type: "bar", name: `events per ${granularity}`, data, barMaxWidth: 24 }],
  });
}

/** The first day of the day's week (Monday) or month, as YYYY-MM-DD. */
function bucket(day, granularity) {
  if (granularity === "month") return `${day.slice(0, 7)}-01`;
  if (granularity === "week") {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  }
  return day;
}

/** A pie of {name, value}. */
export function pie(el, items) {
  return make(el, { series: [{ type: "pie", radius: ["35%", "70%"], data: items, label: { formatter: "{b}: {c}" } }] });
}

/** Countries as nodes (size by events), events between them as edges (colour by mean Goldstein). */
export function graph(el, network, onClick) {
  const max = Math.max(1, ...network.nodes.map((n) => n.n));
  const chart = make(el, {
    series: [{
      // A circle is deterministic and readable for the few dozen countries news names; force above that.
      type: "graph", layout: network.nodes.length > 40 ? "force" : "circular", roam: true, draggable: true,
      left: 90, right: 90, top: 40, bottom: 40,  // room for the labels: the graph fits its frame
      label: { show: true, position: "right", formatter: (p) => p.data.label },
      labelLayout: { hideOverlap: true }, circular: { rotateLabel: false },
      force: { repulsion: 220, edgeLength: [60, 180] }, edgeSymbol: ["none", "arrow"],
      categories: [{ name: "country" }, { name: "organisation or group" }],
      data: network.nodes.map((n) => ({ name: n.id, label: n.name || n.id, value: n.n, category: n.country ? 0 : 1,
        symbolSize: 12 + 38 * Math.sqrt(n.n / max) })),
      links: network.edges.map((e) => ({
        source: e.source, target: e.target, value: e.n,
        lineStyle: { width: 1 + Math.log2(1 + e.n), color: (e.goldstein ?? 0) < 0 ? "#dc2626" : "#16a34a", curveness: 0.15 },
      })),
    }],
  });
  chart.on("click", (p) => p.dataType === "node" && onClick(p.name));
  return chart;
}

let world = null;
/** The vendored Natural Earth countries, registered with ECharts once. */
async function worldMap() {
  if (!world) {
    world = await (await fetch("/static/vendor/world-atlas/countries-110m.geo.json")).json();
    echarts.registerMap("world", world);
  }
  return world;
}

const CLUSTER_RADIUS = 36;  // pixels: places closer than this on the screen share one marker

/** Countries shaded by events (click: the country) and places as dots sized by events or articles,
 * nearby places clustered into one labelled marker with a count (click: zoom in on it; a single
 * place: its events). Clusters are formed again at every zoom; `el.dataset.markers` lists them. */
export async function worldChoropleth(el, countries, places, { onCountry, onPlace }) {
  await worldMap();
  const max = Math.max(1, ...countries.map((c) => c.n));
  const points = places.map((p) => ({ name: p.name, lon: p.lon, lat: p.lat, weight: p.events ?? p.articles,
    unit: p.events !== undefined ? "events" : "articles" }));
  const maxPlace = Math.max(1, ...points.map((p) => p.weight));
  const chart = make(el, {
    tooltip: { renderMode: "richText", formatter: (p) => (p.seriesType === "scatter" ? markerTip(p.data)
      : `${p.name}: ${p.value || 0} events`) },
    visualMap: { min: 0, max, left: 10, bottom: 10, text: [`${max} events`, "0"], calculable: true, seriesIndex: 0,
      inRange: { color: ["#e0ecf8", "#1d4ed8"] } },
    geo: { map: "world", nameProperty: "iso3", roam: true, itemStyle: { areaColor: "#f1f5f9", borderColor: "#94a3b8" },
      emphasis: { label: { show: false } } },
    series: [
      { type: "map", geoIndex: 0, nameProperty: "iso3", data: countries.map((c) => ({ name: c.iso3, value: c.n, label: c.name })) },
      { type: "scatter", coordinateSystem: "geo", labelLayout: { hideOverlap: true },
        symbolSize: (v) => 5 + 22 * Math.sqrt(Math.min(1, v[2] / maxPlace)),
        itemStyle: { color: "#ea580c", opacity: 0.8 },
        label: { show: true, position: "right", formatter: (p) => p.data.name, fontSize: 11 }, data: [] },
    ],
  });
  const draw = () => {
    if (chart.isDisposed()) return;  // a zoom's frame can arrive after the page was left
    const toPixel = (p) => chart.convertToPixel({ geoIndex: 0 }, [p.lon, p.lat]);
    const clusters = clusterPlaces(points, toPixel, CLUSTER_RADIUS);
    chart.setOption({ series: [{}, { data: clusters.map(markerOf) }] });
    el.dataset.markers = JSON.stringify(clusters.map((c) => ({ label: clusterLabel(c), places: c.members.length,
      lon: c.top.lon, lat: c.top.lat })));
  };
  let pending = false;
  chart.on("georoam", () => {
    if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; draw(); }); }
  });
  chart.on("click", (p) => {
    if (p.seriesType !== "scatter") return p.name && onCountry(p.name);
    if (p.data.places.length === 1) return onPlace(p.data.places[0]);
    // A cluster: zoomed in on, far enough for its farthest place to leave it (distances on the
    // screen grow with the zoom), at least twice, at most 64 times.
    const toPixel = (q) => chart.convertToPixel({ geoIndex: 0 }, [q.lon, q.lat]);
    const [x, y] = toPixel(p.data.top);
    const farthest = Math.max(...p.data.members.map((m) => { const [mx, my] = toPixel(m); return Math.hypot(mx - x, my - y); }));
    const factor = Math.min(64, Math.max(2, (1.5 * CLUSTER_RADIUS) / Math.max(farthest, 1e-9)));
    const zoom = chart.getOption().geo[0].zoom || 1;
    chart.setOption({ geo: { center: [p.data.top.lon, p.data.top.lat], zoom: zoom * factor } });
    draw();
  });
  draw();
  return chart;
}

/** A cluster as a scatter point, at its heaviest place, sized by the events of all its places. */
function markerOf(cluster) {
  return { name: clusterLabel(cluster), places: cluster.members.map((m) => m.name), unit: cluster.top.unit,
    top: cluster.top, members: cluster.members, value: [cluster.top.lon, cluster.top.lat, cluster.weight] };
}

function markerTip(data) {
  const names = data.places.length > 1 ? ` (${data.places.slice(0, 8).join(", ")}${data.places.length > 8 ? ", …" : ""})` : "";
  return `${data.name}: ${data.value[2]} ${data.unit}${names}`;
}
