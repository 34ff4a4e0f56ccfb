"""Views for the Layers page: the minibatch, the shape at each step, a layer's output (before and after an
activation) as heatmaps, statistics and histograms from forward hooks, and the softmax of the logits."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
import torch
from plotly.subplots import make_subplots

from engine import ModelSpec
from engine.data.sample_images import FASHION_CLASSES, fashion_test_set
from engine.inside.layers import LayerStep, Walkthrough
from ui.language import t

MARGIN = {"t": 40, "b": 10, "l": 10, "r": 10}
# The seeds' plt.imshow(img, cmap="gray"), as the Data page draws it: 0.0 black, 1.0 white, linear in between.
GRAY = ((0.0, "rgb(0, 0, 0)"), (1.0, "rgb(255, 255, 255)"))
SHOWN = 8  # pictures and probability panels drawn side by side; a bigger minibatch shows its first 8
MAX_HEATMAP_ROWS_HEIGHT = 900  # a batch of 64 still fits a screen or two: rows get thinner


@st.cache_resource(show_spinner=False)
def shared_fashion_test_set():
    """The FashionMNIST test images, read once per server process and shared read-only (or None)."""
    return fashion_test_set()


def takes_fashion_images(spec: ModelSpec) -> bool:
    """Whether the network takes a 28 x 28 image (784 values), so real FashionMNIST pictures fit it."""
    return math.prod(spec.input_shape) == 28 * 28


def class_names(walk: Walkthrough) -> list[str]:
    """FashionMNIST's class names in the session's language for a 784-pixel, 10-class model; else class 0, 1, ..."""
    classes = walk.logits.shape[1]
    if classes == len(FASHION_CLASSES) and walk.input[0].numel() == 28 * 28:
        return [t(f"layers.class_{i}") for i in range(classes)]
    return [t("layers.class_n", n=i) for i in range(classes)]


def images_figure(images: torch.Tensor, captions: list[str]) -> go.Figure | None:
    """The minibatch as grayscale pictures (the first SHOWN), when each example is a 2-D image; else None."""
    images, captions = images[:SHOWN], captions[:SHOWN]  # one row of pictures stays readable
    pictures = images.reshape(len(images), *images.shape[-2:]) if images.dim() >= 3 else None
    if pictures is None or images[0].numel() != pictures[0].numel() or min(pictures.shape[1:]) < 4:
        return None
    figure = make_subplots(rows=1, cols=len(pictures), subplot_titles=captions, horizontal_spacing=0.03)
    for i, picture in enumerate(pictures):
        figure.add_trace(go.Heatmap(z=picture.tolist(), colorscale=GRAY, zmin=0, zmax=1, showscale=False,
                                    hovertemplate="row %{y}, col %{x}: %{z:.3f}<extra></extra>"), row=1, col=i + 1)
        figure.update_yaxes(autorange="reversed", scaleanchor=f"x{i + 1 if i else ''}", showticklabels=False,
                            row=1, col=i + 1)
        figure.update_xaxes(showticklabels=False, row=1, col=i + 1)
    figure.update_layout(height=260, margin=MARGIN)
    return figure


def shape_flow(walk: Walkthrough) -> str:
    """`[3, 28, 28] → Flatten → [3, 784] → Linear → [3, 20] ...` as Markdown."""
    parts = [f"`{list(walk.input.shape)}`"]
    for step in walk.steps:
        parts.append(f"**{step.kind}** → `{list(step.output_shape)}`")
    return " → ".join(parts)


def heatmap(tensor: torch.Tensor, title: str, zmid: float | None = 0.0) -> go.Figure:
    """One row per image, one column per value (flattened), with the value on hover."""
    rows = tensor.reshape(len(tensor), -1)
    figure = go.Figure(go.Heatmap(z=rows.tolist(), y=[t("layers.image_n", n=i) for i in range(len(rows))],
                                  colorscale="RdBu_r", zmid=zmid,
                                  hovertemplate="%{y}, [%{x}]: %{z:.4f}<extra></extra>"))
    figure.update_yaxes(autorange="reversed")
    figure.update_layout(title=title, height=110 + min(45 * len(rows), MAX_HEATMAP_ROWS_HEIGHT), margin=MARGIN)
    return figure


def render_step(step: LayerStep, is_activation: bool) -> None:
    """A step's code, shapes, output heatmap, and for an activation its input beside it and what it zeroed."""
    st.code(f"{step.code}  # {list(step.input_shape)} -> {list(step.output_shape)}", language="python")
    if is_activation and step.input_shape == step.output_shape:
        low = min(step.input.min().item(), step.output.min().item())
        high = max(step.input.max().item(), step.output.max().item())
        for tensor, key in ((step.input, "layers.before"), (step.output, "layers.after")):
            figure = heatmap(tensor, t(key, kind=step.kind))
            figure.update_traces(zmin=low, zmax=high)
            st.plotly_chart(figure, key=f"layers_{key}")
        st.metric(t("layers.zeroed", kind=step.kind), f"{step.zeroed} / {step.output.numel()}")
    else:
        st.plotly_chart(heatmap(step.output, t("layers.output", kind=step.kind)), key="layers_output")


def histograms_figure(walk: Walkthrough, chosen: LayerStep) -> go.Figure:
    """Every step's output histogram (from the forward hooks) in a grid; the chosen step in red."""
    columns = min(3, len(walk.steps))
    rows = -(-len(walk.steps) // columns)
    titles = [f"{i + 1} · {step.path}: {step.kind}" for i, step in enumerate(walk.steps)]
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=titles, vertical_spacing=0.5 / rows,
                           horizontal_spacing=0.05)
    for i, step in enumerate(walk.steps):
        edges = step.stats.edges
        figure.add_trace(go.Bar(x=[(a + b) / 2 for a, b in zip(edges, edges[1:])], y=step.stats.counts,
                                width=[b - a for a, b in zip(edges, edges[1:])], showlegend=False,
                                marker_color="#d62728" if step is chosen else "#1f77b4",
                                hovertemplate=t("layers.hover_bin") + "<extra></extra>"),
                         row=i // columns + 1, col=i % columns + 1)
    figure.update_layout(height=60 + 220 * rows, margin=MARGIN)
    return figure


def stats_table(walk: Walkthrough) -> pd.DataFrame:
    """Every step's output statistics, one row per module call."""
    rows = [(i + 1, s.path, s.kind, str(list(s.output_shape)), s.stats.mean, s.stats.std, s.stats.min, s.stats.max,
             100 * s.stats.zero_fraction) for i, s in enumerate(walk.steps)]
    columns = ["#", t("layers.col_path"), t("layers.col_kind"), t("layers.col_shape"), t("layers.col_mean"),
               t("layers.col_std"), t("layers.col_min"), t("layers.col_max"), t("layers.col_zeros")]
    return pd.DataFrame(rows, columns=columns).round(4)


def probabilities_figure(walk: Walkthrough, names: list[str], truth: list[int] | None) -> go.Figure:
    """`nn.Softmax(dim=1)(logits)` as bars, one panel per image (the first SHOWN), the predicted class highlighted."""
    count = min(len(walk.probabilities), SHOWN)
    titles = []
    for i, predicted in enumerate(walk.predicted[:count]):
        title = t("layers.predicted", n=i, name=names[predicted])
        titles.append(title + (t("layers.truth", name=names[truth[i]]) if truth else ""))
    figure = make_subplots(rows=1, cols=count, subplot_titles=titles, shared_yaxes=True, horizontal_spacing=0.03)
    for i, row in enumerate(walk.probabilities[:count].tolist()):
        colours = ["#d62728" if c == walk.predicted[i] else "#9ecae1" for c in range(len(row))]
        figure.add_trace(go.Bar(x=names, y=row, marker_color=colours, showlegend=False,
                                hovertemplate="%{x}: %{y:.4f}<extra></extra>"), row=1, col=i + 1)
    figure.update_yaxes(range=[0, min(1.0, math.ceil(walk.probabilities.max().item() * 11) / 10)])
    figure.update_layout(height=340, margin={**MARGIN, "b": 80})
    return figure
