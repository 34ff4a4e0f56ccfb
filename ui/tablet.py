"""Pages that fit a tablet held upright: the sidebar folds away there (ui/tablet.js)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

_JS = Path(__file__).parent / "tablet.js"
TABLET_WIDTH = 1024  # below this many CSS pixels the sidebar starts folded
_MOUNTED_KEY = "tablet_fold_mounted"


@cache
def _component():
    return st.components.v2.component("torch_playground_tablet", html="<span></span>",
                                      js=_JS.read_text(encoding="utf-8"))


def fold_sidebar_on_tablets() -> None:
    """Mount the tiny script that folds the sidebar once on narrow screens; it draws nothing. Only in a session's
    first run: a tab folds once (its sessionStorage says so), and each later run would send it for nothing. Last in
    the sidebar, so that it leaves no gap above anything when the next run drops it."""
    if st.session_state.get(_MOUNTED_KEY):
        return
    with st.sidebar:
        _component()(key="tablet_fold", data={"width": TABLET_WIDTH}, height="content")
    st.session_state[_MOUNTED_KEY] = True
