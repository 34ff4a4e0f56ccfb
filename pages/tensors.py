"""Tensors: seed 003 section 1, each operation with the code it runs and what that printed."""

import streamlit as st

from ui.language import t
from ui.lazy import open_tab_only
from ui.pages import require_entry
from ui.tensors import (
    render_create,
    render_device,
    render_in_place,
    render_index,
    render_item,
    render_join,
    render_multiply,
    render_numpy_bridge,
)

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py

st.title(t("tensors.title"))
st.caption(t("tensors.intro"))

# in the handout's order: attributes, .to(device), indexing, cat, products, item(), in-place, NumPy
open_tab_only({t("tensors.tab_create"): render_create, t("tensors.tab_device"): render_device,
               t("tensors.tab_index"): render_index, t("tensors.tab_join"): render_join,
               t("tensors.tab_multiply"): render_multiply, t("tensors.tab_item"): render_item,
               t("tensors.tab_inplace"): render_in_place, t("tensors.tab_numpy"): render_numpy_bridge},
              key="tensors_tab")
