"""Model: pick a preset or build a network layer by layer, and see it from every side."""

import streamlit as st

from ui.language import t
from ui.lazy import open_tab_only
from ui.model.call import render_model_call
from ui.model.editor import load_spec, render_editor
from ui.model.state import current_model, current_spec, set_spec
from ui.model.views import (
    render_code,
    render_linear_check,
    render_parameters,
    render_spec_io,
    render_structure,
    render_summary,
)
from ui.pages import require_entry
from ui.script_download import render_script_download
from ui.teacher.lesson import shown

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py


def _load(spec) -> None:
    set_spec(spec)
    load_spec(spec)


st.title(t("model.title"))
st.caption(t("model.intro"))
render_editor()

spec, model = current_spec(), current_model()
st.markdown(t("model.status", params=spec.parameter_count(), shape=list(spec.output_shape)))
views = {
    "model.tab_structure": lambda: render_structure(model),
    "model.tab_summary": lambda: render_summary(spec, model),
    "model.tab_parameters": lambda: render_parameters(model),
    "model.tab_linear": lambda: render_linear_check(model),
    "model.tab_call": lambda: render_model_call(spec, model),
    "model.tab_code": lambda: render_code(spec),
    "model.tab_json": lambda: render_spec_io(spec, _load),
}
hideable = {"model.tab_code": "model.code", "model.tab_json": "model.json"}  # a teacher may hide these
views = {key: view for key, view in views.items() if shown(hideable.get(key, ""))}
open_tab_only({t(key): view for key, view in views.items()}, key="model_tab")
render_script_download(None, "model_script", spec=spec)
