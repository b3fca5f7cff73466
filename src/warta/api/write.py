"""Write endpoint: POST /api/articles, guarded by the API token.

The token is checked as a route dependency, so a request without it is refused before its body
is even parsed; with no token configured every write is refused (403).
"""
from __future__ import annotations

import hmac
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, Field

from ..model import Article
from ..read.published import normalize_published
from .problems import WRITE_RESPONSES
from .schemas import Created
from ..store.rows import article_id

router = APIRouter()


class NewArticle(BaseModel):
    """Either a page or text for warta to read (`html` or `text`, with `url`), or an article warta
    already extracted (`article`: warta's article JSON). `title`, `published`, `author` and
    `outlet`, when given, are kept (over what warta reads in the page)."""

    url: str | None = Field(default=None, max_length=4000)
    html: str | None = None
    text: str | None = None
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, max_length=200, description="as the site wrote it; stored as ISO 8601",
                                  examples=["Kamis, 12 Jun 2025 13:07 WIB", "2025-06-12T13:07:00+07:00"])
    author: str | None = Field(default=None, max_length=1000)
    outlet: str | None = Field(default=None, max_length=1000, description="the site's name (stored as sitename)")
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
             dependencies=[Depends(require_token)], response_model=Created, responses=WRITE_RESPONSES)
def add_article(request: Request, body: NewArticle) -> dict[str, Any]:
    if body.article is not None:
        article = _given(body.article)
    elif body.html or body.text:
        article = _read(request, body)
    else:
        raise HTTPException(422, "give html, text or article")
    status = request.app.state.store.ingest(article)  # a value the store refuses: 422 (store-refused)
    return {"id": article_id(article), "status": status}


def _given(data: dict[str, Any]) -> Article:
    """An article given as warta's article JSON; 422 when it is not one."""
    try:
        article = Article.from_dict(data)
        article_id(article)  # the key (url or source) must be text
        return article.replace(published=normalize_published(article.published, [article.language]))
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise HTTPException(422, f"article: not warta's article JSON ({str(error)[:200]})") from None


def _read(request: Request, body: NewArticle) -> Article:
    """Run the pipeline on the page or text (in the extraction worker, under the per-document time
    and memory limits: see api/extractor.py), keeping the metadata the client gave: a page's own
    metadata wins in extraction, the client's word wins here."""
    metadata = {"title": body.title, "published": body.published, "author": body.author, "sitename": body.outlet}
    article = request.app.state.extractor.extract(body.html or body.text or "", url=body.url,
                                                  source=body.url or "<api>", metadata=metadata)
    given = {k: v for k, v in metadata.items() if k != "published" and v}
    if body.published:
        given["published"] = normalize_published(body.published, [article.language]) or article.published
    return replace(article, **given)
