// Search: every word must match (AND), "a phrase", a OR b, prefix*, -word; ranked, with the matched
// words marked. Search by meaning across languages is offered only when the server has embeddings.
import { api, articleLink, fmt, h, show, snippet } from "../dom.js";

const PAGE = 25;

export async function searchPage(q, semantic, offset = 0) {
  const stats = await api("/api/stats");
  const input = h("input", { name: "q", value: q, placeholder: 'e.g. "perang dagang", sanksi OR embargo, ekspor*', size: 44 });
  const across = stats.semantic_search
    ? h("input", { type: "checkbox", name: "semantic", id: "semantic", checked: semantic ? "checked" : null }) : null;
  const go = (from) => {
    window.location.hash = `#/search?q=${encodeURIComponent(input.value)}${across && across.checked ? "&semantic=1" : ""}${from ? `&offset=${from}` : ""}`;
  };
  const form = h("form", { class: "toolbar", onsubmit: (e) => { e.preventDefault(); go(0); } }, input,
    across ? h("label", {}, across, " by meaning, across languages") : null, h("button", { type: "submit" }, "Search"));
  const help = h("p", { class: "muted small" }, 'All words must match. "quoted words" match as a phrase; OR joins alternatives; ekspor* matches a prefix; -word leaves out.');
  if (!q) {
    show(h("h1", {}, "Search"), form, help);
    return;
  }
  const res = await api("/api/search", { q, limit: PAGE, offset, semantic: semantic && across ? "true" : "" });
  const pager = h("div", { class: "pager" },
    offset > 0 ? h("button", { onclick: () => go(Math.max(0, offset - PAGE)) }, "← previous") : null,
    res.next ? h("button", { id: "search-next", onclick: () => go(offset + PAGE) }, "next →") : null);
  show(h("h1", {}, `Search: ${q}`), form, help,
    h("p", { class: "muted", id: "search-total" }, `${res.total} article${res.total === 1 ? "" : "s"}`,
      res.mode === "semantic" ? " above the relevance cut" : "", res.total ? `, ${offset + 1}–${offset + res.items.length}` : ""),
    h("ul", { class: "plain", id: "search-results" }, res.items.map((hit) => h("li", {},
      h("span", { class: "tag" }, hit.language || "?"), h("span", { class: "muted" }, hit.day || "", " "),
      articleLink(hit.id, hit.title), " ", h("span", { class: "muted small score" }, `score ${fmt(hit.score)}`),
      h("div", {}, snippet(hit.snippet))))), pager);
}
