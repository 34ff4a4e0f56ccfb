"""Line charts as small SVG strings, for the loss and accuracy curves while a run trains (2-D: many repaints a second).

A plotly chart costs server Python on every repaint (figure validation, JSON) and a full redraw in the
browser; a few polylines are a short string to build and to draw. The interactive plotly charts come back
when the run pauses or ends. No streamlit here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from ui.train.playground_svg import TEXT, Panel, number, svg_open, ticks

MAX_POINTS = 400  # per line: more only costs bytes
WIDTH, HEIGHT = 480, 210
LEFT, RIGHT, TOP, BOTTOM = 46, 470, 8, 182  # the plot area, in SVG units
# Streamlit's blue and red; the interactive charts (ui/train/views.py) use the same, so a pause changes nothing.
TRAIN_COLOUR, TEST_COLOUR, BATCH_COLOUR = "#0068c9", "#ff2b2b", "#9aa5b1"


@dataclass(frozen=True)
class Line:
    """One line of a chart: its legend name, colour, width, and its points."""

    name: str
    colour: str
    xs: list[float]
    ys: list[float]
    width: float = 2.0


def _finite(line: Line) -> Line:
    stride = max(1, math.ceil(len(line.xs) / MAX_POINTS))
    pairs = [(x, y) for x, y in zip(line.xs[::stride], line.ys[::stride]) if y is not None and math.isfinite(y)]
    if line.xs and stride > 1 and pairs and pairs[-1][0] != line.xs[-1] and math.isfinite(line.ys[-1] or math.nan):
        pairs.append((line.xs[-1], line.ys[-1]))  # the newest point is always drawn
    return Line(line.name, line.colour, [x for x, _ in pairs], [y for _, y in pairs], line.width)


def chart_panel(panel_id: str, title: str, x_label: str, lines: list[Line], y_suffix: str = "") -> Panel:
    """A chart: the lines in an SVG with round ticks, and a legend of coloured strokes below it."""
    lines = [line for line in map(_finite, lines) if line.xs]
    xs = [x for line in lines for x in line.xs] or [0.0, 1.0]
    ys = [y for line in lines for y in line.ys] or [0.0, 1.0]
    x_low, x_high = 0.0, max(max(xs), 1e-9)
    y_low, y_high = min(ys), max(ys)
    if y_high - y_low < 1e-9:
        y_low, y_high = y_low - 0.5, y_high + 0.5

    def at(x: float, y: float) -> str:
        return (f"{LEFT + (x - x_low) / (x_high - x_low) * (RIGHT - LEFT):.1f},"
                f"{BOTTOM - (y - y_low) / (y_high - y_low) * (BOTTOM - TOP):.1f}")

    parts = [svg_open(WIDTH, HEIGHT), f'<rect x="{LEFT}" y="{TOP}" width="{RIGHT - LEFT}" height="{BOTTOM - TOP}" '
             f'fill="none" stroke="#888" stroke-width="0.6"/><g fill="{TEXT}">']
    for value in ticks(y_low, y_high, 5):
        y = at(x_low, value).split(",")[1]
        parts.append(f'<line x1="{LEFT}" x2="{RIGHT}" y1="{y}" y2="{y}" stroke="#888" stroke-opacity="0.25"/>'
                     f'<text x="{LEFT - 4}" y="{float(y) + 4:.1f}" text-anchor="end">{number(value)}{y_suffix}</text>')
    for value in ticks(x_low, x_high, 6):
        parts.append(f'<text x="{at(value, y_low).split(",")[0]}" y="{BOTTOM + 14}" text-anchor="middle">'
                     f'{number(value)}</text>')
    parts.append(f'<text x="{(LEFT + RIGHT) / 2}" y="{HEIGHT - 2}" text-anchor="middle">{escape(x_label)}</text></g>')
    for line in lines:
        points = " ".join(at(x, y) for x, y in zip(line.xs, line.ys))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{line.colour}" stroke-width="{line.width}" '
                     'stroke-linejoin="round"/>')
    parts.append("</svg>")
    legend = "".join(f'<span style="margin-right:14px;white-space:nowrap"><span style="display:inline-block;width:18px;'
                     f'height:3px;background:{line.colour};vertical-align:middle;margin-right:5px"></span>'
                     f'{escape(line.name)}</span>' for line in lines)
    return Panel(panel_id, title, "".join(parts), f'<div style="text-align:center">{legend}</div>')
