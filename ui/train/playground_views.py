"""TF Playground's views of a 2-D classifier on the Train page: the decision boundary and the network.

One 100x100 pass gives the boundary and every neuron (cached per weights while a run trains); the
drawings are PNG heatmaps inside SVG (ui/train/playground_svg.py), a few milliseconds of server time per
repaint, shown through ui/train/live_panels.py.
"""

from __future__ import annotations

from html import escape

import numpy as np
import streamlit as st

from engine.training import Trainer
from engine.training.analysis import GridCache, decision_grid, network_links
from ui.language import current_language, t
from ui.train.live_panels import drawn_once, render_panels
from ui.train.playground_paint import BLUE, GREY, ORANGE
from ui.train.playground_svg import Panel, boundary_svg, column_strip, input_strip, network_svg

MAX_LINKS = 400  # the network drawing stays readable (and quick) up to this many weights
SHOWN_UNITS = 8  # units per layer drawn when a network has too many weights to draw
MAX_POINTS = 1000  # points per split on the boundary (TF Playground's sets have 250): a big CSV stays quick
_KEY = '<span style="display:inline-block;vertical-align:middle;margin:0 3px 0 10px;{}"></span>'


def render_two_d_views(trainer: Trainer, live: bool) -> None:
    """The boundary and the network side by side; `live`: from the cached grid, through the repaint component."""
    def build() -> list[Panel]:
        cache = st.session_state.setdefault("train_grid_cache", GridCache())
        grid = cache.get(trainer) if live else decision_grid(trainer.model, trainer.spec, trainer.data,
                                                             trainer.config.loss, cache.steps)
        panels = [boundary_panel(trainer, grid), network_panel(trainer, grid, live)]
        return [panel for panel in panels if panel is not None]

    version = (trainer.model, trainer.steps, current_language(), live)
    render_panels("train_playground", drawn_once("train_playground", version, build), live)


def boundary_panel(trainer: Trainer, grid) -> Panel:
    """The boundary behind the training (white rim) and test (dark rim) points, with its legend."""
    data = trainer.data
    points = [(x[:MAX_POINTS].numpy(), y[:MAX_POINTS].numpy(), is_test)
              for x, y, is_test in ((data.train_x, data.train_y, False), (data.test_x, data.test_y, True))]
    classes = len(data.class_names)
    drawing = boundary_svg(grid.probability.numpy(), grid.xs[0].item(), grid.xs[-1].item(), points, classes)
    dot = "width:9px;height:9px;border-radius:50%;background:{};border:1.5px solid {}"
    legend = "".join("".join(_KEY.format(dot.format(colour, rim) + margin) for colour, margin in
                             ((ORANGE, ""), (BLUE, ";margin-left:0"))) + escape(name)
                     for rim, name in (("#fff", t("train.train_points")), ("#333", t("train.test_points"))))
    scale = colour_scale("0", "1") if classes == 2 else ""
    return Panel("boundary", t("train.boundary"), drawing, f"<div>{legend}</div>{scale}", "2 1 300px")


def colour_scale(low: str, high: str) -> str:
    """TF Playground's orange-grey-blue bar between two labels."""
    return (f'<div style="display:flex;align-items:center;gap:6px;margin-top:4px"><span>{low}</span><span style="'
            f'width:140px;height:10px;background:linear-gradient(to right,{ORANGE},{GREY},{BLUE})"></span>'
            f'<span>{high}</span></div>')


def network_panel(trainer: Trainer, grid, live: bool) -> Panel | None:
    """The network with a heatmap per unit and a curve per weight; None for a model without Linear layers."""
    sizes, links = network_links(trainer.model)
    if not sizes:
        return None
    columns = unit_outputs(grid, sizes, len(trainer.data.class_names))
    labels = [t("train.net_input"), *(t("train.net_units", units=size) for size in sizes[1:-1]), t("train.net_output")]
    note = ""
    if len(links) > MAX_LINKS:  # too many curves to read: the first units' heatmaps, without the weights
        note = f'<div>{escape(t("train.network_too_big", links=len(links), units=SHOWN_UNITS))}</div>'
        sizes, links = [min(size, SHOWN_UNITS) for size in sizes], []
        columns = [None if units is None else units[:SHOWN_UNITS] for units in columns]
    strips = [input_strip() if sizes[0] == 2 else None]
    strips += [None if units is None else column_strip(units) for units in columns]
    drawing = network_svg(sizes, links, strips, labels, titles=not live)  # tooltips: a third of the bytes
    weights = "".join(_KEY.format(f"width:18px;height:3px;background:{colour}") + escape(sign) for colour, sign in
                      ((BLUE, t("train.weight_positive")), (ORANGE, t("train.weight_negative")))) if links else ""
    legend = f'{note}<div>{escape(t("train.neurons"))}</div>{colour_scale("−1", "+1")}<div>{weights}</div>'
    return Panel("network", t("train.network"), drawing, legend, "3 1 360px")


def unit_outputs(grid, sizes: list[int], classes: int) -> list[np.ndarray | None]:
    """Each hidden and output column's unit outputs (units, steps, steps) over the plane, None where unknown.

    Hidden units: the grid's activations, when they line up with the Linear layers one to one.
    Outputs: the class probabilities, from 0..1 to the tiles' −1..+1.
    """
    hidden = [units.numpy() for _path, units in grid.hidden]
    matches = len(hidden) == len(sizes) - 2 and all(len(units) == size for units, size in zip(hidden, sizes[1:-1]))
    columns: list[np.ndarray | None] = hidden if matches else [None] * (len(sizes) - 2)
    p = 2 * grid.probability.numpy() - 1
    outputs = {1: [p], 2: [-p, p]}.get(sizes[-1]) if classes == 2 else None
    return [*columns, None if outputs is None else np.stack(outputs)]
