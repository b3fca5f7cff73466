"""Write endpoint: POST /api/articles, guarded by the API token."""
from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel, Field

from ..model import Article
from ..store.rows import article_id

router = APIRouter()


class NewArticle(BaseModel):
    """Either a page or text for warta to read (`html` or `text`, with `url`), or an article warta
    already extracted (`article`: warta's article JSON)."""

    url: str | None = None
    html: str | None = None
    text: str | None = None
    article: dict[str, Any] | None = Field(default=None, description="warta article JSON, stored as is")


def _authorise(request: Request, authorization: str | None, x_api_token: str | None) -> None:
    expected = request.app.state.token
    given = x_api_token or (authorization or "").removeprefix("Bearer ").strip()
    if not expected or not given or not hmac.compare_digest(given.encode(), expected.encode()):
        detail = "writes need an API token (Authorization: Bearer …)" if expected else \
            "writes are disabled: start the server with WARTA_API_TOKEN set"
        raise HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", status_code=201, summary="Add an article (needs the API token)")
def add_article(request: Request, body: NewArticle, authorization: str | None = Header(default=None),
                x_api_token: str | None = Header(default=None)) -> dict[str, Any]:
    _authorise(request, authorization, x_api_token)
    if body.article is not None:
        article = Article.from_dict(body.article)
    elif body.html or body.text:
        import warta

        article = warta.extract(body.html or body.text or "", url=body.url, source=body.url or "<api>")
    else:
        raise HTTPException(422, "give html, text or article")
    status = request.app.state.store.ingest(article)
    return {"id": article_id(article), "status": status}
