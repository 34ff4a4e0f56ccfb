"""The student's export: made once per (model weights, opset) and kept in their session."""

from __future__ import annotations

import hashlib
import json

import streamlit as st
import torch

from engine import ModelSpec, PlaygroundError
from export import DEFAULT_OPSET, SUPPORTED_OPSETS, ExportResult, export_and_check
from ui.language import error_text, t

EXPORT_KEY = "export_result"
OPSET_KEY = "export_opset"


def model_fingerprint(spec: ModelSpec, model: torch.nn.Module) -> str:
    """SHA-256 of the spec and every weight: changes when the network or its training changes."""
    digest = hashlib.sha256(json.dumps(spec.to_dict(), sort_keys=True).encode())
    for name, tensor in model.state_dict().items():
        digest.update(name.encode())
        digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return digest.hexdigest()


def choose_opset() -> int:
    """The opset select box (the exporter's own opset first chosen)."""
    st.session_state.setdefault(OPSET_KEY, DEFAULT_OPSET)
    return st.selectbox(t("export.opset"), SUPPORTED_OPSETS, key=OPSET_KEY, help=t("export.opset_help"))


def current_export(spec: ModelSpec, model: torch.nn.Module, opset: int) -> ExportResult | None:
    """The export of this exact model at `opset`, made now if the model changed; None (with a message)
    when it cannot be exported."""
    wanted = (model_fingerprint(spec, model), opset)
    stored = st.session_state.get(EXPORT_KEY)
    if stored is None or stored[0] != wanted:
        try:
            with st.spinner(t("export.exporting")):
                outcome = export_and_check(model, spec.input_shape, opset=opset)
        except PlaygroundError as error:
            outcome = error
        stored = (wanted, outcome)
        st.session_state[EXPORT_KEY] = stored
    if isinstance(stored[1], PlaygroundError):
        st.error(error_text(stored[1]), icon=":material/error:")
        st.caption(t("export.failed_export"))
        return None
    return stored[1]
