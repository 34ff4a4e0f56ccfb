"""Errors a student can cause, each with a stable key so pages can show it in Korean or English.

The engine never imports streamlit, so it does not know the session's language; it raises
`PlaygroundError(key, **params)` and the page shows the catalog's text for "error." + key
(i18n/errors.py holds both languages). `str(error)` is the English message.
"""

from __future__ import annotations

from i18n import translate


class PlaygroundError(ValueError):
    """A problem with what a student asked for, explained in words, never a traceback."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(translate(f"error.{key}", "en", **params))

    def __reduce__(self):
        # Pickles by key and parameters (a run's problem travels back from the process that trained it).
        return _rebuild_error, (self.key, self.params)


def _rebuild_error(key: str, params: dict) -> PlaygroundError:
    return PlaygroundError(key, **params)
