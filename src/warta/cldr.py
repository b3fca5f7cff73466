"""Country names from CLDR (via Babel) in the languages warta reads, kept with warta's compiled
tables (`warta.compiled`): loading Babel's locale data takes a tenth of a second, and a process
needs only these names.
"""
from __future__ import annotations

from functools import cache

from .compiled import compiled, package_key
from .lang.folders import available_languages


@cache
def territory_names() -> tuple[str, ...]:
    """The names of countries and territories in every language warta reads (none without Babel)."""
    return compiled("cldr-territories", [package_key("babel"), *available_languages()], _read_territories)


def _read_territories() -> tuple[str, ...]:
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # Babel is a dependency; this keeps warta alive without it
        return ()
    names: list[str] = []
    for code in available_languages():
        try:
            names.extend(Locale.parse(code).territories.values())
        except (UnknownLocaleError, ValueError):  # a language CLDR does not know
            continue
    return tuple(names)
