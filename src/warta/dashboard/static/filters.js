// The explorers' event filters (date range, type, quad class, context, modality, negation,
// confidence) and the download of exactly the filtered events as CSV or JSON, one row per event.
import { h } from "./dom.js";

export const FILTERS = ["since", "until", "type", "quad_class", "context", "modality", "negated", "min_confidence"];
const TYPES = ["AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "DEMAND", "DISAPPROVE", "FIGHT",
  "INVESTIGATE", "MOBILIZE", "PROTEST", "REJECT", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"];
const QUADS = [["1", "verbal cooperation"], ["2", "material cooperation"], ["3", "verbal conflict"], ["4", "material conflict"]];
const CONTEXTS = ["diplomatic", "economic", "military", "political_institutions", "humanitarian", "legal", "human_rights",
  "intelligence", "peacekeeping", "cbrn", "crime", "corruption", "religion_ethnicity", "energy", "nuclear", "transport"];

function select(name, value, options) {
  return h("select", { name, "aria-label": name }, h("option", { value: "" }, `any ${name.replace("_", " ")}`),
    options.map(([v, label]) => h("option", { value: v, selected: v === value ? "selected" : null }, label)));
}

/** The filter form; `apply(values)` gets every filter's value ("" for any). */
export function filterForm(values, apply) {
  const form = h("form", { class: "toolbar filters", id: "filters", onsubmit: (e) => {
    e.preventDefault();
    apply(Object.fromEntries(FILTERS.map((k) => [k, new FormData(form).get(k) || ""])));
  } },
  h("label", {}, "from ", h("input", { type: "date", name: "since", value: values.since })),
  h("label", {}, "to ", h("input", { type: "date", name: "until", value: values.until })),
  select("type", values.type, TYPES.map((t) => [t, t])),
  select("quad_class", values.quad_class, QUADS),
  select("context", values.context, CONTEXTS.map((c) => [c, c.replace("_", " ")])),
  select("modality", values.modality, ["asserted", "planned", "conditional", "hypothetical"].map((m) => [m, m])),
  select("negated", values.negated, [["false", "not negated"], ["true", "negated"]]),
  h("label", {}, "confidence ≥ ", h("input", { type: "number", name: "min_confidence", min: 0, max: 1, step: 0.05,
    value: values.min_confidence, size: 4 })),
  h("button", { type: "submit", id: "apply-filters" }, "Apply"),
  h("button", { type: "button", onclick: () => apply(Object.fromEntries(FILTERS.map((k) => [k, ""]))) }, "Clear"));
  return form;
}

const COLUMNS = ["article_id", "idx", "day", "type", "cameo", "quad_class", "goldstein", "actor1_name", "actor1_country",
  "actor2_name", "actor2_country", "context", "modality", "negated", "confidence", "trigger", "evidence", "title", "url"];

/** Every event the filters select (all pages), saved as CSV or JSON. */
export async function download(filters, format, name) {
  const rows = [];
  let cursor = "";
  do {
    const url = new URL("/api/events", window.location.origin);
    for (const [k, v] of Object.entries({ ...filters, limit: 1000, cursor })) if (v !== "" && v !== undefined) url.searchParams.set(k, v);
    const page = await (await fetch(url)).json();
    rows.push(...page.items);
    cursor = page.next || "";
  } while (cursor);
  const body = format === "csv"
    ? [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(","))].join("\r\n") + "\r\n"
    : JSON.stringify(rows, null, 1);
  const a = document.createElement("a");  // a blob: URL made here, never from article data
  a.href = URL.createObjectURL(new Blob([body], { type: format === "csv" ? "text/csv" : "application/json" }));
  a.download = `${name}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function csvCell(value) {
  if (value === null || value === undefined) return "";
  const text = Array.isArray(value) ? value.join(";") : String(value);
  // Quoted when needed; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
