"""Opening input files safely: only regular files (or links to them), their size checked first.

Opened without blocking and checked on the open descriptor, so a FIFO cannot hang a reader, a link
to /dev/zero is never read, and a file swapped after a check is checked itself.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

from ..errors import InputError


def open_regular(path: str, name: str, *, max_bytes: int | None) -> BinaryIO:
    """Open `path` for reading if it is (or links to) a regular file of at most `max_bytes`.

    `name` is how errors name it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror or error})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise InputError(name, "not a regular file (a device, FIFO or socket is never read)")
    if max_bytes is not None and info.st_size > max_bytes:
        os.close(fd)
        raise InputError(name, f"larger than {max_bytes} bytes")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_regular(path: str, *, max_bytes: int) -> bytes | None:
    """The bytes of a small side file (a sidecar, an index), or None when it is missing, not a
    regular file or larger than `max_bytes`."""
    try:
        with open_regular(path, path, max_bytes=max_bytes) as handle:
            data = handle.read(max_bytes + 1)
    except (InputError, OSError):
        return None
    return data if len(data) <= max_bytes else None
