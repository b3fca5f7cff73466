"""The FastAPI application: routes, error handling, docs from local files, the dashboard."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import ConfigError, WartaError
from ..store import open_store
from .read import router as read_router
from .write import router as write_router

STATIC = Path(__file__).resolve().parent.parent / "dashboard" / "static"
# The dashboard loads only its own files; article text can never bring in a script or a request.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def create_app(*, db: str | None = None, token: str | None = None, store: Any = None) -> FastAPI:
    """The app serving the store at `db` (or an already open `store`); `token` guards writes."""
    app = FastAPI(title="warta", version=__version__, docs_url=None, redoc_url=None,
                  description="Cited, structured knowledge from Indonesian and English news: articles, "
                              "events (PLOVER/CAMEO), quotes, amounts and entities, with character offsets.")
    app.state.store = store if store is not None else open_store(db)
    app.state.token = token or ""
    app.include_router(read_router, prefix="/api")
    app.include_router(write_router, prefix="/api")
    _add_errors(app)
    _add_pages(app)
    return app


def _add_errors(app: FastAPI) -> None:
    @app.exception_handler(WartaError)
    async def warta_error(request: Request, error: WartaError) -> JSONResponse:
        status = 400 if isinstance(error, ConfigError) else 500
        return JSONResponse({"error": error.reason, "detail": str(error)}, status_code=status)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not request.url.path.startswith("/docs"):  # Swagger UI's page starts itself with an inline script
            response.headers.setdefault("Content-Security-Policy", _CSP)
        return response


def _add_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="warta API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")
