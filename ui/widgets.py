"""Streamlit widgets that speak the student's language all the way through.

Streamlit writes a few texts of its own in English (the uploader's "Upload" and "20MB per file", a
text box's "Press Enter to apply") and keeps an out-of-range number in its box with an English,
hover-only error. These wrappers give the same widgets in Korean too, and put a number that is out of
range back inside it with a message that says so.
"""

from __future__ import annotations

import streamlit as st

from ui.language import current_language, t

_CLAMPED = "{key}__clamped"  # session key: (what the student typed, what was used instead)


def _clamp(key: str, low: float, high: float, then=None, args: tuple = ()) -> None:
    value = st.session_state[key]
    used = low if value is None else min(max(value, low), high)
    if used != value:
        st.session_state[key] = used
        st.session_state[_CLAMPED.format(key=key)] = (value, used)
    else:
        st.session_state.pop(_CLAMPED.format(key=key), None)
    if then is not None:
        then(*args)


def number_box(label: str, low: float, high: float, value: float | None = None, *, key: str, container=st,
               step: float | None = None, on_change=None, args: tuple = (), **kwargs) -> float:
    """`st.number_input` between `low` and `high`: a number typed outside is replaced by the nearest allowed one.

    Streamlit's own bounds would keep the bad value in the box with an English hover message; here the box
    has no bounds of its own, `_clamp` puts the value back in range, and a caption in the student's
    language says what was typed and what is used. `value` is the first value (default `low`), used only
    while Session State holds none. Integer bounds give an integer box. `on_change(*args)` runs after the clamp.
    """
    integer = isinstance(low, int) and isinstance(high, int) and not isinstance(step, float)
    if key not in st.session_state:
        start = low if value is None else value
        st.session_state[key] = int(start) if integer else float(start)
    chosen = container.number_input(label, step=step if step is not None else (1 if integer else None), key=key,
                                    on_change=_clamp, args=(key, low, high, on_change, args), **kwargs)
    clamped = st.session_state.get(_CLAMPED.format(key=key))
    if clamped is not None:
        typed, used = clamped
        container.caption(t("widgets.clamped", typed="—" if typed is None else f"{typed:,g}", low=f"{low:,g}",
                             high=f"{high:,g}", used=f"{used:,g}"))
    return chosen


def uploader(label: str, types: list[str], *, key: str, **kwargs):
    """`st.file_uploader` whose button and size line are in the student's language too."""
    if current_language() != "en":
        limit = kwargs.get("max_upload_size") or st.get_option("server.maxUploadSize")
        kinds = ", ".join(kind.upper() for kind in types)
        line = t("widgets.upload_limit", mb=limit) + (f" • {kinds}" if kinds else "")
        scope = f".st-key-{key}"
        st.html(f"<style>{scope} [data-testid='stFileUploaderDropzone'] button p {{font-size: 0}}"
                f"{scope} [data-testid='stFileUploaderDropzone'] button p::after {{content: '{t('widgets.upload')}';"
                f" font-size: 0.875rem}}"
                f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span {{font-size: 0}}"
                f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span::after {{content: '{line}';"
                " font-size: 0.875rem}</style>")
    return st.file_uploader(label, type=types, key=key, **kwargs)


def render_language_chrome() -> None:
    """Streamlit's own hint under a text box ("Press Enter to apply"), in the session's language."""
    if current_language() != "en":
        st.html("<style>[data-testid='InputInstructions'] span:first-child {font-size: 0}"
                "[data-testid='InputInstructions'] span:first-child::after "
                f"{{content: '{t('widgets.press_enter')}'; font-size: 0.75rem}}</style>")
