"""The sidebar's part of saving: the resume code, continuing from another computer, and saving's state."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from store.database import enabled
from store.work import token_for_code
from store.writer import writer
from ui.language import t
from ui.lazy import KEEP_IN_SESSION, popover_when_open
from ui.saving.class_join import render_class_join
from ui.saving.identity import TOKEN_KEY, adopt_token, current_token, write_cookie
from ui.saving.session import CODE_KEY, NOTICE_KEY

RESUME_OPEN_KEY = "store_resume_open"  # whether the sidebar's resume popover is open (ui/lazy.py)


def _resume() -> None:
    # A callback: the code's work replaces this session's on the rerun that follows.
    code = st.session_state.get("store_code_input", "")
    try:
        token = token_for_code(code)
    except (SQLAlchemyError, OSError):
        token = None
    if token is None:
        st.session_state["store_code_error"] = True
        return
    for key in list(st.session_state):
        if key != TOKEN_KEY:
            del st.session_state[key]
    adopt_token(token)


def render_saving() -> None:
    """Sidebar: where the work is saved (or that saving is paused) and the code to continue elsewhere."""
    if not enabled():
        return
    write_cookie()
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice is not None:
        st.warning(t(notice), icon=":material/restart_alt:")
    if writer().paused:
        st.warning(t("store.paused"), icon=":material/cloud_off:")
    elif current_token() in writer().over_limit:
        st.warning(t("store.over_limit"), icon=":material/storage:")
    render_class_join()
    popover_when_open(t("store.resume"), _draw_resume, key=RESUME_OPEN_KEY, icon=":material/sync:", width="stretch")


def _draw_resume() -> None:
    code = st.session_state.get(CODE_KEY)
    if code:
        st.markdown(t("store.your_code", code=f"{code[:4]}-{code[4:]}"))
    st.text_input(t("store.enter_code"), key="store_code_input", max_chars=12, placeholder="ABCD-2345",
                  persist_state=KEEP_IN_SESSION)
    st.button(t("store.continue"), key="store_code_go", on_click=_resume, icon=":material/login:")
    if st.session_state.pop("store_code_error", False):
        st.error(t("store.unknown_code"), icon=":material/error:")
