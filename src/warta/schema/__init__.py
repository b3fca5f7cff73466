"""The versioned JSON Schema of the article JSON that `warta extract --format json` prints."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..model import SCHEMA_VERSION


@cache
def _load(version: str) -> str:
    path = resources.files(__name__) / f"article-{version}.schema.json"
    return path.read_text(encoding="utf-8")


def article_schema(version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of one article, as a fresh dict."""
    return json.loads(_load(version))
