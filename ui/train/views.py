"""The Train page's live views: progress, loss and accuracy curves, and the epoch table.

They only read a Trainer (which a worker thread may be advancing); copies of its lists are taken
first, so a half-appended epoch is never drawn.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from engine.training import Trainer
from i18n import translate
from ui.language import current_language, error_text, t
from ui.lazy import expander_when_open
from ui.plots import DrawnFigure, show_plot
from ui.train.live_curves import BATCH_COLOUR, TEST_COLOUR, TRAIN_COLOUR, Line, chart_panel
from ui.train.live_panels import drawn_once, render_panels
from ui.train.playground_svg import Panel
from ui.train.printout import render_printout

MAX_POINTS = 400  # batch losses drawn per curve; more only slows the browser
MAX_MARKERS = 50  # epochs up to which each one gets a marker; beyond, markers only blot the line


def render_progress(trainer: Trainer, running: bool) -> None:
    """Progress bar, status line and the latest numbers; a run that blew up says so once it stops."""
    lang = current_language()
    st.progress(trainer.progress, text=progress_text(trainer, running, lang))
    for column, (label, value) in zip(st.columns(4), latest_numbers(trainer, lang)):
        column.metric(label, value)
    if trainer.problem is not None:
        st.warning(error_text(trainer.problem), icon=":material/warning:")


def progress_text(trainer: Trainer, running: bool, lang: str) -> str:
    """The progress bar's line: the run's status, its epoch and batch."""
    blown = not running and trainer.blow_up is not None
    status = translate("train.status_blew_up" if blown else f"train.status_{trainer.status}", lang)
    return translate("train.progress", lang, status=status, epoch=trainer.epoch, epochs=trainer.config.epochs,
                     batch=trainer.batch, batches=trainer.batches_per_epoch)


def latest_numbers(trainer: Trainer, lang: str) -> list[tuple[str, str]]:
    """The last epoch's train loss, test loss and test accuracy, and the seconds trained, as (label, value)."""
    history = trainer.history
    last = history[-1] if history else None
    accuracy = None if last is None else last.test_accuracy
    return [(translate("train.train_loss", lang), "—" if last is None else f"{last.train_loss:.4f}"),
            (translate("train.test_loss", lang), "—" if last is None or last.test_loss is None
             else f"{last.test_loss:.4f}"),
            (translate("train.test_accuracy", lang), "—" if accuracy is None else f"{accuracy:.1f}%"),
            (translate("train.seconds", lang), f"{trainer.seconds:.1f}")]


def thinned(history: list) -> list:
    """At most about MAX_POINTS of the epochs, evenly spread, the last one always included: a curve of
    thousands of epochs draws the same, and thirty students pausing at once each build it in the one server."""
    stride = max(1, len(history) // MAX_POINTS)
    if stride == 1:
        return history
    kept = history[::stride]
    return kept if kept[-1] is history[-1] else [*kept, history[-1]]


def epoch_mode(epochs: int) -> str:
    """How a per-epoch curve is drawn: a marker on each epoch while they are few, else the line alone."""
    return "lines+markers" if epochs <= MAX_MARKERS else "lines"


def loss_figure(trainer: Trainer) -> DrawnFigure:
    """Per-batch training loss (thin) with per-epoch train and test loss (markers while few), x in epochs."""
    losses = list(trainer.batch_losses)
    history = thinned(list(trainer.history))
    stride = max(1, len(losses) // MAX_POINTS)
    per_epoch = trainer.batches_per_epoch
    epochs = np.array([r.epoch for r in history])
    mode = epoch_mode(len(history))
    traces = [_line(np.arange(1, len(losses) + 1, stride) / per_epoch, np.array(losses[::stride]), "lines",
                    "train.batch_loss", {"width": 1, "color": BATCH_COLOUR}),
              _line(epochs, _column(history, "train_loss"), mode, "train.train_loss", {"color": TRAIN_COLOUR})]
    if history and history[0].test_loss is not None:
        traces.append(_line(epochs, _column(history, "test_loss"), mode, "train.test_loss", {"color": TEST_COLOUR}))
    return DrawnFigure(data=traces, layout=_curve_layout("train.loss_curve"))


def accuracy_figure(trainer: Trainer) -> DrawnFigure:
    """Train and test accuracy per epoch, in percent."""
    history = thinned(list(trainer.history))
    epochs = np.array([r.epoch for r in history])
    mode = epoch_mode(len(history))
    traces = [_line(epochs, _column(history, "train_accuracy"), mode, "train.train_accuracy", {"color": TRAIN_COLOUR}),
              _line(epochs, _column(history, "test_accuracy"), mode, "train.test_accuracy", {"color": TEST_COLOUR})]
    return DrawnFigure(data=traces, layout={**_curve_layout("train.accuracy_curve"), "yaxis": {"ticksuffix": "%"}})


# Traces and layout as plain dicts, the figure made from them in one go: the same figure as add_scatter and
# update_layout make, which validate property by property, for a fraction of the work.
def _line(x: np.ndarray, y: np.ndarray, mode: str, name_key: str, line: dict) -> dict:
    return {"type": "scatter", "x": x, "y": y, "mode": mode, "name": t(name_key), "line": line}


def _curve_layout(title_key: str) -> dict:
    return {"height": 300, "margin": {"l": 10, "r": 10, "t": 30, "b": 10}, "title": {"text": t(title_key)},
            "xaxis": {"title": {"text": t("train.epoch")}}, "legend": {"orientation": "h", "y": -0.25}}


def _column(history: list, field: str) -> np.ndarray:
    # Arrays, not lists: plotly checks a list's every number, and thirty students pausing at once each build two
    # figures in the one server process (a None, e.g. no test split, becomes NaN: a gap in the line).
    return np.array([getattr(r, field) for r in history], dtype=float)


def _live_lines(trainer: Trainer, lang: str) -> tuple[list[Line], list[Line]]:
    # Copies first (a worker may be appending), then only the points a chart draws.
    losses, history = list(trainer.batch_losses), thinned(list(trainer.history))
    stride = max(1, len(losses) // MAX_POINTS)
    per_epoch = trainer.batches_per_epoch
    name = {key: translate(f"train.{key}", lang) for key in
            ("batch_loss", "train_loss", "train_accuracy", "test_loss", "test_accuracy")}
    batch = Line(name["batch_loss"], BATCH_COLOUR, [(i + 1) / per_epoch for i in range(0, len(losses), stride)],
                 losses[::stride], 1.0)
    epochs = [r.epoch for r in history]
    loss = [batch, Line(name["train_loss"], TRAIN_COLOUR, epochs, [r.train_loss for r in history])]
    accuracy = [Line(name["train_accuracy"], TRAIN_COLOUR, epochs, [r.train_accuracy for r in history])]
    if history and history[0].test_loss is not None:
        loss.append(Line(name["test_loss"], TEST_COLOUR, epochs, [r.test_loss for r in history]))
        accuracy.append(Line(name["test_accuracy"], TEST_COLOUR, epochs, [r.test_accuracy for r in history]))
    return loss, accuracy


def render_live_curves(trainer: Trainer) -> None:
    """Loss and accuracy side by side as light SVG charts: repainting many times a second costs little."""
    lang = current_language()
    version = (trainer, len(trainer.batch_losses), len(trainer.history), lang)
    panels = drawn_once("train_live_curves", version, lambda: live_curve_panels(trainer, lang))
    render_panels("train_live_curves", panels, live=True)


def live_curve_panels(trainer: Trainer, lang: str) -> list[Panel]:
    """The loss chart, and the accuracy chart for classification, as SVG panels in `lang`. No streamlit here:
    the live feed (ui/train/feed.py) builds them outside a script run too."""
    loss, accuracy = _live_lines(trainer, lang)
    epoch = translate("train.epoch", lang)
    panels = [chart_panel("loss", translate("train.loss_curve", lang), epoch, loss)]
    if trainer.data.task == "classification":
        panels.append(chart_panel("accuracy", translate("train.accuracy_curve", lang), epoch, accuracy, "%"))
    return panels


def render_curves(trainer: Trainer, live: bool = False) -> None:
    """Loss curve, and the accuracy curve beside it for classification; `live`: the light SVG versions."""
    if live:
        render_live_curves(trainer)
        return
    classification = trainer.data.task == "classification"
    version = (trainer, len(trainer.batch_losses), len(trainer.history), current_language())
    loss, accuracy = drawn_once("train_curves", version, lambda: (  # built once per run's state, not per page run
        loss_figure(trainer), accuracy_figure(trainer) if classification else None))
    if classification:
        left, right = st.columns(2)
        show_plot(loss, "train_loss_chart", "loss", left, width="stretch")
        show_plot(accuracy, "train_accuracy_chart", "accuracy", right, width="stretch")
    else:
        show_plot(loss, "train_loss_chart", "loss", width="stretch")


def epoch_table(trainer: Trainer) -> pa.Table:
    """The last 200 epochs as rows, in the page's language, rounded as shown (thousands of tiny epochs, as in
    seed 001, would only slow the page): an Arrow table, which st.dataframe sends without converting."""
    shown = list(trainer.history)[-200:]
    table = pd.DataFrame([r.to_dict() for r in shown]).drop(columns="test_loss_by_batch").rename(columns={
        "epoch": t("train.epoch"), "train_loss": t("train.train_loss"), "train_accuracy": t("train.train_accuracy"),
        "test_loss": t("train.test_loss"), "test_accuracy": t("train.test_accuracy"), "seconds": t("train.seconds")})
    return pa.Table.from_pandas(table.round(4), preserve_index=False)


def render_epoch_table(trainer: Trainer) -> None:
    """Every epoch as a row, and the same numbers as seed 003 prints them."""
    if not trainer.history:
        st.caption(t("train.no_epochs_yet"))
        return
    version = (trainer, len(trainer.history), current_language())
    table = drawn_once("train_epoch_table", version, lambda: epoch_table(trainer))  # once per run's state
    st.dataframe(table, hide_index=True, width="stretch", height=min(300, 40 + 35 * table.num_rows))
    expander_when_open(t("train.seed_printout"), lambda: render_printout(trainer), key="train_printout_open")
