"""The drawing pad on the Layers page (a Components v2 element): a 28x28 picture the student draws."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st
import torch

from ui.language import t

HTML = '<div><canvas class="pad"></canvas><div><button class="clear"></button></div></div>'
CSS = ("canvas.pad { border: 1px solid var(--st-border-color, #ccc); touch-action: none; cursor: crosshair; "
       "image-rendering: pixelated; } button.clear { margin-top: 0.4rem; padding: 0.25rem 0.9rem; cursor: pointer; "
       "border: 1px solid var(--st-border-color, #ccc); border-radius: 0.5rem; background: transparent; "
       "color: var(--st-text-color, inherit); font: inherit; }")
SIDE = 28


@cache
def _pad_component():
    # Registered once per process: registering in a page body would register it again on every rerun.
    js = (Path(__file__).parent / "pad.js").read_text(encoding="utf-8")
    return st.components.v2.component("torch_playground_layers_pad", html=HTML, css=CSS, js=js)


def _no_op() -> None:
    """Components v2 keeps a state value only for names with an on_<name>_change callback."""


def drawn_image() -> torch.Tensor:
    """The pad and what is drawn on it as a (28, 28) tensor in [0, 1] (black until the first stroke)."""
    reply = _pad_component()(key="cnn_pad", data={"clear": t("cnn.pad_clear")}, on_pixels_change=_no_op,
                             height="content")
    pixels = reply.get("pixels") if reply is not None else None
    if not isinstance(pixels, list) or len(pixels) != SIDE * SIDE:
        return torch.zeros(SIDE, SIDE)
    return torch.tensor(pixels, dtype=torch.float32).clamp(0, 1).reshape(SIDE, SIDE)
