"""Model: pick a preset or build a network layer by layer, and see it from every side."""

import streamlit as st

from ui.i18n import t
from ui.model_editor import load_spec, render_editor
from ui.model_state import current_model, current_spec, set_spec
from ui.model_views import (
    render_code,
    render_linear_check,
    render_parameters,
    render_spec_io,
    render_structure,
    render_summary,
)


def _load(spec) -> None:
    set_spec(spec)
    load_spec(spec)


st.title(t("model.title"))
st.caption(t("model.intro"))
render_editor()

spec, model = current_spec(), current_model()
st.markdown(t("model.status", params=spec.parameter_count(), shape=list(spec.output_shape)))
tabs = st.tabs([t("model.tab_structure"), t("model.tab_summary"), t("model.tab_parameters"),
                t("model.tab_linear"), t("model.tab_code"), t("model.tab_json")])
with tabs[0]:
    render_structure(model)
with tabs[1]:
    render_summary(spec, model)
with tabs[2]:
    render_parameters(model)
with tabs[3]:
    render_linear_check(model)
with tabs[4]:
    render_code(spec)
with tabs[5]:
    render_spec_io(spec, _load)
