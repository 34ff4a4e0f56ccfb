"""Plotly figures of the CNN section: a small grid of numbers, a map with a window outlined, the size grid."""

from __future__ import annotations

import plotly.graph_objects as go
import torch

from engine.inside.conv_sizes import SizePlan

MARGIN = {"t": 36, "b": 6, "l": 6, "r": 6}
COLOURS = "RdBu_r"  # red positive, blue negative, white zero: the numbers stay readable on it
HIGHLIGHT = "#00a650"  # green: stands out on both the red and the blue of COLOURS


def numbers_figure(values: torch.Tensor, title: str, marked: tuple[int, int] | None = None,
                   digits: int = 2, height: int = 230) -> go.Figure:
    """A small (rows, cols) grid with each value written in its cell; `marked` outlined (a kept max)."""
    grid = values.detach().cpu().double()
    finite = grid[torch.isfinite(grid)]
    scale = max(float(finite.abs().max()) if finite.numel() else 1.0, 1e-12)
    text = [[f"{v:.{digits}f}" if abs(v) != float("inf") else "pad" for v in row] for row in grid.tolist()]
    shown = torch.where(torch.isfinite(grid), grid, torch.zeros_like(grid))
    figure = go.Figure(go.Heatmap(z=shown.tolist(), text=text, texttemplate="%{text}", colorscale=COLOURS,
                                  zmin=-scale, zmax=scale, showscale=False, xgap=2, ygap=2,
                                  hovertemplate="[%{y}, %{x}] %{text}<extra></extra>"))
    if marked is not None:
        figure.add_shape(type="rect", x0=marked[1] - 0.5, x1=marked[1] + 0.5, y0=marked[0] - 0.5, y1=marked[0] + 0.5,
                         line={"color": HIGHLIGHT, "width": 4})
    _square(figure, title, height)
    return figure


def map_figure(values: torch.Tensor, title: str, window: tuple[int, int, int, int] | None = None,
               marks: list[tuple[int, int]] | None = None, height: int = 300) -> go.Figure:
    """A feature map with hover values; `window` (top, left, height, width) outlined, `marks` as crosses."""
    grid = values.detach().cpu().double()
    scale = max(float(grid.abs().max()), 1e-12)
    figure = go.Figure(go.Heatmap(z=grid.tolist(), colorscale=COLOURS, zmin=-scale, zmax=scale, showscale=False,
                                  hovertemplate="[%{y}, %{x}] %{z:.3f}<extra></extra>"))
    if window is not None:
        top, left, rows, cols = window
        figure.add_shape(type="rect", x0=left - 0.5, x1=left + cols - 0.5, y0=top - 0.5, y1=top + rows - 0.5,
                         line={"color": HIGHLIGHT, "width": 3})
    if marks:
        figure.add_trace(go.Scatter(x=[c for _, c in marks], y=[r for r, _ in marks], mode="markers",
                                    marker={"symbol": "x-thin", "size": 7, "line": {"width": 2, "color": "#222"}},
                                    hoverinfo="skip", showlegend=False))
    _square(figure, title, height)
    return figure


def size_figure(plan: SizePlan, chosen: int, title: str, input_label: str, padding_label: str,
                unused_label: str) -> go.Figure:
    """The padded input as a grid (padding and unused cells shaded), every window's centre dotted, and the
    window of output position (chosen, chosen) outlined (the same sizes across and down)."""
    side = plan.padded
    kinds = [[min(_cell_kind(plan, r), _cell_kind(plan, c)) for c in range(side)] for r in range(side)]
    figure = go.Figure(go.Heatmap(z=kinds, zmin=0, zmax=2, xgap=1, ygap=1, showscale=False, hoverinfo="skip",
                                  colorscale=[(0, "#f1f1f1"), (0.34, "#f1f1f1"), (0.34, "#d9d9d9"), (0.67, "#d9d9d9"),
                                              (0.67, "#9ecae1"), (1, "#9ecae1")]))
    centre = (plan.kernel - 1) / 2
    figure.add_trace(go.Scatter(x=[s + centre for s in plan.starts for _ in plan.starts],
                                y=[s + centre for _ in plan.starts for s in plan.starts], mode="markers",
                                marker={"size": 6, "color": "#333"}, hoverinfo="skip", showlegend=False))
    start = plan.starts[chosen]
    figure.add_shape(type="rect", x0=start - 0.5, x1=start + plan.kernel - 0.5, y0=start - 0.5,
                     y1=start + plan.kernel - 0.5, line={"color": HIGHLIGHT, "width": 3})
    for colour, label in (("#9ecae1", input_label), ("#d9d9d9", padding_label), ("#f1f1f1", unused_label)):
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=label,
                                    marker={"symbol": "square", "size": 12, "color": colour}))
    _square(figure, title, 460)
    figure.update_layout(legend={"orientation": "h", "y": -0.02})
    return figure


def _cell_kind(plan: SizePlan, index: int) -> int:
    # 2: an input cell, 1: padding, 0: past the last window; a grid cell takes the smaller of its row's and column's
    if index >= plan.padded - plan.unused:
        return 0
    return 2 if plan.padding <= index < plan.padding + plan.size else 1


def _square(figure: go.Figure, title: str, height: int) -> None:
    figure.update_yaxes(autorange="reversed", scaleanchor="x", showticklabels=False, showgrid=False, zeroline=False)
    figure.update_xaxes(showticklabels=False, showgrid=False, zeroline=False)
    figure.update_layout(title={"text": title, "font": {"size": 14}}, height=height, margin=MARGIN,
                         plot_bgcolor="rgba(0,0,0,0)")
