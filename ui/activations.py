"""Views for the Activations page: curves with their autograd derivatives, shaded where each function is
sensitive or saturated, and softmax with a temperature on an editable logits vector."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from engine import LAYERS
from engine.inside.activations import Curve, SoftmaxView
from ui.widgets import number_box

SENSITIVE_COLOUR = "rgba(46, 160, 67, 0.15)"
SATURATED_COLOUR = "rgba(214, 39, 40, 0.12)"


def argument_widgets(name: str) -> dict:
    """Number inputs for an activation's constructor arguments (LeakyReLU's negative_slope, ...)."""
    args = {}
    for arg in LAYERS[name].args:
        args[arg.name] = number_box(f"{name}({arg.name}=…)", float(arg.low), float(arg.high), float(arg.default),
                                    step=0.01, key=f"act_arg_{name}_{arg.name}")
    return args


def batch_code(curves: list[Curve], args: dict[str, dict], shapes: list) -> str:
    """Seed 002's cells 12-14 for each plotted activation, with the `out.shape` this torch printed."""
    cells = []
    for curve, shape in zip(curves, shapes, strict=True):
        arguments = ", ".join(f"{key}={value!r}" for key, value in args.get(curve.name, {}).items())
        cells.append(f"act_fn = torch.nn.{curve.name}({arguments})\nout = act_fn(x)\nout.shape  # {shape}")
    return "x = torch.rand(8, 128)\n\n" + "\n\n".join(cells)


def _shade(figure: go.Figure, curve: Curve, rows: tuple[int, ...], col: int = 1) -> None:
    for colour, spans in ((SENSITIVE_COLOUR, curve.sensitive), (SATURATED_COLOUR, curve.saturated)):
        for left, right in spans:
            for row in rows:
                figure.add_vrect(x0=left, x1=right, fillcolor=colour, line_width=0, layer="below", row=row, col=col)


def overlaid_figure(curves: list[Curve], focus: Curve | None, labels: tuple[str, str]) -> go.Figure:
    """f(x) above and f'(x) below for every curve; the `focus` curve's ranges shaded."""
    figure = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08, subplot_titles=labels)
    for number, curve in enumerate(curves):
        colour = _palette(number)
        x = curve.x.numpy()
        figure.add_trace(go.Scatter(x=x, y=curve.y.numpy(), name=curve.name, legendgroup=curve.name,
                                    line={"color": colour}), row=1, col=1)
        figure.add_trace(go.Scatter(x=x, y=curve.slope.numpy(), name=f"{curve.name}'", legendgroup=curve.name,
                                    line={"color": colour, "dash": "dot"}, showlegend=False), row=2, col=1)
    if focus is not None:
        _shade(figure, focus, (1, 2))
    figure.update_layout(height=560, margin={"t": 40, "b": 10, "l": 10, "r": 10}, hovermode="x unified")
    return figure


def side_by_side_figure(curves: list[Curve], labels: tuple[str, str]) -> go.Figure:
    """One small panel per activation: f(x) solid, f'(x) dotted, each with its own shading."""
    columns = min(3, len(curves))
    rows = -(-len(curves) // columns)
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=[c.name for c in curves],
                           vertical_spacing=0.12, horizontal_spacing=0.06)
    for number, curve in enumerate(curves):
        row, col = number // columns + 1, number % columns + 1
        first = number == 0
        x = curve.x.numpy()
        figure.add_trace(go.Scatter(x=x, y=curve.y.numpy(), name=labels[0], legendgroup="f", showlegend=first,
                                    line={"color": _palette(0)}), row=row, col=col)
        figure.add_trace(go.Scatter(x=x, y=curve.slope.numpy(), name=labels[1], legendgroup="d", showlegend=first,
                                    line={"color": _palette(1), "dash": "dot"}), row=row, col=col)
        _shade(figure, curve, (row,), col)
    figure.update_layout(height=280 * rows, margin={"t": 40, "b": 10, "l": 10, "r": 10})
    return figure


def _palette(number: int) -> str:
    colours = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf", "#393b79")
    return colours[number % len(colours)]


def _spans(spans: tuple[tuple[float, float], ...]) -> str:
    return ", ".join(f"[{left:.2f}, {right:.2f}]" for left, right in spans) or "—"


def ranges_table(curves: list[Curve], columns: tuple[str, str, str, str]) -> pd.DataFrame:
    """Per activation: the steepest slope, and its sensitive and saturated intervals."""
    return pd.DataFrame([(c.name, round(c.peak_slope, 4), _spans(c.sensitive), _spans(c.saturated)) for c in curves],
                        columns=list(columns))


def softmax_figure(view: SoftmaxView, labels: tuple[str, str], show_log: bool) -> go.Figure:
    """Logits and the probabilities softmax makes of them (log-probabilities too, on request)."""
    names = [f"z{i}" for i in range(len(view.logits))]
    panels = 3 if show_log else 2
    figure = make_subplots(rows=1, cols=panels, subplot_titles=[*labels, "LogSoftmax"][:panels])
    figure.add_trace(go.Bar(x=names, y=view.logits.numpy(), marker_color="#7f7f7f", showlegend=False), row=1, col=1)
    figure.add_trace(go.Bar(x=names, y=view.probabilities.numpy(), marker_color="#1f77b4", showlegend=False,
                            text=[f"{p:.3f}" for p in view.probabilities.tolist()], textposition="outside"),
                     row=1, col=2)
    figure.update_yaxes(range=[0, 1.1], row=1, col=2)
    if show_log:
        figure.add_trace(go.Bar(x=names, y=view.log_probabilities.numpy(), marker_color="#9467bd", showlegend=False),
                         row=1, col=3)
    figure.update_layout(height=320, margin={"t": 40, "b": 10, "l": 10, "r": 10})
    return figure


def jacobian_figure(view: SoftmaxView) -> go.Figure:
    """d p_i / d z_j from torch.autograd.functional.jacobian, as a heatmap with values on hover."""
    names = [f"z{i}" for i in range(len(view.logits))]
    figure = go.Figure(go.Heatmap(z=view.jacobian.tolist(), x=names, y=[f"p{i}" for i in range(len(names))],
                                  colorscale="RdBu", zmid=0, texttemplate="%{z:.3f}"))
    figure.update_yaxes(autorange="reversed")
    figure.update_layout(height=80 + 40 * len(names), margin={"t": 10, "b": 10, "l": 10, "r": 10})
    return figure
