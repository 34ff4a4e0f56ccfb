"""Autograd: seed 003 section 5 made visible: the computational graph, loss.backward() and the gradients
it leaves on the leaves, stopping tracking, accumulation, and the graph behind any model's loss."""

import streamlit as st

from ui.autograd import render_jacobian, render_model_graph, render_seed_example, render_tracking
from ui.language import t
from ui.pages import require_entry

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py

st.title(t("autograd.title"))
st.caption(t("autograd.intro"))
example, tracking, jacobian, model = st.tabs([t("autograd.tab_example"), t("autograd.tab_tracking"),
                                              t("autograd.tab_jacobian"), t("autograd.tab_model")])
with example:
    render_seed_example()
with tracking:
    render_tracking()
with jacobian:
    render_jacobian()
with model:
    render_model_graph()
