"""Containers that draw only what the student sees: the open tab, a popover's or an expander's content while
it is open.

Streamlit's plain tabs, popovers and expanders draw all their content on every run, and the browser shows
one tab and keeps a closed popover's or folded expander's content hidden: the Tensors page's eight tabs and
the Model page's seven were most of those pages' cost; the sidebar's three popovers (a share link, the
class's leaderboard read from the database, the resume code) were drawn on every run of every page, for
every student of a class; and the take-home download's folded expander built both files and handed them
to Streamlit's media store on every run (docs/measurements.md). Here they are widgets
(`on_change="rerun"`): a run draws the open tab, popover or expander only. Tabs sit in a fragment, so a
click on another tab reruns them alone; opening a popover or an expander reruns the page. Widgets in a
tab keep their values while the student stays on the page (`persist_state=KEEP_ON_PAGE`), as they did
when every tab was drawn; what must outlive the page (the Train page's folded settings, codes typed in a
closed popover) keeps `KEEP_IN_SESSION`.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

# Values for a widget's persist_state: how long its value outlives a run that does not draw it.
KEEP_ON_PAGE = "page"  # while the student stays on the page (a closed tab)
KEEP_IN_SESSION = "session"  # across pages too (folded settings, a closed popover)


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


def popover_when_open(label: str, draw: Callable[[], None], *, key: str, **kwargs) -> None:
    """`st.popover(label, **kwargs)` whose content, `draw()`, is drawn only while it is open; `key` names the
    widget that holds whether it is."""
    with st.popover(label, key=key, on_change="rerun", **kwargs) as box:
        if box.open:
            draw()


def expander_when_open(label: str, draw: Callable[[], None], *, key: str, **kwargs) -> None:
    """`st.expander(label, **kwargs)` whose content, `draw()`, is drawn only while it is open; `key` names the
    widget that holds whether it is."""
    with st.expander(label, key=key, on_change="rerun", **kwargs) as folder:
        if folder.open:
            draw()
