"""While a CNN trains: the first convolution layer's feature maps of one test image, updated once per epoch.

The maps are computed here, on the server's copy of the run (its weights arrive with the progress
records), on a private copy of the model, and only when the epoch count changes: the training process
does no extra work, and a repaint between epochs reuses the panel already built.
"""

from __future__ import annotations

from html import escape

import numpy as np
import torch

from engine.inside.feature_maps import first_conv_maps, is_cnn
from engine.inside.layers import private_copy
from engine.training import Trainer
from ui.language import current_language, t
from ui.train.live_panels import drawn_once, render_panels
from ui.train.playground_paint import diverging_rgb, png_uri
from ui.train.playground_svg import Panel, svg_open

TILE, GAP, PER_ROW = 56, 6, 8  # SVG units per map; 16 channels make two rows of eight
MAX_MAPS = 32


def shows_live_maps(trainer: Trainer) -> bool:
    """Whether the live view has feature maps to show: a CNN on images."""
    return len(trainer.data.input_shape) == 3 and is_cnn(trainer.model)


def maps_mosaic(maps: torch.Tensor) -> np.ndarray:
    """(C, H, W) maps -> one RGBA picture, PER_ROW maps a row with clear gaps, on one colour scale."""
    maps = maps[:MAX_MAPS].double()
    scale = max(float(maps.abs().max()), 1e-12)
    count, height, width = maps.shape
    rows = -(-count // PER_ROW)
    picture = np.zeros((rows * (height + 1) - 1, PER_ROW * (width + 1) - 1, 4), dtype=np.uint8)
    for index, channel in enumerate(maps.numpy()):
        top, left = index // PER_ROW * (height + 1), index % PER_ROW * (width + 1)
        picture[top:top + height, left:left + width, :3] = diverging_rgb(channel, -scale, scale)
        picture[top:top + height, left:left + width, 3] = 255
    return picture


def live_maps_panel(trainer: Trainer) -> Panel:
    """The panel: test image 0 and its first-conv feature maps with the current weights."""
    image = trainer.data.as_float(trainer.data.test_x[:1].cpu())[0]
    maps = first_conv_maps(private_copy(trainer.model), image, trainer.data.input_shape)
    mosaic = maps_mosaic(maps)
    unit = (TILE + GAP) / (maps.shape[-1] + 1)  # SVG units per map pixel, gaps included
    width, height = mosaic.shape[1] * unit, mosaic.shape[0] * unit
    scale = max(float(maps.abs().max()), 1e-12)
    svg = (svg_open(width + 4, height + 4) + f'<image href="{png_uri(mosaic)}" x="2" y="2" width="{width:.1f}" '
           f'height="{height:.1f}" preserveAspectRatio="none" style="image-rendering:pixelated"/></svg>')
    legend = escape(t("train.live_maps_legend", epoch=trainer.epoch, channels=len(maps), scale=scale))
    return Panel("feature_maps", t("train.live_maps_title"), svg, legend, "1 1 480px")


def render_live_feature_maps(trainer: Trainer) -> None:
    """The live panel of feature maps, rebuilt only when an epoch ends (or the language changes)."""
    version = (trainer, trainer.epoch, current_language())
    render_panels("train_live_maps", drawn_once("train_live_maps", version, lambda: [live_maps_panel(trainer)]),
                  live=True)
