"""TF Playground's two big views as SVG: the decision boundary with its points, and the network.

The network is drawn as TF Playground draws it: every neuron is a small heatmap of its output over
the input plane, and every weight a curve whose colour is its sign (blue +, orange −) and whose
width its size. Heatmaps are PNG data URIs (ui/train/playground_paint.py), or canvases that the student's
browser paints while a run trains (canvas_slot). A drawing with PNGs goes to the page as one <img> of an
SVG data URI (st.html strips inline SVG but keeps images); one with canvases goes once, inline, through
ui/train/live_panels.py. No streamlit here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from html import escape

import numpy as np

from ui.train.playground_paint import (
    BLUE,
    CLASS_COLOURS,
    ORANGE,
    classes_rgb,
    diverging_rgb,
    png_uri,
    strip_rgba,
    upright,
)

BOX = 300  # side of the boundary plot, in SVG units (the browser scales the whole drawing)
PAD_LEFT, PAD_BOTTOM = 30, 22
TILE = 30  # a neuron's heatmap side, as TF Playground's RECT_SIZE
TILE_STEP = 1.4  # from one unit's top to the next's, in tiles
COLUMN_GAP = 90
NEURON_SAMPLES = 20  # a neuron's heatmap: a 20x20 view of the 100x100 grid
BROWSER_PAINTS = "paint:"  # a column's strip named so is a canvas the browser paints ("paint:hidden0", "paint:output")
TEXT = "#808495"  # an SVG inside <img> cannot inherit the page's text colour: a grey both themes can read
_URI_ESCAPES = (("%", "%25"), ("#", "%23"), ("&", "%26"), ("<", "%3C"), (">", "%3E"), ('"', "'"))  # "%" first


@dataclass(frozen=True)
class Panel:
    """One drawing of the live views: `id` names it for the browser, `flex` is its CSS flex (share of a row)."""

    id: str
    title: str
    svg: str
    legend: str = ""  # trusted HTML: built by the views, every text escaped
    flex: str = "1 1 320px"
    painted: bool = False  # `svg` holds canvases the browser paints (canvas_slot): shown inline, sent once


def svg_open(width: float, height: float, font: float = 11) -> str:
    """The root element of a drawing `width` x `height` SVG units (its intrinsic size too), text `font` units high."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
            f'height="{height:.0f}" font-family="sans-serif" font-size="{font:.0f}">')


def svg_uri(svg: str) -> str:
    """A data URI of `svg`, lightly escaped (base64 would add a third)."""
    for character, escaped in _URI_ESCAPES:  # str.replace runs in C: ten times quicker than str.translate here
        svg = svg.replace(character, escaped)
    return f"data:image/svg+xml;charset=utf-8,{svg}"


def svg_img(svg: str, alt: str) -> str:
    """An <img> showing `svg` as wide as its column: st.html strips inline SVG but keeps images."""
    return f'<img src="{svg_uri(svg)}" alt="{escape(alt)}" style="width:100%;height:auto;display:block">'


def ticks(low: float, high: float, most: int = 7) -> list[float]:
    """Round axis values (steps of 1, 2 or 5 times a power of ten) between `low` and `high`."""
    span = max(high - low, 1e-9)
    step = 10 ** math.floor(math.log10(span / most))
    step *= next(factor for factor in (1, 2, 5, 10) if span / (step * factor) <= most)
    first = math.ceil(low / step)
    return [round(i * step, 10) for i in range(first, math.floor(high / step) + 1)]


def number(value: float) -> str:
    """A tick label: short, with a true minus sign."""
    return f"{value:.4g}".replace("-", "−")


def canvas_slot(name: str, x: float, y: float, width: float, height: float, pixels: tuple[int, int],
                extra: str = "") -> str:
    """A <canvas> of `pixels` (width, height) stretched over a drawing's rectangle: the browser paints it
    (ui/train/live_panels.js, by its `name`), smoothed when scaled as an <image> is."""
    return (f'<foreignObject x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}"><canvas '
            f'data-paint="{name}" width="{pixels[0]}" height="{pixels[1]}"{extra} '
            'style="width:100%;height:100%;display:block"></canvas></foreignObject>')


def boundary_svg(probability: np.ndarray | None, low: float, high: float,
                 points: list[tuple[np.ndarray, np.ndarray, bool]], classes: int, steps: int = 0) -> str:
    """The boundary: P(class 1) (two classes) or the predicted class (more) behind the data's points.

    `probability` is the grid (steps, steps) with row 0 at the lowest y, or None: a `steps` x `steps`
    canvas that the browser paints; `points` holds (xy (N, 2), labels (N,), is_test) sets: training
    points with a white rim, test points with a dark one.
    """
    if probability is None:
        picture = canvas_slot("boundary", PAD_LEFT, 4, BOX, BOX, (steps, steps))
    else:
        rgb = diverging_rgb(upright(probability), 0.0, 1.0) if classes == 2 else classes_rgb(upright(probability))
        picture = (f'<image href="{png_uri(rgb)}" x="{PAD_LEFT}" y="4" width="{BOX}" height="{BOX}" '
                   'preserveAspectRatio="none"/>')
    scale = BOX / (high - low)
    parts = [svg_open(PAD_LEFT + BOX + 6, BOX + PAD_BOTTOM + 6), picture, '<g fill="none" stroke-linecap="round">']
    for index, (xy, labels, is_test) in enumerate(points):
        xs = np.rint(PAD_LEFT + (xy[:, 0] - low) * scale).astype(int)
        ys = np.rint(4 + (high - xy[:, 1]) * scale).astype(int)
        for label in np.unique(labels).tolist():
            # A point is a zero-length stroke with round caps ("M x y h0"): ~10 bytes where a <circle> takes 35.
            chosen = labels == label
            path = "".join(f"M{x} {y}h0" for x, y in zip(xs[chosen].tolist(), ys[chosen].tolist()))
            name = f"p{index}_{label}"
            parts.append(f'<defs><path id="{name}" d="{path}"/></defs>'  # drawn twice: the rim, then the dot
                         f'<use href="#{name}" stroke="{"#333" if is_test else "#fff"}" stroke-width="8.4"/>'
                         f'<use href="#{name}" stroke="{CLASS_COLOURS[label % len(CLASS_COLOURS)]}" '
                         'stroke-width="6.4"/>')
    parts.append(f'</g><rect x="{PAD_LEFT}" y="4" width="{BOX}" height="{BOX}" fill="none" stroke="#888" '
                 f'stroke-width="0.6"/><g fill="{TEXT}">')
    for value in ticks(low, high):
        at = (value - low) * scale
        parts.append(f'<text x="{PAD_LEFT + at:.1f}" y="{BOX + 18}" text-anchor="middle">{number(value)}</text>'
                     f'<text x="{PAD_LEFT - 4}" y="{BOX + 8 - at:.1f}" text-anchor="end">{number(value)}</text>')
    parts.append("</g></svg>")
    return "".join(parts)


def column_strip(units: np.ndarray) -> str:
    """A column of units' (units, steps, steps) outputs as one PNG URI of 20x20 tiles, −1 orange, 0 grey, +1 blue.

    The tiles sit at the network drawing's spacing (TILE_STEP), so one <image> covers a whole column.
    """
    stride = max(1, units.shape[1] // NEURON_SAMPLES)
    return png_uri(strip_rgba(units[:, ::stride, ::stride], round(NEURON_SAMPLES * (TILE_STEP - 1))))


@cache
def input_strip() -> str:
    """x₁ and x₂ over the plane (orange low, blue high): TF Playground's input neurons; the same for every model."""
    x1 = np.tile(np.linspace(-1, 1, NEURON_SAMPLES), (NEURON_SAMPLES, 1))
    return column_strip(np.stack([x1, x1.T]))


def link_width(weight: float, tile: float = TILE) -> float:
    """TF Playground's linkWidthScale: |w| from 0 to 5 maps to 1 to 10 (clamped), scaled with the tiles."""
    return (1 + 9 * min(abs(weight), 5.0) / 5) * tile / TILE


@dataclass(frozen=True)
class _Layout:
    """Where a network of these column sizes is drawn: the same at every repaint, so computed once."""

    sizes: tuple[int, ...]
    tile: float
    step: float
    width: float
    font: float

    @property
    def top(self) -> float:
        """Where the tallest column's first tile starts, below the column labels."""
        return self.font + 10

    @property
    def height(self) -> float:
        """The drawing's height in SVG units."""
        return self.top + max(self.sizes) * self.step

    def corner(self, column: int, unit: int) -> tuple[float, float]:
        """Top left corner of a unit's tile."""
        offset = (max(self.sizes) - self.sizes[column]) * self.step / 2
        return 20 + column * COLUMN_GAP, self.top + offset + unit * self.step

    def curve(self, layer: int, source: int, target: int) -> str:
        """The path of one weight's curve, from the source tile's right side to the target's left side."""
        (x0, y0), (x1, y1) = self.corner(layer, source), self.corner(layer + 1, target)
        x0, y0, y1 = x0 + self.tile, y0 + self.tile / 2, y1 + self.tile / 2
        middle = (x0 + x1) / 2
        return f"M{x0:.0f} {y0:.0f}C{middle:.0f} {y0:.0f} {middle:.0f} {y1:.0f} {x1:.0f} {y1:.0f}"


@cache
def _layout(sizes: tuple[int, ...]) -> tuple[_Layout, dict[tuple[int, int, int], str]]:
    # The layout and every possible weight's curve: only colours and widths change while a network trains.
    tallest = max(sizes)
    tile = min(TILE, 360 / (tallest * TILE_STEP))
    width = (len(sizes) - 1) * COLUMN_GAP + tile + 40
    layout = _Layout(sizes, tile, tile * TILE_STEP, width, max(11, width / 40))  # wide: shrunk, so bigger text
    curves = {(layer, source, target): layout.curve(layer, source, target) for layer in range(len(sizes) - 1)
              for source in range(sizes[layer]) for target in range(sizes[layer + 1])}
    return layout, curves


def network_svg(sizes: list[int], links, strips: list[str | None], labels: list[str], titles: bool = True) -> str:
    """The network: one column per layer of units, a heatmap tile per unit (or a plain box), a curve per weight.

    `links` are engine.training.analysis.Link (layer, source, target, weight); `strips[c]` column c's
    tiles as one column_strip URI, a canvas name for the browser to paint them (BROWSER_PAINTS), or
    None; `labels[c]` the text above column c. `titles`: each weight's value as a hover tooltip (left
    out while live: a third of the bytes). The curves' group says its scale (`data-scale`): the browser
    recolours and resizes them from the weights, in this order.
    """
    layout, curves = _layout(tuple(sizes))
    tile = layout.tile
    parts = [svg_open(layout.width, layout.height, layout.font),
             f'<g fill="none" stroke-opacity="0.85" data-scale="{tile / TILE:.4f}">']
    for link in links:
        tooltip = f"<title>w = {link.weight:.3f}</title>" if titles else ""
        parts.append(f'<path d="{curves[link.layer, link.source, link.target]}" '
                     f'stroke="{BLUE if link.weight > 0 else ORANGE}" '
                     f'stroke-width="{link_width(link.weight, tile):.1f}">{tooltip}</path>')
    parts.append(f'</g><g fill="{TEXT}" text-anchor="middle">')
    parts.extend(f'<text x="{layout.corner(column, 0)[0] + tile / 2:.1f}" y="{layout.font:.0f}">{escape(label)}</text>'
                 for column, label in enumerate(labels))
    parts.append('</g><g stroke="#444" stroke-width="1">')
    for column, size in enumerate(sizes):
        x, y = layout.corner(column, 0)
        strip = strips[column] if column < len(strips) else None
        height = size * layout.step - layout.step + tile
        if strip is not None and strip.startswith(BROWSER_PAINTS):
            gap = round(NEURON_SAMPLES * (TILE_STEP - 1))
            parts.append(canvas_slot(strip, x, y, tile, height, (NEURON_SAMPLES, size * (NEURON_SAMPLES + gap) - gap),
                                     f' data-units="{size}" data-gap="{gap}"'))
        elif strip is not None:
            parts.append(f'<image href="{strip}" x="{x:.1f}" y="{y:.1f}" width="{tile:.1f}" '
                         f'height="{height:.1f}" preserveAspectRatio="none"/>')
        fill = "none" if strip is not None else "#fff"
        parts.extend(f'<rect x="{x:.1f}" y="{y + unit * layout.step:.1f}" width="{tile:.1f}" height="{tile:.1f}" '
                     f'fill="{fill}"/>' for unit in range(size))
    parts.append("</g></svg>")
    return "".join(parts)
