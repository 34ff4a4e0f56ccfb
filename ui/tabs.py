"""Tabs that draw only the open one.

Streamlit's plain tabs draw every tab's content on every run, and the browser only shows one: the
Tensors page's eight and the Model page's seven were most of those pages' cost, paid on every visit
by every student of a class (docs/measurements.md). Here the tabs are a widget (`on_change="rerun"`)
inside a fragment: a visit draws the open tab, and a click on another tab reruns the fragment alone.
The widgets in the tabs keep their values while the student stays on the page (`persist_state="page"`
on each of them), as they did when every tab was drawn.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

KEEP = "page"  # persist_state of a widget in a tab: its value outlives the tab being closed, not the page


def open_tab_only(views: dict[str, Callable[[], None]], *, key: str) -> None:
    """Tabs labelled by `views`' keys; only the open one's view is drawn, and switching tabs reruns only
    this part of the page. `key` names the widget that holds the open tab's label."""
    _open_tab_only(tuple(views), tuple(views.values()), key)


@st.fragment
def _open_tab_only(labels: tuple[str, ...], draws: tuple[Callable[[], None], ...], key: str) -> None:
    for tab, draw in zip(st.tabs(list(labels), key=key, on_change="rerun"), draws):
        if tab.open:
            with tab:
                draw()
