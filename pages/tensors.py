"""Tensors: seed 003 section 1, each operation with the code it runs and what that printed."""

import streamlit as st

from ui.language import t
from ui.pages import require_entry
from ui.tensors import (
    render_create,
    render_in_place,
    render_index,
    render_join,
    render_multiply,
    render_numpy_bridge,
)

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py

st.title(t("tensors.title"))
st.caption(t("tensors.intro"))

tabs = st.tabs([t("tensors.tab_create"), t("tensors.tab_index"), t("tensors.tab_join"),
                t("tensors.tab_multiply"), t("tensors.tab_inplace"), t("tensors.tab_numpy")])
sections = (render_create, render_index, render_join, render_multiply, render_in_place, render_numpy_bridge)
for tab, render in zip(tabs, sections):
    with tab:
        render()
