"""Secrets never printed or served: passwords in store URLs are masked wherever a URL is shown.

`redact(url)` masks the password of one URL (`postgresql://user:***@host/db`), and also the
`password=` of a libpq key/value string; `mask_secrets(text)` masks every such URL or key inside a
message (a driver's error may quote the connection string it was given).
"""
from __future__ import annotations

import re

MASK = "***"
# scheme://user:password@host: the password runs to the last "@" before the host.
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@]*:)(?P<secret>[^\s]*)(?=@[^\s@]*)")
_KEY_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<secret>'(?:[^'\\]|\\.)*'|[^\s&]+)", re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"(?P<head>[?&]password=)(?P<secret>[^&\s]*)", re.IGNORECASE)


def redact(url: str) -> str:
    """`url` with its password (in the authority or as a `password=` parameter) replaced by ***."""
    return mask_secrets(url)


def mask_secrets(text: str) -> str:
    """`text` with every URL password and `password=` value in it replaced by ***."""
    text = _URL_PASSWORD.sub(lambda m: m.group("head") + MASK, text)
    text = _QUERY_PASSWORD.sub(lambda m: m.group("head") + MASK, text)
    return _KEY_PASSWORD.sub(lambda m: m.group("head") + MASK, text)
