"""Pages that fit a tablet held upright: the sidebar folds away there (ui/tablet.js)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

_JS = Path(__file__).parent / "tablet.js"
TABLET_WIDTH = 1024  # below this many CSS pixels the sidebar starts folded


@cache
def _component():
    return st.components.v2.component("torch_playground_tablet", html="<span></span>",
                                      js=_JS.read_text(encoding="utf-8"))


def fold_sidebar_on_tablets() -> None:
    """Mount the tiny script that folds the sidebar once on narrow screens; it draws nothing."""
    with st.sidebar:
        _component()(key="tablet_fold", data={"width": TABLET_WIDTH}, height="content")
