// warta's dashboard: a hash router over the page modules. Plain ES modules, no build step.
import { disposeAll } from "./charts.js";
import { errorBox, show } from "./dom.js";
import { actorPage } from "./pages/actor.js";
import { articlePage } from "./pages/article.js";
import { dyadPage } from "./pages/dyad.js";
import { mapPage, networkPage } from "./pages/network.js";
import { overviewPage } from "./pages/overview.js";
import { searchPage } from "./pages/search.js";

const routes = [
  [/^#?\/?$/, () => overviewPage()],
  [/^#\/dyad\/([^/]+)\/([^/?]+)/, (m, query) => dyadPage(decodeURIComponent(m[1]), decodeURIComponent(m[2]), query)],
  [/^#\/actor\/([^/?]+)/, (m, query) => actorPage(decodeURIComponent(m[1]), query)],
  [/^#\/article\/([^/?]+)/, (m, query) => articlePage(decodeURIComponent(m[1]), query.get("ev"))],
  [/^#\/network/, () => networkPage()],
  [/^#\/map/, (m, query) => mapPage(query.get("place"))],
  [/^#\/search/, (m, query) => searchPage(query.get("q") || "", query.get("semantic") === "1", Number(query.get("offset")) || 0)],
];

async function render() {
  const hash = window.location.hash || "#/";
  const query = new URLSearchParams(hash.includes("?") ? hash.slice(hash.indexOf("?") + 1) : "");
  disposeAll();
  for (const [pattern, page] of routes) {
    const match = hash.match(pattern);
    if (match) {
      try {
        await page(match, query);
      } catch (error) {
        show(errorBox(error));
      }
      document.body.dataset.page = hash.split(/[/?]/)[1] || "overview";
      document.body.dataset.ready = hash;
      return;
    }
  }
  show(errorBox(new Error("no such page")));
}

// One page is drawn at a time: a hash change during a render waits, then the latest hash is drawn.
// Two renders at once would draw charts into the elements of a page already replaced.
let rendering = false;
let again = false;
async function route() {
  if (rendering) { again = true; return; }
  rendering = true;
  try {
    do { again = false; await render(); } while (again);
  } finally {
    rendering = false;  // a render that threw must not stop the router
  }
}

document.getElementById("quick-search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = new FormData(event.target).get("q");
  window.location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener("hashchange", route);
route();
