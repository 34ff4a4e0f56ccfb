"""Heatmaps as small PNG images in TF Playground's colours: cheap to make, cheap for a browser to draw.

A plotly heatmap costs server Python on every figure (validation, JSON) and a full chart redraw in the
browser; a 100x100 PNG through a colour lookup table is one array lookup, one zlib pass and one image decode.
No streamlit here: the live view and the tests both call these.
"""

from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image

ORANGE, GREY, BLUE = "#f59322", "#e8eaeb", "#0877bd"  # TF Playground's colorScale: -1, 0, +1
# More than two classes (a CSV with several labels): class 0 and 1 keep the Playground's colours.
CLASS_COLOURS = (ORANGE, BLUE, "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
                 "#17becf")
SHADES = 255  # odd: 0 falls exactly on the middle shade (grey)


def _rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=np.float64)


def _diverging_table() -> np.ndarray:
    # (SHADES, 3) uint8: orange at -1, grey at 0, blue at +1, linear in between (d3's interpolateRgb).
    position = np.linspace(-1, 1, SHADES)[:, None]
    low = _rgb(GREY) + (_rgb(ORANGE) - _rgb(GREY)) * -np.minimum(position, 0)
    high = _rgb(GREY) + (_rgb(BLUE) - _rgb(GREY)) * np.maximum(position, 0)
    return np.rint(np.where(position < 0, low, high)).astype(np.uint8)


DIVERGING = _diverging_table()


def diverging_rgb(values: np.ndarray, low: float = -1.0, high: float = 1.0) -> np.ndarray:
    """(H, W) values -> (H, W, 3) uint8: `low` orange, the middle grey, `high` blue; NaN grey, clamped outside."""
    scaled = (np.nan_to_num(values, nan=(low + high) / 2) - low) / (high - low)
    return DIVERGING[np.clip(np.rint(scaled * (SHADES - 1)), 0, SHADES - 1).astype(np.intp)]


def classes_rgb(labels: np.ndarray, lighten: float = 0.35) -> np.ndarray:
    """(H, W) class indices -> (H, W, 3) uint8 in CLASS_COLOURS, mixed `lighten` of the way to white."""
    table = np.stack([_rgb(colour) for colour in CLASS_COLOURS])
    table = np.rint(table + (255 - table) * lighten).astype(np.uint8)
    return table[np.asarray(labels, dtype=np.intp) % len(CLASS_COLOURS)]


def png_uri(pixels: np.ndarray) -> str:
    """A `data:image/png;base64,...` URI of an (H, W, 3) RGB or (H, W, 4) RGBA uint8 image (fast zlib level)."""
    buffer = io.BytesIO()
    mode = "RGBA" if pixels.shape[2] == 4 else "RGB"
    Image.fromarray(np.ascontiguousarray(pixels), mode).save(buffer, format="PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def upright(values: np.ndarray) -> np.ndarray:
    """Grids stored with row 0 at the lowest y, flipped so that row 0 is the image's top (y grows upwards)."""
    return np.ascontiguousarray(values[..., ::-1, :])


def strip_rgba(tiles: np.ndarray, gap: int) -> np.ndarray:
    """(units, S, S) values in −1..+1 -> one (units·(S+gap)−gap, S, 4) image: the tiles top to bottom, clear gaps.

    One PNG per column of the network instead of one per neuron: a fifth of the encoding work.
    """
    units, side, _ = tiles.shape
    strip = np.zeros((units, side + gap, side, 4), dtype=np.uint8)
    strip[:, :side, :, :3] = diverging_rgb(upright(tiles))
    strip[:, :side, :, 3] = 255
    return strip.reshape(units * (side + gap), side, 4)[:units * (side + gap) - gap]
