"""What a trained model does, per kind of data: images, 2-D points, or seed 001's temperatures."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st
import torch

from engine import PRESETS
from engine.training import Trainer
from engine.training.analysis import (
    GridCache,
    confusion_matrix,
    decision_grid,
    first_linear_gradient,
    fitted_curve,
    network_links,
    predict,
)
from engine.training.recommended import recommended_config
from ui.i18n import t

SAMPLES = 6
NEURON_PIXELS = 20  # per side of each neuron's small heatmap, as in TF Playground
MAX_LINKS = 400  # the network drawing stays readable (and quick) up to this many weights
_MARGIN = {"l": 10, "r": 10, "t": 30, "b": 10}


def render_task_views(trainer: Trainer, live: bool = False) -> None:
    """The views that fit the trainer's data: images, 2-D inputs, or one input to one output.

    `live` (while a worker trains): the 2-D views repaint from a grid computed only when the weights changed.
    """
    data = trainer.data
    if data.task == "classification" and len(data.input_shape) == 3:
        _image_views(trainer)
    elif data.task == "classification" and data.input_shape == (2,):
        _two_d_views(trainer, live)
    elif data.task == "regression" and data.input_shape == (1,):
        _temperature_views(trainer)


def _image_views(trainer: Trainer) -> None:
    data, loss = trainer.data, trainer.config.loss
    matrix, samples, wrong = st.tabs([t("train.tab_confusion"), t("train.tab_samples"), t("train.tab_misclassified")])
    counts = confusion_matrix(trainer.model, data, loss)
    with matrix:
        figure = go.Figure(go.Heatmap(z=counts.numpy(), x=list(data.class_names), y=list(data.class_names),
                                      colorscale="Blues", texttemplate="%{z}"))
        figure.update_layout(height=480, margin=_MARGIN, xaxis_title=t("train.predicted"), yaxis_title=t("train.truth"),
                             yaxis={"autorange": "reversed"})
        st.plotly_chart(figure, key="train_confusion", width="stretch")
    probabilities = predict(trainer.model, data, data.test_x[:1000], loss)
    with samples:
        for column, index in zip(st.columns(SAMPLES), range(SAMPLES)):
            with column:
                _image(data.test_x[index], t("train.truth_is", name=data.class_names[data.test_y[index]]))
                bars = go.Figure(go.Bar(x=probabilities[index].numpy(), y=list(data.class_names), orientation="h"))
                bars.update_layout(height=260, margin=_MARGIN, xaxis={"range": [0, 1]}, title=t("train.softmax"))
                st.plotly_chart(bars, key=f"train_softmax_{index}", width="stretch")
    with wrong:
        predicted = probabilities.argmax(1)
        misses = (predicted != data.test_y[:1000].cpu()).nonzero()[:, 0][:12].tolist()
        if not misses:
            st.success(t("train.no_misses"))
        for column, index in zip(st.columns(6) * 2, misses):
            with column:
                _image(data.test_x[index], t("train.miss", truth=data.class_names[data.test_y[index]],
                                             predicted=data.class_names[predicted[index]]))


def _image(x: torch.Tensor, caption: str) -> None:
    pixels = x[0].cpu()  # (28, 28), the first channel
    if pixels.dtype != torch.uint8:  # float images in 0..1
        pixels = (pixels.float().clamp(0, 1) * 255).to(torch.uint8)
    st.image(pixels.numpy(), caption=caption, width=112)


def _two_d_views(trainer: Trainer, live: bool) -> None:
    # TF Playground's views, live: one 100x100 pass for the boundary and every neuron, cached per weights.
    cache = st.session_state.setdefault("train_grid_cache", GridCache())
    grid = cache.get(trainer) if live else decision_grid(trainer.model, trainer.spec, trainer.data,
                                                         trainer.config.loss, cache.steps)
    boundary, network = st.columns([3, 2])
    with boundary:
        st.plotly_chart(_boundary_figure(trainer, grid), key="train_boundary", width="stretch")
    with network:
        st.plotly_chart(_network_figure(trainer), key="train_network", width="stretch")
    if grid.hidden:
        st.plotly_chart(_neuron_figure(grid), key="train_neurons", width="stretch")


def _boundary_figure(trainer: Trainer, grid) -> go.Figure:
    data = trainer.data
    figure = go.Figure(go.Heatmap(x=grid.xs.numpy(), y=grid.ys.numpy(), z=grid.probability.numpy(),
                                  colorscale="RdBu", zmin=0, zmax=max(1, len(data.class_names) - 1), opacity=0.75,
                                  showscale=False))
    for split, (x, y), symbol in ((t("train.train_points"), (data.train_x, data.train_y), "circle"),
                                  (t("train.test_points"), (data.test_x, data.test_y), "circle-open")):
        figure.add_scatter(x=x[:, 0].numpy(), y=x[:, 1].numpy(), mode="markers", name=split,
                           marker={"color": y.numpy(), "colorscale": "RdBu", "symbol": symbol, "size": 6,
                                   "line": {"width": 1, "color": "black"}})
    figure.update_layout(height=420, margin=_MARGIN, title=t("train.boundary"), legend={"orientation": "h", "y": -0.1},
                         yaxis={"scaleanchor": "x"})
    return figure


def _neuron_figure(grid) -> go.Figure:
    """Every hidden unit's output over the input plane, tiled into one heatmap (one row per layer)."""
    stride = max(1, len(grid.xs) // NEURON_PIXELS)  # small tiles: a 20x20 view of the 100x100 pass
    steps = len(grid.xs[::stride])
    rows = []
    for _path, units in grid.hidden:
        tiles = [torch.cat([unit[::stride, ::stride], torch.full((steps, 4), float("nan"))], 1) for unit in units[:8]]
        rows.append(torch.cat(tiles, 1))
    width = max(row.shape[1] for row in rows)
    padded = [torch.cat([row, torch.full((steps, width - row.shape[1]), float("nan"))], 1) for row in rows]
    gap = torch.full((4, width), float("nan"))
    image = torch.cat([part for row in padded for part in (row, gap)][:-1])
    figure = go.Figure(go.Heatmap(z=image.numpy(), colorscale="RdBu", zmin=-1, zmax=1, showscale=False,
                                  hoverinfo="skip"))
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False, scaleanchor="x")
    labels = " · ".join(path for path, _ in grid.hidden)
    figure.update_layout(height=120 * len(rows) + 60, margin=_MARGIN, title=f"{t('train.neurons')} ({labels})")
    return figure


def _network_figure(trainer: Trainer) -> go.Figure:
    sizes, links = network_links(trainer.model)
    figure = go.Figure()
    if len(links) > MAX_LINKS:
        figure.add_annotation(text=t("train.network_too_big", links=len(links)), showarrow=False)
        return figure

    def position(layer: int, unit: int) -> tuple[float, float]:
        return layer, unit - (sizes[layer] - 1) / 2

    biggest = max((abs(link.weight) for link in links), default=1.0) or 1.0
    buckets: dict[tuple[bool, int], tuple[list, list]] = {}  # (positive, width step) -> one trace: few traces draw fast
    for link in links:
        (x0, y0), (x1, y1) = position(link.layer, link.source), position(link.layer + 1, link.target)
        xs, ys = buckets.setdefault((link.weight > 0, round(5 * abs(link.weight) / biggest)), ([], []))
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    for (positive, step), (xs, ys) in buckets.items():
        figure.add_scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                           line={"width": 0.5 + step, "color": "#f59322" if positive else "#0877bd"})
    xs = [layer for layer, size in enumerate(sizes) for _ in range(size)]
    ys = [position(layer, unit)[1] for layer, size in enumerate(sizes) for unit in range(size)]
    figure.add_scatter(x=xs, y=ys, mode="markers", showlegend=False, hoverinfo="skip",
                       marker={"size": 16, "color": "white", "line": {"width": 2, "color": "#444"}})
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    figure.update_layout(height=420, margin=_MARGIN, title=t("train.network"))
    return figure


@st.cache_data(show_spinner=False, max_entries=8)
def _reference_curve(preset: str, seed: int) -> tuple[list[float], list[float]]:
    """The other temperature model (linear or Tanh) trained with its recommended settings: a curve only."""
    from engine.training import Trainer as _Trainer
    from ui.train_settings import shared_data
    config = recommended_config(preset)
    reference = _Trainer(PRESETS[preset], shared_data(config.data, "{}"), config)
    reference.run()
    xs, ys = fitted_curve(reference.model, reference.data)
    return xs.tolist(), ys.tolist()


def _temperature_views(trainer: Trainer) -> None:
    data = trainer.data
    xs, ys = fitted_curve(trainer.model, data)
    figure = go.Figure()
    figure.add_scatter(x=data.train_x[:, 0].numpy(), y=data.train_y[:, 0].numpy(), mode="markers",
                       name=t("train.train_points"), marker={"size": 9})
    figure.add_scatter(x=data.test_x[:, 0].numpy(), y=data.test_y[:, 0].numpy(), mode="markers",
                       name=t("train.test_points"), marker={"size": 11, "symbol": "x"})
    figure.add_scatter(x=xs.numpy(), y=ys.numpy(), mode="lines", name=t("train.this_model"))
    linear = sum(1 for layer in trainer.spec.layers if layer.kind == "Linear") == 1
    other = "temperature_tanh" if linear else "temperature_linear"
    ref_x, ref_y = _reference_curve(other, trainer.config.seed)
    figure.add_scatter(x=ref_x, y=ref_y, mode="lines", line={"dash": "dot"},
                       name=t("train.reference_model", preset=other))
    figure.update_layout(height=420, margin=_MARGIN, title=t("train.fitted_curve"), xaxis_title="Fahrenheit",
                         yaxis_title="Celsius", legend={"orientation": "h", "y": -0.2})
    st.plotly_chart(figure, key="train_temperature", width="stretch")
    gradient = first_linear_gradient(trainer.model)
    if gradient is not None and trainer.epoch > 0:
        st.markdown(t("train.gradient_intro"))
        st.code(f"hidden {np.array2string(gradient.numpy(), precision=4)}", language="text")
