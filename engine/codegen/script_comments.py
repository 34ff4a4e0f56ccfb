"""The comments and step titles of a generated script, looked up in the ko/en catalog.

The texts live in i18n/script_comments.py (keys "script_comment.*"), one (Korean, English) pair each,
like every other visible text.
"""

from __future__ import annotations

from i18n import LANGUAGES, translate


def comment(lang: str, key: str, **values) -> str:
    """The comment `key` in `lang` ("ko" or "en"; anything else falls back to English), filled in."""
    return translate(f"script_comment.{key}", lang if lang in LANGUAGES else "en", **values)
