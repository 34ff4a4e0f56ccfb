"""The student's current network, kept in their own session: its spec and its (maybe trained) model.

Pages read and change it only through these functions, so each page also runs alone (AppTest).
"""

from __future__ import annotations

import streamlit as st
import torch

from engine import PRESETS, ModelSpec, build_model

SPEC_KEY = "model_spec"
MODEL_KEY = "model_module"
FRESH_KEY = "model_fresh"  # the module current_model built from the seed: nothing to save, it is rebuilt the same
DEFAULT_PRESET = "fashion_mlp"
INIT_SEED = 0  # the same spec always starts from the same weights, so pages agree with each other


def current_spec() -> ModelSpec:
    """The session's network description (the seeds' `fashion_mlp` until the student picks another)."""
    if SPEC_KEY not in st.session_state:
        st.session_state[SPEC_KEY] = PRESETS[DEFAULT_PRESET]
    return st.session_state[SPEC_KEY]


def set_spec(spec: ModelSpec) -> None:
    """Make `spec` the current network; a different one gets fresh weights."""
    if st.session_state.get(SPEC_KEY) != spec:
        st.session_state[SPEC_KEY] = spec
        st.session_state.pop(MODEL_KEY, None)


def set_model(spec: ModelSpec, model: torch.nn.Module) -> None:
    """Make `model` (with its weights, e.g. loaded from a file) the current network for `spec`."""
    set_spec(spec)
    st.session_state[MODEL_KEY] = model


def current_model() -> torch.nn.Module:
    """The session's torch module for the current spec (built once, then kept with its weights)."""
    spec = current_spec()
    if MODEL_KEY not in st.session_state:
        st.session_state[MODEL_KEY] = st.session_state[FRESH_KEY] = build_model(spec, seed=INIT_SEED)
    return st.session_state[MODEL_KEY]


def set_trained_model(spec: ModelSpec, model: torch.nn.Module) -> None:
    """Make a trained module (and its spec) the session's current model, for every other page."""
    st.session_state[SPEC_KEY] = spec
    st.session_state[MODEL_KEY] = model
