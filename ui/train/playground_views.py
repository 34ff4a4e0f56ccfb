"""TF Playground's views of a 2-D classifier on the Train page: the decision boundary and the network.

The student's browser paints them: the server sends the weights (at every repaint while a run trains,
once when it is paused or done, then with each weight's value on hover), and the drawings' markup (points,
axes, labels, canvases) until the browser keeps it (ui/train/playground_program.py, ui/train/live_panels.py).
For a layer the browser does not know, the server paints them: one 100x100 pass gives the boundary and
every neuron, drawn as PNG heatmaps inside SVG (ui/train/playground_svg.py).
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

import numpy as np
import streamlit as st

from engine.training import Trainer
from engine.training.analysis import GridCache, decision_grid, input_range, network_links
from ui.language import current_language, t
from ui.train.live_panels import drawn_once, render_panels
from ui.train.playground_paint import BLUE, GREY, ORANGE
from ui.train.playground_program import forward_program
from ui.train.playground_svg import BROWSER_PAINTS, Panel, boundary_svg, column_strip, input_strip, network_svg

MAX_LINKS = 400  # the network drawing stays readable (and quick) up to this many weights
SHOWN_UNITS = 8  # units per layer drawn when a network has too many weights to draw
MAX_POINTS = 1000  # points per split on the boundary (TF Playground's sets have 250): a big CSV stays quick
_KEY = '<span style="display:inline-block;vertical-align:middle;margin:0 3px 0 10px;{}"></span>'


def render_two_d_views(trainer: Trainer, live: bool) -> None:
    """The boundary and the network side by side, painted in the student's browser from the weights
    (ui/train/playground_program.py); `live` (while it trains): repainted at every poll, else with each
    weight's value on hover. For a layer the browser does not know, the server paints them from the grid
    (cached while live): thirty students pausing at once each had it computed in the one server process."""
    cache = st.session_state.setdefault("train_grid_cache", GridCache())
    version = (trainer.model, trainer.steps, current_language(), live)
    program = drawn_once("train_playground_program", version, lambda: forward_program(
        trainer.model, trainer.spec, trainer.data, trainer.config.loss, cache.steps))
    if program is not None:
        # New weights, or the run paused or done (hover values): a repaint.
        program = {**program, "version": f"{id(trainer.model):x}.{trainer.steps}.{int(live)}", "titles": not live}
        layout = (id(trainer.data), trainer.spec, current_language())  # what the drawings' markup depends on
        panels = drawn_once("train_playground_layout", layout, lambda: painted_panels(trainer, program))
        render_panels("train_playground", panels, live, paint=program)
        return

    def build() -> list[Panel]:
        grid = cache.get(trainer) if live else decision_grid(trainer.model, trainer.spec, trainer.data,
                                                             trainer.config.loss, cache.steps)
        panels = [boundary_panel(trainer, grid), network_panel(trainer, grid, live)]
        return [panel for panel in panels if panel is not None]

    render_panels("train_playground", drawn_once("train_playground", version, build), live)


def painted_panels(trainer: Trainer, program: dict) -> list[Panel]:
    """The drawings with canvases where the browser paints the boundary and the tiles: the same for a whole run."""
    panels = [boundary_panel(trainer, None, program["steps"]), network_panel(trainer, None, True, program)]
    return [replace(panel, painted=True) for panel in panels if panel is not None]


def boundary_panel(trainer: Trainer, grid, steps: int = 0) -> Panel:
    """The boundary behind the training (white rim) and test (dark rim) points, with its legend.

    `grid` None: a `steps` x `steps` canvas for the browser to paint.
    """
    data = trainer.data
    points = [(x[:MAX_POINTS].numpy(), y[:MAX_POINTS].numpy(), is_test)
              for x, y, is_test in ((data.train_x, data.train_y, False), (data.test_x, data.test_y, True))]
    classes = len(data.class_names)
    low, high = input_range(data) if grid is None else (grid.xs[0].item(), grid.xs[-1].item())
    probability = None if grid is None else grid.probability.numpy()
    drawing = boundary_svg(probability, low, high, points, classes, steps)
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


def network_panel(trainer: Trainer, grid, live: bool, program: dict | None = None) -> Panel | None:
    """The network with a heatmap per unit and a curve per weight; None for a model without Linear layers.

    `grid` None: the tiles are canvases for the browser to paint from `program`, the curves its to colour.
    """
    sizes, links = network_links(trainer.model)
    if not sizes:
        return None
    classes = len(trainer.data.class_names)
    columns = unit_outputs(grid, sizes, classes) if grid is not None else painted_columns(sizes, program, classes)
    labels = [t("train.net_input"), *(t("train.net_units", units=size) for size in sizes[1:-1]), t("train.net_output")]
    note = ""
    if len(links) > MAX_LINKS:  # too many curves to read: the first units' heatmaps, without the weights
        note = f'<div>{escape(t("train.network_too_big", links=len(links), units=SHOWN_UNITS))}</div>'
        sizes, links = [min(size, SHOWN_UNITS) for size in sizes], []
        columns = [units if units is None or isinstance(units, str) else units[:SHOWN_UNITS] for units in columns]
    strips = [input_strip() if sizes[0] == 2 else None]
    strips += [units if units is None or isinstance(units, str) else column_strip(units) for units in columns]
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


def painted_columns(sizes: list[int], program: dict, classes: int) -> list[str | None]:
    """`unit_outputs`' columns as canvas names for the browser to paint (BROWSER_PAINTS), None where unknown."""
    hidden = [f"{BROWSER_PAINTS}hidden{index}" if program["hidden"] else None for index in range(len(sizes) - 2)]
    output = f"{BROWSER_PAINTS}output" if classes == 2 and sizes[-1] in (1, 2) else None
    return [*hidden, output]
