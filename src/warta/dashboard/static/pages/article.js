// Article view: the text with every extracted record highlighted, and a list of the records;
// clicking either side focuses the record in the text (events: their evidence sentence).
import { actorLink, api, fmt, h, link, show } from "../dom.js";

/** Every record of the article as highlightable spans: {start, end, kind, rec, label}. */
function spansOf(a) {
  const spans = [];
  a.entities.forEach((e, i) => e.mentions.forEach((m) => spans.push({ start: m.start, end: m.end, kind: "ent", rec: `ent-${i}` })));
  a.quotes.forEach((q, i) => spans.push({ start: q.start, end: q.end, kind: "quote", rec: `quote-${i}` }));
  a.amounts.forEach((m, i) => { if (!m.in_title) spans.push({ start: m.start, end: m.end, kind: "amount", rec: `amount-${i}` }); });
  a.dates.forEach((d, i) => spans.push({ start: d.start, end: d.end, kind: "date", rec: `date-${i}` }));
  a.events.forEach((e, i) => spans.push(...eventSpans(a, e, `event-${i}`)));
  return spans.filter((s) => s.end > s.start && s.start >= 0 && s.end <= a.text.length);
}

/** The amounts the headline states and the body does not: their offsets count into the title. */
function titleSpansOf(a) {
  const title = a.title || "";
  return a.amounts.map((m, i) => ({ start: m.start, end: m.end, kind: "amount", rec: `amount-${i}`, inTitle: m.in_title }))
    .filter((s) => s.inTitle && s.end > s.start && s.start >= 0 && s.end <= title.length);
}

/** An event's evidence, with its trigger word and the mentions of its two sides inside it: shown
 * as one continuous highlight when the event is focused. */
function eventSpans(a, e, rec) {
  const { start, end, text, trigger } = e.evidence;
  const spans = [{ start, end, kind: "event", rec }];
  const at = trigger ? text.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
  if (at >= 0) spans.push({ start: start + at, end: start + at + trigger.length, kind: "trigger", rec });
  [["actor1", "side1"], ["actor2", "side2"]].forEach(([key, kind]) => {
    const entity = e[key] && e[key].entity ? a.entities.find((x) => x.id === e[key].entity) : null;
    for (const m of entity ? entity.mentions : []) {
      if (m.start >= start && m.end <= end) spans.push({ start: m.start, end: m.end, kind, rec });
    }
  });
  return spans;
}

/** The text cut at every span boundary; each piece knows the records covering it. */
function highlighted(text, spans, body = h("div", { class: "article-text", id: "article-text" })) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((x, y) => x - y);
  for (let k = 0; k < cuts.length - 1; k++) {
    const [from, to] = [cuts[k], cuts[k + 1]];
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    const piece = text.slice(from, to);
    if (!covering.length) { body.append(piece); continue; }
    covering.sort((x, y) => (x.end - x.start) - (y.end - y.start));  // innermost first
    body.append(h("span", { class: `seg ${[...new Set(covering.map((s) => s.kind))].join(" ")}`,
      dataset: { recs: covering.map((s) => s.rec).join(" ") }, onclick: () => focus(covering[0].rec) }, piece));
  }
  return body;
}

function focus(rec) {
  document.querySelectorAll(".seg.focus, .records li.focus").forEach((el) => el.classList.remove("focus"));
  const segs = [...document.querySelectorAll("#article-title .seg, #article-text .seg")]
    .filter((el) => el.dataset.recs.split(" ").includes(rec));
  segs.forEach((el) => el.classList.add("focus"));
  const item = document.querySelector(`.records li[data-rec="${rec}"]`);
  if (item) item.classList.add("focus");
  if (segs.length) segs[0].scrollIntoView({ block: "center" });
  document.getElementById("article-text").dataset.focused = rec;
}

function recordList(title, id, items, render) {
  if (!items.length) return null;
  return h("section", { id }, h("h3", {}, `${title} (${items.length})`), h("ul", { class: "plain" },
    items.map((item, i) => h("li", { dataset: { rec: `${id}-${i}` }, onclick: () => focus(`${id}-${i}`) }, render(item)))));
}

function eventRecord(e) {
  return [h("span", { class: `tag ${e.goldstein > 0 ? "pos" : e.goldstein < 0 ? "neg" : ""}` }, e.type, " ", e.cameo),
    e.negated ? h("span", { class: "tag neg" }, "negated") : null,
    e.modality && e.modality !== "asserted" ? h("span", { class: "tag" }, e.modality) : null,
    actorLink(e.actor1 && e.actor1.country), " → ", actorLink(e.actor2 && e.actor2.country), " ",
    h("span", { class: "muted" }, `${(e.actor1 && e.actor1.name) || "?"} → ${(e.actor2 && e.actor2.name) || "?"}; Goldstein ${fmt(e.goldstein)}`),
    h("button", { type: "button", class: "evidence-button" }, "evidence")];
}

function records(a) {
  return h("aside", { class: "panel records" },
    h("div", { class: "legend" }, h("span", { class: "seg ent" }, "entity"), h("span", { class: "seg quote" }, "quote"),
      h("span", { class: "seg amount" }, "amount"), h("span", { class: "seg date" }, "date"), h("span", { class: "seg event" }, "event evidence"),
      h("span", { class: "seg focus trigger" }, "trigger"), h("span", { class: "seg focus side1" }, "actor 1"),
      h("span", { class: "seg focus side2" }, "actor 2")),
    recordList("Events", "event", a.events, eventRecord),
    recordList("Quotes", "quote", a.quotes, (q) => [h("b", {}, (q.speaker && (q.speaker.name || q.speaker)) || "unknown"), ": ", q.text]),
    recordList("Amounts", "amount", a.amounts, (m) => [h("b", {}, m.text), ` = ${fmt(m.value)} ${m.unit}`, m.refers_to ? ` (${m.refers_to})` : "",
      // its evidence is the headline, quoted: the body does not state it
      m.in_title ? [" ", h("span", { class: "tag", title: "stated in the headline only" }, "headline"), " ",
        h("q", { class: "muted headline-evidence" }, a.title || "")] : null]),
    recordList("Dates", "date", a.dates, (d) => [h("b", {}, d.text), ` → ${d.value || "?"}`]),
    recordList("Entities", "ent", a.entities, (e) => [h("b", {}, e.name), ` ${e.type}`, e.iso3 ? ` · ${e.iso3}` : "", ` · ${e.mentions.length}×`]),
    a.entities.length + a.quotes.length + a.amounts.length + a.events.length === 0
      ? h("p", { class: "muted" }, "No records extracted from this article yet.") : null);
}

export async function articlePage(id, ev) {
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  show(
    a.title ? highlighted(a.title, titleSpansOf(a), h("h1", { id: "article-title" })) : h("h1", { id: "article-title" }, "(untitled)"),
    h("p", { class: "muted" }, [a.published || "undated", a.language, a.sitename, a.author].filter(Boolean).join(" · "), " ",
      a.url && /^https?:\/\//.test(a.url) ? link(a.url, "original") : null),
    h("div", { class: "article-layout" }, h("section", { class: "panel" }, highlighted(a.text, spansOf(a))), records(a)),
  );
  if (ev !== null && ev !== undefined && a.events[Number(ev)]) focus(`event-${Number(ev)}`);
}
