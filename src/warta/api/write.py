"""Write endpoint: POST /api/articles, guarded by the API token.

The token is checked as a route dependency, so a request without it is refused before its body
is even parsed; with no token configured every write is refused (403).
"""
from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, Field

from ..model import Article
from ..published import normalize_published
from ..store.rows import article_id

router = APIRouter()


class NewArticle(BaseModel):
    """Either a page or text for warta to read (`html` or `text`, with `url`), or an article warta
    already extracted (`article`: warta's article JSON)."""

    url: str | None = None
    html: str | None = None
    text: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="as the site wrote it; stored as ISO 8601",
                                  examples=["Kamis, 12 Jun 2025 13:07 WIB", "2025-06-12T13:07:00+07:00"])
    author: str | None = None
    outlet: str | None = None
    article: dict[str, Any] | None = Field(default=None, description="warta article JSON, stored as is")


def require_token(request: Request, authorization: str | None = Header(default=None),
                  x_api_token: str | None = Header(default=None)) -> None:
    """403 when the server has no token (writes are off), 401 unless the request carries the token."""
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with WARTA_API_TOKEN set")
    given = (x_api_token or _bearer(authorization)).strip()
    # compare_digest takes as long whatever the first wrong character, so timing cannot guess the token.
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "writes need the API token (Authorization: Bearer …)",
                            headers={"WWW-Authenticate": "Bearer"})


def _bearer(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer <token>` header ("" for any other scheme)."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    return token if scheme.lower() == "bearer" else ""


@router.post("/articles", status_code=201, summary="Add an article (needs the API token)",
             dependencies=[Depends(require_token)])
def add_article(request: Request, body: NewArticle) -> dict[str, Any]:
    if body.article is not None:
        article = Article.from_dict(body.article)
        article = article.replace(published=normalize_published(article.published, [article.language]))
    elif body.html or body.text:
        import warta

        metadata = {"title": body.title, "published": body.published, "author": body.author, "sitename": body.outlet}
        article = warta.extract(body.html or body.text or "", url=body.url, source=body.url or "<api>", metadata=metadata)
    else:
        raise HTTPException(422, "give html, text or article")
    status = request.app.state.store.ingest(article)
    return {"id": article_id(article), "status": status}
