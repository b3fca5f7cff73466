"""warta: cited, structured knowledge (entities, quotes, amounts, dates, events) from news."""
from __future__ import annotations

__version__ = "0.1.0"

from .model import Article


def extract(html_or_text: str | bytes, *, url: str | None = None, source: str = "<memory>",
            metadata: dict | None = None, **settings) -> Article:
    """Run the default pipeline on one page (HTML) or text and return the `Article`. `metadata`
    may give its title, published date (as the site wrote it), author and sitename (the outlet).

    Raises a `warta.errors.WartaError` when the input holds no article.
    """
    from .model import Document
    from .pipeline import Pipeline
    from .settings import load_settings
    from .read.sources import text_document

    data = html_or_text.encode("utf-8") if isinstance(html_or_text, str) else html_or_text
    head = data.lstrip()[:1000].lower()
    if head.startswith((b"<!doctype", b"<html")) or b"<body" in head or b"<p" in head:
        document = Document(source=source, content=data, kind="html", url=url)
    else:
        document = text_document(source, data.decode("utf-8", errors="replace"), url=url)
    if metadata:
        known = ("title", "published", "author", "sitename")
        document = document.replace(**{k: str(v) for k, v in metadata.items() if k in known and v})
    outcome = Pipeline.build(load_settings(settings)).run(document)
    if outcome.error is not None:
        raise outcome.error
    assert outcome.article is not None
    return outcome.article


def open(db: str | None = None):  # `warta.open(db)` shadows the built-in on purpose, for notebooks
    """Open a store for querying from Python: `warta.open().events(dyad="IDN-RUS").to_pandas()`."""
    from .notebook import open as open_notebook

    return open_notebook(db)


__all__ = ["Article", "__version__", "extract", "open"]
