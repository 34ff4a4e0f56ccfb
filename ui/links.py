"""Lesson links: the student's setup in `?setup=...`, applied once when a link is opened.

A hostile or broken link never shows an error page: the defaults stay and a notice says why.
"""

from __future__ import annotations

import streamlit as st

from engine import ModelSpec, PlaygroundError
from engine.links import decode_setup, encode_setup
from ui.i18n import current_language, error_text, t
from ui.model_editor import load_spec
from ui.model_state import current_spec, set_spec

APPLIED_KEY = "link_applied"
NOTICE_KEY = "link_notice"


def current_setup() -> dict:
    """Everything a link reproduces, as JSON-ready data."""
    return {"model": current_spec().to_dict()}


def share_url() -> str:
    """This page's URL with the language and the whole setup in its query string."""
    base = (st.context.url or "").split("?")[0]
    return f"{base}?lang={current_language()}&setup={encode_setup(current_setup())}"


def apply_link() -> None:
    """Apply `?setup=` the first time this session sees that value; on failure keep the defaults."""
    text = st.query_params.get("setup")
    if not text or st.session_state.get(APPLIED_KEY) == text:
        return
    st.session_state[APPLIED_KEY] = text
    try:
        data = decode_setup(text)
        if "model" in data:
            spec = ModelSpec.from_dict(data["model"])
            set_spec(spec)
            load_spec(spec)
        st.session_state.pop(NOTICE_KEY, None)
    except PlaygroundError as error:
        st.session_state[NOTICE_KEY] = error


def render_share() -> None:
    """Sidebar: a popover with the link to this setup, and the notice of a link that failed."""
    if NOTICE_KEY in st.session_state:
        reason = error_text(st.session_state[NOTICE_KEY])
        st.warning(t("links.fallback", reason=reason), icon=":material/link_off:")
    with st.popover(t("links.share"), icon=":material/share:", width="stretch"):
        st.caption(t("links.share_help"))
        st.code(share_url(), language="text", wrap_lines=True)
