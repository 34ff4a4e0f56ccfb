"""Seed 003, section 7's last cells: `torch.save(model)` and `torch.load`, unpickling only the app's own bytes."""

from __future__ import annotations

import streamlit as st

from engine import ModelSpec, PlaygroundError
from export.checkpoint import load_checkpoint, whole_model_round_trip
from ui.language import error_text, t

TUTORIAL_CODE = """torch.save(model, 'model.pth')
model = torch.load('model.pth', weights_only=False)  # {comment}"""


def render_whole_model(spec: ModelSpec, model) -> None:
    """The tutorial's whole-model save and a load of the app's own bytes, then the answer to such an upload."""
    st.markdown(t("export.whole_intro"))
    st.code(TUTORIAL_CODE.format(comment=t("export.whole_comment")), language="python")
    data, loaded = whole_model_round_trip(model)
    st.markdown(t("export.whole_own"))
    st.code(f"buffer = io.BytesIO()\ntorch.save(model, buffer)\nbuffer.seek(0)\n"
            f"model = torch.load(buffer, weights_only=False)\nprint(model)\n\n{loaded}", language="python")
    st.markdown(t("export.whole_live", size=len(data) / 1024))
    try:
        load_checkpoint(data, spec)
    except PlaygroundError as error:  # always: a whole model is refused (tests/test_checkpoint.py)
        st.error(error_text(error), icon=":material/block:")
    st.caption(t("export.whole_why"))
