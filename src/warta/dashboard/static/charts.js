// ECharts wrappers (vendored ES module). Tooltips use richText mode: drawn on the canvas, so
// names from articles never become HTML.
import * as echarts from "./vendor/echarts/echarts.esm.min.js";

const charts = new Set();
window.addEventListener("resize", () => charts.forEach((c) => c.resize()));

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

/** Events per month (bars) with the Goldstein sum (line) on a second axis. */
export function timeline(el, months) {
  return make(el, {
    grid: { left: 40, right: 50, top: 30, bottom: 40 },
    legend: { top: 0 },
    tooltip: { renderMode: "richText", trigger: "axis" },
    xAxis: { type: "category", data: months.map((m) => m.month || "undated") },
    yAxis: [{ type: "value", name: "events" }, { type: "value", name: "Goldstein" }],
    series: [
      { type: "bar", name: "events", data: months.map((m) => m.n) },
      { type: "line", name: "Goldstein sum", yAxisIndex: 1, data: months.map((m) => m.goldstein ?? 0) },
    ],
  });
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
      label: { show: true, position: "right" }, circular: { rotateLabel: false },
      force: { repulsion: 220, edgeLength: [60, 180] }, edgeSymbol: ["none", "arrow"],
      data: network.nodes.map((n) => ({ name: n.id, value: n.n, symbolSize: 12 + 38 * Math.sqrt(n.n / max) })),
      links: network.edges.map((e) => ({
        source: e.source, target: e.target, value: e.n,
        lineStyle: { width: 1 + Math.log2(1 + e.n), color: (e.goldstein ?? 0) < 0 ? "#dc2626" : "#16a34a", curveness: 0.15 },
      })),
    }],
  });
  chart.on("click", (p) => p.dataType === "node" && onClick(p.name));
  return chart;
}

/** Places as dots on a longitude/latitude plane (no map tiles: nothing is fetched). */
export function placesMap(el, places) {
  const max = Math.max(1, ...places.map((p) => p.articles));
  return make(el, {
    grid: { left: 50, right: 20, top: 20, bottom: 40 },
    xAxis: { type: "value", min: -180, max: 180, name: "longitude", splitLine: { lineStyle: { type: "dashed" } } },
    yAxis: { type: "value", min: -60, max: 80, name: "latitude", splitLine: { lineStyle: { type: "dashed" } } },
    tooltip: { renderMode: "richText", formatter: (p) => `${p.data.name}: ${p.data.value[2]} articles` },
    series: [{
      type: "scatter", symbolSize: (v) => 8 + 30 * Math.sqrt(v[2] / max),
      label: { show: true, position: "right", formatter: (p) => p.data.name },
      data: places.map((p) => ({ name: p.name, value: [p.lon, p.lat, p.articles] })),
    }],
  });
}
