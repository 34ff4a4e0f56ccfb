"""Seed 003, section 7's first cells: `models.vgg16()`, its structure printed, its weights never allocated;
then `models.vgg16(pretrained=True)` and `torch.save(...)` (cell 003-54) when the server has the weights."""

from __future__ import annotations

import streamlit as st

from engine.errors import PlaygroundError
from export.vgg16 import DOWNLOAD_ENV, downloads_allowed, pretrained_vgg16, vgg16_structure, weights_path
from ui.language import error_text, t

HANDOUT_CODE = """import torchvision.models as models

model = models.vgg16()
print(model)"""

PRETRAINED_CODE = """model = models.vgg16(pretrained = True)
torch.save(model.state_dict(), 'model_weights.pth')"""


def render_vgg16() -> None:
    """The handout's VGG16 printout, from the same layers built in torch.nn on the meta device, then the
    pretrained weights loaded and saved when they are on the server."""
    model = vgg16_structure()
    st.markdown(t("export.vgg_intro", params=sum(p.numel() for p in model.parameters())))
    st.code(f"{HANDOUT_CODE}\n\n{model}", language="python")
    st.caption(t("export.vgg_meta"))
    render_pretrained()


def render_pretrained() -> None:
    """Cell 003-54: a button that loads the cached (or, if allowed, downloaded) weights and saves them."""
    path = weights_path()
    st.markdown(t("export.vgg_pretrained_title"))
    st.code(PRETRAINED_CODE, language="python")
    if path.exists():
        st.caption(t("export.vgg_cached", path=str(path)))
    elif downloads_allowed():
        st.caption(t("export.vgg_will_download", path=str(path)))
    else:
        st.caption(t("export.vgg_not_here", path=str(path), env=DOWNLOAD_ENV))
    if not st.button(t("export.vgg_pretrained_run"), key="export_vgg_pretrained", icon=":material/cloud_download:"):
        return
    bar = st.progress(0.0, text=t("export.vgg_loading"))

    def report(done: int, total: int | None) -> None:
        size = f"{total / 1e6:.0f}" if total else "?"
        bar.progress(min(done / total, 1.0) if total else 0.0,
                     text=t("export.vgg_downloading", done=done / 1e6, total=size))

    try:
        run = pretrained_vgg16(progress=report)
    except PlaygroundError as error:
        bar.empty()
        st.error(error_text(error))
        return
    bar.progress(1.0, text=t("export.vgg_done", seconds=run.seconds))
    st.code(f"{PRETRAINED_CODE}\n# model.load_state_dict(...): {run.load_result}\n"
            f"# {run.parameters:,} parameters · model_weights.pth: {run.saved_bytes / 1e6:,.1f} MB", language="python")
    st.caption(t("export.vgg_saved", path=run.path))
