"""The FastAPI application: routes, error handling, docs from local files, the dashboard."""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders

from .. import __version__
from ..gcpolicy import for_serving
from ..settings import load_settings
from ..store import open_store
from .cache import CachedResponses
from .direct import direct_routes
from .extractor import Extractor
from .guards import RequestLimits
from .problems import add_problem_handlers, problem
from .read import router as read_router
from .search import router as search_router
from .write import router as write_router

STATIC = Path(__file__).resolve().parent.parent / "dashboard" / "static"
# The dashboard loads only its own files; article text can never bring in a script or a request.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Sent with every response, API and pages alike (a JSON body opened in a tab is a page too).
_HEADERS = {"Content-Security-Policy": _CSP, "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
            "Referrer-Policy": "no-referrer", "Cross-Origin-Opener-Policy": "same-origin"}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def create_app(*, db: str | None = None, token: str | None = None, store: Any = None,
               hosts: Iterable[str] | None = None, settings: dict[str, Any] | None = None,
               answers: str | None = None) -> FastAPI:
    """The app serving the store at `db` (or an already open `store`); `token` guards writes;
    `hosts` are the Host names it answers to (any when None: `warta serve` gives them); `answers`
    names the file where the server processes of one `warta serve --workers N` share their
    answers (api/shared.py)."""
    app = FastAPI(title="warta", version=__version__, docs_url=None, redoc_url=None,
                  description="Cited, structured knowledge from Indonesian and English news: articles, "
                              "events (PLOVER/CAMEO), quotes, amounts and entities, with character offsets.")
    app.state.store = store if store is not None else open_store(db)
    app.state.token = token or ""
    app.state.shared_answers = answers
    app.include_router(read_router, prefix="/api")
    app.include_router(write_router, prefix="/api")
    # The plain cached reads, answered without FastAPI's per-request machinery (direct.py).
    app.state.direct_routes = direct_routes([*search_router.routes, *read_router.routes], "/api")
    app.add_middleware(CachedResponses)  # innermost: after the guards below
    add_problem_handlers(app)
    settings = settings or load_settings()
    app.state.extractor = Extractor(settings)  # POSTed pages are read in a worker process, under the limits
    app.router.on_shutdown.append(app.state.extractor.close)
    _add_guards(app, hosts, settings)
    _add_pages(app)
    return app


def served() -> FastAPI:
    """The app of one worker process of `warta serve --workers N`, built from what the command
    was given (WARTA_SERVE_DB, WARTA_SERVE_HOST, WARTA_SERVE_ANSWERS) and the settings, warmed as
    the command warms its own."""
    import os

    from .guards import trusted_hosts

    settings = load_settings()
    app = create_app(db=os.environ.get("WARTA_SERVE_DB") or None, token=settings["api_token"], settings=settings,
                     hosts=trusted_hosts(os.environ.get("WARTA_SERVE_HOST", "127.0.0.1"), settings["allowed_hosts"]),
                     answers=os.environ.get("WARTA_SERVE_ANSWERS") or None)
    warm(app)
    share_the_lock()
    return app


# How long a thread may hold the interpreter lock while another waits for it (Python's default:
# 5 ms). A server thread gives the lock up for every row SQLite steps to and every store query
# the event loop makes (the data version of each request), then waits for it again behind the
# threads computing answers: up to 5 ms a time. At 0.5 ms, a load test of 100,000 articles
# answered 40% more requests a second, with lower latencies in every group.
SWITCH_INTERVAL = 0.0005


def share_the_lock() -> None:
    """Set this process's interpreter-lock switch interval for serving (SWITCH_INTERVAL)."""
    import sys

    sys.setswitchinterval(SWITCH_INTERVAL)


def warm(app: FastAPI) -> None:
    """Load what the read endpoints read besides the store — the knowledge base (country codes,
    places and their coordinates), the Indonesian stemmer, the type lists — and open a read
    connection, before the server listens: the first requests would otherwise wait for it
    (0.3-0.9 s each for the first stats, search, actor and places requests). Then what is loaded
    is frozen out of the garbage collector's walks, which become rarer (warta.gcpolicy)."""
    from ..store.places import coordinates, locate
    from ..store.search_query import parse
    from ..store.stem import stem_word
    from ..store.totals import is_country_code
    from . import params

    params.countries()
    params.plover_types()
    is_country_code("IDN")
    locate("Jakarta", iso3="IDN", geonames=1642911)
    coordinates("Jakarta", "IDN")
    stem_word("pertahanan")
    parse("kerja sama")
    store = app.state.store
    if hasattr(store, "data_version"):
        store.data_version()
    for_serving()  # what was loaded frozen, collections rarer (see warta.gcpolicy)


def _add_guards(app: FastAPI, hosts: Iterable[str] | None, settings: dict[str, Any]) -> None:
    """Refuse NUL characters in URLs; add the security headers (middleware added last runs first).
    Both are plain ASGI middleware: `@app.middleware("http")` costs about half a millisecond of CPU
    a request, three times what serving a cached API answer costs."""
    app.add_middleware(RefuseNul)
    app.add_middleware(RequestLimits, max_body=settings["api_max_body_bytes"], max_url=settings["api_max_url_bytes"],
                       hosts=hosts)  # before anything reads the body
    app.add_middleware(SecurityHeaders)


class RefuseNul:
    """400 for a URL with a NUL character in its path or a query value.

    SQLite ends a string at a NUL (a LIKE pattern "%\0…" matches everything) and PostgreSQL
    refuses one outright: no query needs it, so it never reaches the store."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            query = scope.get("query_string", b"").decode("latin-1")
            values = [scope.get("path", ""), *(v for _, v in parse_qsl(query, keep_blank_values=True))]
            if any("\x00" in value for value in values):
                response = problem(400, "NUL characters are not allowed in URLs")
                return await response(scope, receive, send)
        await self.app(scope, receive, send)


class SecurityHeaders:
    """The security headers on every HTTP response that does not set its own."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)  # a page may set a stricter or hashed CSP itself
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _add_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(openapi_url="/openapi.json", title="warta API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")
        page.headers["Content-Security-Policy"] = _hashed_csp(bytes(page.body).decode())
        return page


def _hashed_csp(html: str) -> str:
    """The CSP with the page's own inline scripts allowed by their SHA-256 (Swagger UI starts itself
    with one), so no other inline script can run."""
    hashes = [base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in _INLINE_SCRIPT.findall(html)]
    allowed = " ".join(f"'sha256-{h}'" for h in hashes)
    return _CSP.replace("script-src 'self'", f"script-src 'self' {allowed}".rstrip())
