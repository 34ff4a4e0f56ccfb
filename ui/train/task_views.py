"""What a trained model does, per kind of data: images, 2-D points, or seed 001's temperatures."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st
import torch

from engine import PRESETS
from engine.training import Trainer
from engine.training.analysis import (
    confusion_matrix,
    first_linear_gradient,
    fitted_curve,
    measured_outputs,
    measurements,
    predict,
)
from engine.training.recommended import recommended_config
from ui.data.state import class_label
from ui.language import t
from ui.plots import show_plot
from ui.train.playground_views import render_two_d_views

SAMPLES = 6
_MARGIN = {"l": 10, "r": 10, "t": 30, "b": 10}


def render_task_views(trainer: Trainer, live: bool = False) -> None:
    """The views that fit the trainer's data: images, 2-D inputs, or one input to one output.

    `live` (while a worker trains): the 2-D views repaint at every poll (ui/train/playground_views.py).
    """
    data = trainer.data
    if data.task == "classification" and len(data.input_shape) == 3:
        _image_views(trainer)
    elif data.task == "classification" and data.input_shape == (2,):
        render_two_d_views(trainer, live)
    elif data.name == "temperature":  # its Fahrenheit axis and 0.1 scaling are seed 001's, not any 1-D set's
        _temperature_views(trainer)


def _image_views(trainer: Trainer) -> None:
    data, loss = trainer.data, trainer.config.loss
    names = [class_label(name) for name in data.class_names]  # in the session's language
    matrix, samples, wrong = st.tabs([t("train.tab_confusion"), t("train.tab_samples"), t("train.tab_misclassified")])
    counts = confusion_matrix(trainer.model, data, loss)
    with matrix:
        figure = go.Figure(go.Heatmap(z=counts.numpy(), x=names, y=names,
                                      colorscale="Blues", texttemplate="%{z}"))
        figure.update_layout(height=480, margin=_MARGIN, xaxis_title=t("train.predicted"), yaxis_title=t("train.truth"),
                             yaxis={"autorange": "reversed"})
        show_plot(figure, "train_confusion", "confusion", width="stretch")
    probabilities = predict(trainer.model, data, data.test_x[:1000], loss)
    with samples:
        for column, index in zip(st.columns(SAMPLES), range(SAMPLES)):
            with column:
                _image(data.test_x[index], t("train.truth_is", name=names[data.test_y[index]]))
                bars = go.Figure(go.Bar(x=probabilities[index].numpy(), y=names, orientation="h"))
                bars.update_layout(height=260, margin=_MARGIN, xaxis={"range": [0, 1]}, title=t("train.softmax"))
                st.plotly_chart(bars, key=f"train_softmax_{index}", width="stretch")
    with wrong:
        predicted = probabilities.argmax(1)
        misses = (predicted != data.test_y[:1000].cpu()).nonzero()[:, 0][:12].tolist()
        if not misses:
            st.success(t("train.no_misses"))
        for column, index in zip(st.columns(6) * 2, misses):
            with column:
                _image(data.test_x[index], t("train.miss", truth=names[data.test_y[index]],
                                             predicted=names[predicted[index]]))


def _image(x: torch.Tensor, caption: str) -> None:
    pixels = x[0].cpu()  # (28, 28), the first channel
    if pixels.dtype != torch.uint8:  # float images in 0..1
        pixels = (pixels.float().clamp(0, 1) * 255).to(torch.uint8)
    st.image(pixels.numpy(), caption=caption, width=112)


@st.cache_data(show_spinner=False, max_entries=8)
def _reference_curve(preset: str, seed: int) -> tuple[list[float], list[float]]:
    """The other temperature model (linear or Tanh) trained with its recommended settings: a curve only."""
    from engine.training import Trainer as _Trainer
    from ui.train.settings import shared_data
    config = recommended_config(preset)
    reference = _Trainer(PRESETS[preset], shared_data(config.data, "{}"), config)
    reference.run()
    xs, ys = fitted_curve(reference.model, reference.data)
    return xs.tolist(), ys.tolist()


def _temperature_views(trainer: Trainer) -> None:
    xs, ys = fitted_curve(trainer.model, trainer.data)
    (train_f, train_c), (test_f, test_c) = measurements(trainer.data)
    figure = go.Figure()
    figure.add_scatter(x=train_f.numpy(), y=train_c.numpy(), mode="markers", name=t("train.train_points"),
                       marker={"size": 9})
    figure.add_scatter(x=test_f.numpy(), y=test_c.numpy(), mode="markers", name=t("train.test_points"),
                       marker={"size": 11, "symbol": "diamond-open"})  # x is kept for the model's marks below
    figure.add_scatter(x=xs.numpy(), y=ys.numpy(), mode="lines", name=t("train.this_model"))
    marked_f, marked_c = measured_outputs(trainer.model, trainer.data)  # the seed's 'kx': an x at each reading
    figure.add_scatter(x=marked_f.numpy(), y=marked_c.numpy(), mode="markers", name=t("train.model_at_readings"),
                       marker={"size": 9, "symbol": "x"})
    linear = sum(1 for layer in trainer.spec.layers if layer.kind == "Linear") == 1
    other = "temperature_tanh" if linear else "temperature_linear"
    ref_x, ref_y = _reference_curve(other, trainer.config.seed)
    figure.add_scatter(x=ref_x, y=ref_y, mode="lines", line={"dash": "dot"},
                       name=t("train.reference_model", preset=t(f"preset.{other}")))
    figure.update_layout(height=420, margin=_MARGIN, title=t("train.fitted_curve"), xaxis_title=t("train.fahrenheit"),
                         yaxis_title=t("train.celsius"), legend={"orientation": "h", "y": -0.2})
    show_plot(figure, "train_temperature", "temperature", width="stretch")
    gradient = first_linear_gradient(trainer.model)
    if gradient is not None and trainer.epoch > 0:
        st.markdown(t("train.gradient_intro"))
        st.code(f"hidden {np.array2string(gradient.numpy(), precision=4)}", language="text")
