"""The Model page's `model(x)` tab: the student types an input and sees what their model returns."""

from __future__ import annotations

import streamlit as st

from engine import ModelSpec, PlaygroundError
from engine.inside.model_call import call_model, parse_input, tutorial_names
from ui.language import error_text, t
from ui.lazy import KEEP_ON_PAGE


def default_input(spec: ModelSpec) -> str:
    """Seed 001's first call for its one-number models, else a batch of one input of ones in the model's shape."""
    shape = spec.input_shape if spec.input_shape == (1,) else (1, *spec.input_shape)
    return "torch.ones(" + ", ".join(str(n) for n in shape) + ")"


def render_model_call(spec: ModelSpec, model) -> None:
    """A text box for `x`, then `model(x)` printed as PyTorch prints it, grad_fn included."""
    st.markdown(t("model.call_intro"))
    names = tutorial_names(int(st.session_state.get("data_temperature_seed", 0))) if spec.input_shape == (1,) else {}
    if names:
        st.caption(t("model.call_names"))
    # One box per input shape: another model's input would not fit this one.
    key = "model_call_input_" + "x".join(str(n) for n in spec.input_shape)
    text = st.text_input(t("model.call_input"), default_input(spec), key=key, persist_state=KEEP_ON_PAGE)
    try:
        result = call_model(model, parse_input(text, names), spec.input_shape)
    except PlaygroundError as error:
        st.error(error_text(error))
        return
    st.code(f"x = {text.strip()}\nx\n{result.input_text}\n\nmodel(x)\n{result.output_text}", language="python")
    st.caption(t("model.call_shapes", input=list(result.input_shape), output=list(result.output_shape)))
