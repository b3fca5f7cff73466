// Full-text search (English and Indonesian stems), with cross-lingual search when embeddings exist.
import { api, articleLink, h, show, snippet } from "../dom.js";

export async function searchPage(q, semantic) {
  const input = h("input", { name: "q", value: q, placeholder: "e.g. perjanjian dagang, sanctions", size: 40 });
  const across = h("input", { type: "checkbox", name: "semantic", checked: semantic ? "checked" : null });
  const form = h("form", { class: "toolbar", onsubmit: (e) => {
    e.preventDefault();
    window.location.hash = `#/search?q=${encodeURIComponent(input.value)}${across.checked ? "&semantic=1" : ""}`;
  } }, input, h("label", {}, across, " across languages (embeddings)"), h("button", { type: "submit" }, "Search"));
  if (!q) {
    show(h("h1", {}, "Search"), form);
    return;
  }
  const hits = await api("/api/search", { q, limit: 50, semantic: semantic ? "true" : "" });
  show(h("h1", {}, `Search: ${q}`), form,
    h("p", { class: "muted" }, `${hits.length} article${hits.length === 1 ? "" : "s"}`),
    h("ul", { class: "plain", id: "search-results" }, hits.map((hit) => h("li", {},
      h("span", { class: "tag" }, hit.language || "?"), h("span", { class: "muted" }, hit.day || "", " "),
      articleLink(hit.id, hit.title), h("div", {}, snippet(hit.snippet))))));
}
