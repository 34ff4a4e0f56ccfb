"""Seed 003, section 7's first cells: `models.vgg16()`, its structure printed, its weights never allocated."""

from __future__ import annotations

import streamlit as st

from export.vgg16 import vgg16_structure
from ui.language import t

HANDOUT_CODE = """import torchvision.models as models

model = models.vgg16()
print(model)"""


def render_vgg16() -> None:
    """The handout's VGG16 printout, from the same layers built in torch.nn on the meta device."""
    model = vgg16_structure()
    st.markdown(t("export.vgg_intro", params=sum(p.numel() for p in model.parameters())))
    st.code(f"{HANDOUT_CODE}\n\n{model}", language="python")
    st.caption(t("export.vgg_meta"))
