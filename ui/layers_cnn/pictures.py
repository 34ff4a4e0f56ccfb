"""Feature maps and kernels as small PNG tiles (one per channel), coloured on one scale per layer.

Dozens of channels per layer as plotly heatmaps would cost a chart each; a colour lookup and a PNG
per channel draw in a blink. Orange is negative, grey zero, blue positive (the Playground's colours).
"""

from __future__ import annotations

import numpy as np
import streamlit as st
import torch

from ui.language import t
from ui.train.playground_paint import diverging_rgb

TILE = 84  # pixels on screen per map: a 28x28 map at 3x, nearest-neighbour so each value stays a square
MAX_TILES = 32  # channels drawn per layer; a wider layer shows its first 32


def symmetric_range(values: torch.Tensor) -> float:
    """The largest |value| (at least a tiny positive number), so 0 is grey on the layer's one colour scale."""
    return max(float(values.abs().max()), 1e-12)


def tile(values: torch.Tensor, scale: float, side: int = TILE) -> np.ndarray:
    """One (H, W) map -> an RGB picture about `side` pixels wide, each value a square of one colour."""
    rgb = diverging_rgb(values.detach().cpu().double().numpy(), -scale, scale)
    factor = max(1, side // max(rgb.shape[:2]))
    return np.repeat(np.repeat(rgb, factor, axis=0), factor, axis=1)


def draw_maps(maps: torch.Tensor, caption_key: str, scale: float | None = None) -> None:
    """Every channel of (C, H, W) as a tile, captioned 'channel c', on one colour scale for the whole stack."""
    scale = symmetric_range(maps) if scale is None else scale
    shown = maps[:MAX_TILES]
    st.image([tile(m, scale) for m in shown], caption=[t(caption_key, c=c) for c in range(len(shown))])
    note = t("cnn.scale_note", scale=scale)
    if len(maps) > MAX_TILES:
        note += " " + t("cnn.first_tiles", shown=MAX_TILES, total=len(maps))
    st.caption(note)
