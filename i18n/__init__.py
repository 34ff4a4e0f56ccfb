"""The ko/en string catalog, merged from one module per area in `i18n/` (no streamlit here).

Each module defines `STRINGS = {"area.key": ("한국어", "English"), ...}` and is named after its page
(layers.py for pages/layers.py) or area (errors.py, script_comments.py); one file per page keeps parallel work
from colliding in one giant table. Pure data: engine/ imports it too, so it imports nothing from the app.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

LANGUAGES = ("ko", "en")
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}


@cache
def catalog() -> dict[str, tuple[str, str]]:
    """Every string of every area, keyed by its dotted key."""
    merged: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        strings = importlib.import_module(f"{__name__}.{info.name}").STRINGS
        clashes = merged.keys() & strings.keys()
        if clashes:
            raise KeyError(f"string keys defined twice: {sorted(clashes)}")
        merged.update(strings)
    return merged


def translate(key: str, lang: str, **params) -> str:
    """The string for `key` in `lang` ("ko" or "en"), formatted with `params`."""
    text = catalog()[key][LANGUAGES.index(lang)]
    return text.format(**params) if params else text


def language_from_locale(locale: str | None) -> str:
    """Korean for a `ko` browser locale ("ko", "ko-KR"), English otherwise."""
    return "ko" if (locale or "").lower().split("-")[0] == "ko" else "en"
