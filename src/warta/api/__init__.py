"""warta's REST API and dashboard server (FastAPI; needs `warta[serve]`).

`create_app(db=..., token=...)` builds the app: the JSON API under /api, its OpenAPI schema at
/openapi.json, the docs page at /docs (Swagger UI served from vendored files, no CDN) and the
dashboard at /.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
