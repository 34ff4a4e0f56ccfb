"""A student's side of a class: joining with the class code and a nickname, and following pushed lessons."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from engine import PlaygroundError
from i18n import catalog
from store.classes import MAX_NICKNAME, class_lesson, join_class, leaderboard
from ui.language import error_text, t
from ui.lazy import KEEP_IN_SESSION, popover_when_open
from ui.links import apply_setup
from ui.pages import PAGES
from ui.saving.identity import current_token

CLASS_KEY = "store_class"  # (code, nickname) once joined (restored from the store on a new session)
SEEN_KEY = "store_lesson_seen"  # the pushed lesson's version this session has applied
OPEN_KEY = "class_join_open"  # whether the sidebar's class popover is open (ui/lazy.py)
FOLLOW_SECONDS = 5.0  # how often a student's session looks for a newly pushed lesson


@st.cache_data(ttl=FOLLOW_SECONDS, show_spinner=False)
def _lesson(code: str) -> tuple[int, dict | None]:
    # One read per class per few seconds per server, however many students rerun.
    return class_lesson(code)


def follow_class() -> None:
    """Apply a lesson the teacher pushed since this session last looked (its model, text, page)."""
    joined = st.session_state.get(CLASS_KEY)
    if joined is None:
        return
    try:
        version, lesson = _lesson(joined[0])
    except (SQLAlchemyError, OSError):
        return  # saving's own notice says the database is away
    seen = st.session_state.setdefault(SEEN_KEY, version)  # joining does not replay an old lesson
    if lesson is None or version <= seen:
        return
    st.session_state[SEEN_KEY] = version
    apply_setup(lesson.get("setup", ""))
    page = next((p.path for p in PAGES if p.path == lesson.get("page")), None)
    if page is not None:
        st.switch_page(page)


def _join() -> None:
    state = st.session_state
    try:
        code = join_class(current_token(), state.get("class_join_code", ""), state.get("class_join_name", ""))
    except PlaygroundError as error:
        state["class_join_error"] = error_text(error)
        return
    except (SQLAlchemyError, OSError):
        state["class_join_error"] = t("store.paused")
        return
    state[CLASS_KEY] = (code, " ".join(state["class_join_name"].split()))
    state.pop(SEEN_KEY, None)  # the next look takes the class's current lesson as seen


def render_class_join() -> None:
    """Sidebar: join a class (code and nickname), or the class joined and its leaderboard."""
    joined = st.session_state.get(CLASS_KEY)
    label = t("class.join") if joined is None else t("class.joined", code=joined[0], nickname=joined[1])
    popover_when_open(label, _draw_join if joined is None else lambda: _draw_leaderboard(joined[0]),
                      key=OPEN_KEY, icon=":material/groups:", width="stretch")


def _draw_join() -> None:
    st.text_input(t("class.code"), key="class_join_code", max_chars=8, placeholder="ABC234",
                  persist_state=KEEP_IN_SESSION)
    st.text_input(t("class.nickname"), key="class_join_name", max_chars=MAX_NICKNAME, help=t("class.nickname_help"),
                  persist_state=KEEP_IN_SESSION)
    st.button(t("class.join_button"), key="class_join_go", on_click=_join, icon=":material/login:")
    if "class_join_error" in st.session_state:
        st.error(st.session_state.pop("class_join_error"), icon=":material/error:")


def _draw_leaderboard(code: str) -> None:
    try:
        boards = leaderboard(code)
    except (SQLAlchemyError, OSError):
        boards = {}
    st.caption(t("class.leaderboard"))
    for dataset, board in boards.items():
        title = t(f"dataset.{dataset}") if f"dataset.{dataset}" in catalog() else dataset
        st.markdown(f"**{title}**  \n" + "  \n".join(
            f"{rank}. {nickname} · {accuracy:.1f}%" for rank, (nickname, accuracy) in enumerate(board[:5], 1)))
