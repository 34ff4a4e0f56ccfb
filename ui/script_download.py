"""The "take it home" download on any page: the current setup as a runnable .py file and a notebook.

Pages hand over a ScriptSetup (or a ModelSpec, for which a fitting data set and settings are picked);
the student chooses the extras (saving the weights, the ONNX export) and downloads either file.
"""

from __future__ import annotations

import dataclasses
import functools

import streamlit as st

from classroom.processes import threads_per_job
from classroom.queue import default_workers
from engine import PRESETS, ModelSpec, PlaygroundError
from engine.codegen.script import NOTEBOOK_NAME, SCRIPT_NAME, ScriptSetup, build_notebook, build_script
from engine.codegen.script_data import CsvSource
from engine.data.base import TensorData
from engine.data.registry import DATASETS
from engine.network.presets import small_mlp
from engine.training import TrainConfig
from engine.training.recommended import RECOMMENDED, csv_config, recommended_config
from ui.language import current_language, error_text, t
from ui.lazy import KEEP_ON_PAGE, expander_when_open

# A data set for a network's input shape when no page chose one (the Model and Export pages).
DATA_FOR_INPUT = {(1, 28, 28): "fashion_mnist", (1, 8, 8): "digits", (1,): "temperature", (2,): "circle"}


def preset_name(spec: ModelSpec) -> str | None:
    """The preset this network is, if any."""
    return next((name for name, preset in PRESETS.items() if preset == spec), None)


def training_threads() -> int:
    """The torch threads each of the app's training processes uses (ui/train/job.py's pool of queue.workers)."""
    return threads_per_job(default_workers())


def setup_for_spec(spec: ModelSpec) -> ScriptSetup | None:
    """The preset's recommended settings, else a data set matching the input; None when no data set fits."""
    name = preset_name(spec)
    # Seed 002's networks (dense_128, dense_128_model) have no data set of their own: matched by input instead.
    if name in RECOMMENDED and recommended_config(name).data in DATASETS:
        return ScriptSetup(spec, recommended_config(name), model_name=name)
    data = DATA_FOR_INPUT.get(tuple(spec.input_shape))
    if data is None:
        return None
    regression = DATASETS[data].task == "regression" or (data == "circle" and spec.output_shape == (1,))
    if data == "circle" and regression:
        data = "reg_plane"
    config = TrainConfig(data, loss="mse" if regression else "cross_entropy", optimizer="sgd",
                         lr=1e-3 if data == "fashion_mnist" else 1e-2, batch_size=64, epochs=5)
    return ScriptSetup(spec, config)


def render_script_download(setup: ScriptSetup | None, key: str, *, spec: ModelSpec | None = None,
                           extras: bool = False, note: str | None = None) -> None:
    """An expander with the extras' checkboxes and the two download buttons (keys start with `key`), drawn
    only while it is open (ui/lazy.py): folded, nothing is built.

    Without a setup, one is picked for `spec` (setup_for_spec); `extras` ticks saving and ONNX by default.
    """
    expander_when_open(t("script.title"), functools.partial(_draw_download, setup, key, spec, extras, note),
                       key=f"{key}_open", icon=":material/download:")


def _draw_download(setup: ScriptSetup | None, key: str, spec: ModelSpec | None, extras: bool,
                   note: str | None) -> None:
    if setup is None and spec is not None:
        setup = setup_for_spec(spec)
        if setup is None:
            st.caption(t("script.no_data", shape=list(spec.input_shape)))
            return
    if setup is None:
        return
    st.caption(t("script.intro"))
    if note:
        st.caption(note)
    data = setup.csv.file_name if setup.csv is not None else t(f"dataset.{setup.config.data}")
    st.caption(t("script.for_data", data=data))
    left, right = st.columns(2)
    save = left.checkbox(t("script.save_weights"), value=extras, key=f"{key}_save",
                         persist_state=KEEP_ON_PAGE)
    onnx = right.checkbox(t("script.export_onnx"), value=extras, key=f"{key}_onnx",
                          persist_state=KEEP_ON_PAGE)
    # The script trains with the app's thread count, so it prints the Train page's numbers on any laptop.
    chosen = dataclasses.replace(setup, lang=current_language(), save_weights=save, export_onnx=onnx,
                                 threads=training_threads())
    try:
        script, notebook = _built(chosen)
    except PlaygroundError as error:
        st.error(error_text(error), icon=":material/error:")
        return
    left.download_button(t("script.download_py"), script, file_name=SCRIPT_NAME, mime="text/x-python",
                         key=f"{key}_py", icon=":material/code:")
    right.download_button(t("script.download_ipynb"), notebook, file_name=NOTEBOOK_NAME,
                          mime="application/x-ipynb+json", key=f"{key}_ipynb", icon=":material/book:")


@functools.lru_cache(maxsize=256)
def _built(setup: ScriptSetup) -> tuple[str, str]:
    # Pure in the frozen setup; the Train page asks on every rerun, thirty students often for the same one.
    return build_script(setup), build_notebook(setup)


def render_train_download(settings) -> None:
    """The Train page's download: what Play trains with these settings (`settings` may be None)."""
    if settings is None:
        return
    name = st.session_state.get("train_preset") if settings.source == "preset" else None
    note = t("script.fresh_weights") if settings.source == "current" else None
    render_script_download(ScriptSetup(settings.spec, settings.config, model_name=name, csv=settings.csv),
                           "train_script", note=note)


def csv_setup(data: TensorData, source: CsvSource) -> ScriptSetup:
    """A small network for an uploaded CSV (features -> 16 -> classes or targets) and settings that suit it."""
    spec = small_mlp(data.input_shape[0], data.num_classes or data.train_y.shape[1])
    return ScriptSetup(spec, csv_config(data.task), csv=source)


def render_csv_download(data: TensorData, source: CsvSource | None) -> None:
    """The Data page's download for a loaded CSV: a small network trained on it, reading the file by its name."""
    if source is not None:
        render_script_download(csv_setup(data, source), "data_script")
