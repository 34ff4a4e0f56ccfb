"""Lesson links: the student's setup in `?setup=...`, applied once when a link is opened.

A hostile or broken link never shows an error page: the defaults stay and a notice says why.
"""

from __future__ import annotations

import streamlit as st

from engine import ModelSpec, PlaygroundError
from engine.links import decode_setup, encode_setup
from ui.language import current_language, error_text, t
from ui.lazy import popover_when_open
from ui.model.editor import load_spec
from ui.model.state import current_spec, set_spec
from ui.teacher.lesson import Lesson, current_lesson, set_lesson

APPLIED_KEY = "link_applied"
NOTICE_KEY = "link_notice"


def current_setup(lesson: Lesson | None = None) -> dict:
    """Everything a link reproduces, as JSON-ready data (the session's lesson unless one is given)."""
    lesson = current_lesson() if lesson is None else lesson
    setup = {"model": current_spec().to_dict()}
    if lesson.text or lesson.hidden or lesson.locks:
        setup["lesson"] = lesson.to_dict()
    return setup


def share_url(page_path: str | None = None, lesson: Lesson | None = None, lang: str | None = None) -> str:
    """A link to `page_path` (default: this page) with the language and the whole setup."""
    here = (st.context.url or "").split("?")[0]
    base = here if page_path is None else here.rsplit("/", 1)[0] + "/" + page_path
    setup = encode_setup(current_setup(lesson))
    return f"{base}?lang={lang or current_language()}&setup={setup}"


def apply_link() -> None:
    """Apply `?setup=` the first time this session sees that value; on failure keep the defaults."""
    text = st.query_params.get("setup")
    if not text or st.session_state.get(APPLIED_KEY) == text:
        return
    st.session_state[APPLIED_KEY] = text
    apply_setup(text)


def apply_setup(text: str) -> None:
    """Make a link's (or a class's pushed) setup this session's: model and lesson; on failure a notice says why."""
    try:
        data = decode_setup(text)
        if "model" in data:
            spec = ModelSpec.from_dict(data["model"])
            set_spec(spec)
            load_spec(spec)
        set_lesson(Lesson.from_dict(data.get("lesson")))
        st.session_state.pop(NOTICE_KEY, None)
    except PlaygroundError as error:
        st.session_state[NOTICE_KEY] = error


def render_share() -> None:
    """Sidebar: a popover with the link to this setup, and the notice of a link that failed."""
    if NOTICE_KEY in st.session_state:
        reason = error_text(st.session_state[NOTICE_KEY])
        st.warning(t("links.fallback", reason=reason), icon=":material/link_off:")
    popover_when_open(t("links.share"), _draw_share, key="share_open", icon=":material/share:", width="stretch")


def _draw_share() -> None:
    st.caption(t("links.share_help"))
    st.code(share_url(), language="text", wrap_lines=True)
