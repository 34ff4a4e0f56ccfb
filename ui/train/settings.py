"""The Train page's settings: model, data, loss, optimizer and hyperparameters, as widgets with stable keys.

Picking a preset fills in the settings that work for it (engine/training/recommended.py); the widgets
become a ModelSpec and a TrainConfig, or a translated message saying what to change.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass

import streamlit as st
from torch import nn

from engine import PRESETS, ModelSpec, PlaygroundError
from engine.codegen.script_data import CsvSource
from engine.data import DATASETS, TensorData, load_dataset
from engine.device import available_devices
from engine.network.presets import small_mlp
from engine.training import LOSSES, OPTIMIZERS, TrainConfig
from engine.training.recommended import csv_config, recommended_config
from engine.training.schedule import SCHEDULES
from ui.data.state import UPLOAD_KEY
from ui.language import device_label, error_text, t
from ui.lazy import KEEP_IN_SESSION
from ui.model.state import current_model, current_spec, set_spec
from ui.teacher.lesson import apply_locks, locked, shown
from ui.widgets import number_box

LR_CHOICES = (0.00001, 0.0001, 0.001, 0.002, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)  # TF Playground's, plus 2e-3
RATE_CHOICES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
OPTION_LABELS = {"noise": "data.noise", "train_ratio": "data.train_ratio", "seed": "data.seed"}
CSV = "csv"  # the student's own CSV from the Data page, beside the registry's data sets
NO_SCHEDULE = "none"  # the schedule widget's "constant learning rate" (a lesson link locks strings, not None)


@dataclass(frozen=True)
class Settings:
    """What Play trains: the network, the config, and where its weights start ("preset": the seed's)."""

    spec: ModelSpec
    config: TrainConfig
    source: str  # "preset" (fresh weights from the seed) or "current" (the session's model, trained or not)

    def starting_model(self) -> nn.Module | None:
        """A copy of the session's model to train on, or None for fresh weights from the seed."""
        return copy.deepcopy(current_model()) if self.source == "current" else None

    def data(self) -> TensorData:
        """The data set this run trains on: the student's CSV, or a registry one shared by every student."""
        if self.config.data == CSV:
            return st.session_state[UPLOAD_KEY]
        return shared_data(self.config.data, json.dumps(self.config.options, sort_keys=True))

    @property
    def csv(self) -> CsvSource | None:
        """Where the take-home script reads the student's CSV from (None for a registry data set)."""
        return st.session_state.get("data_upload_source") if self.config.data == CSV else None

    @property
    def key(self) -> tuple:
        """Equal keys mean the same run, so Play resumes instead of starting over."""
        return (self.spec, self.config, self.source)


@st.cache_resource(show_spinner=False)
def shared_data(name: str, options_json: str):
    """A data set, loaded once per server process and shared read-only by every student."""
    return load_dataset(name, **json.loads(options_json))


def _apply_recommended() -> None:
    _apply_config(recommended_config(st.session_state["train_preset"]))


def _apply_config(config: TrainConfig) -> None:
    if config.data in DATASETS:
        st.session_state["train_data"] = config.data
        for option, value in config.options.items():
            st.session_state[f"train_opt_{option}"] = value
    st.session_state["train_loss"] = config.loss
    st.session_state["train_optimizer"] = config.optimizer
    st.session_state["train_lr"] = min(LR_CHOICES, key=lambda lr: abs(lr - config.lr))
    st.session_state["train_momentum"] = config.momentum
    st.session_state["train_schedule"] = config.schedule or NO_SCHEDULE
    st.session_state["train_batch_size"] = config.batch_size
    st.session_state["train_epochs"] = config.epochs
    st.session_state["train_shuffle"] = config.shuffle
    st.session_state["train_seed"] = config.seed


SETTINGS_KEY = "train_settings_open"  # the settings expander's open state


def fold_settings_while_training(running: bool) -> None:
    """Fold the settings away when a run starts and open them again when it ends; in between, the student's own."""
    if st.session_state.get("train_settings_folded") != running:
        st.session_state["train_settings_folded"] = running
        st.session_state[SETTINGS_KEY] = not running


def init_settings() -> None:
    """First visit: `?preset=` from a lesson link, else the current network's preset, with its settings."""
    if "train_preset" in st.session_state:
        return
    spec = current_spec()
    asked = st.query_params.get("preset")
    st.session_state["train_preset"] = asked if asked in PRESETS else next(
        (name for name, s in PRESETS.items() if s == spec), "fashion_fast")
    st.session_state["train_source"] = "preset"
    st.session_state["train_reg"] = "none"
    st.session_state["train_reg_rate"] = 0.0
    st.session_state["train_device"] = "auto"
    _apply_recommended()


def _prepare() -> None:
    init_settings()
    apply_locks()  # a teacher's locked values win over anything the session holds
    st.session_state.setdefault("train_schedule", NO_SCHEDULE)  # settings saved before schedules existed
    if st.session_state.get("train_data") == CSV and not _csv_loaded():  # the CSV is gone (a new session)
        st.session_state["train_data"] = next(iter(DATASETS))


def current_settings() -> Settings | None:
    """The settings the session holds, not drawn: the folded expander's. A run that trains folds them, so most
    visits of the Train page find them folded; drawn, they were a good part of the page's cost."""
    _prepare()
    return _settings(st.session_state["train_source"], st.session_state.get("train_data", next(iter(DATASETS))))


def render_settings(disabled: bool) -> Settings | None:
    """Draw the settings (locked while a run trains); None, with a message shown, when they do not fit."""
    _prepare()
    disabled = disabled or not shown("train.settings")  # hidden by the teacher: shown folded, unchangeable

    def off(key: str) -> bool:  # a widget the student may not change now
        return disabled or locked(key)

    # Labels are looked up now, in the script's thread: format_func may also run outside it (AppTest).
    labels = {key: t(f"train.{key}") for key in ("source_preset", "source_current", "reg_none", "reg_l1", "reg_l2",
                                                  *(f"schedule_{name}" for name in (NO_SCHEDULE, *SCHEDULES)))}
    devices = {device.name: device_label(device) for device in available_devices()}
    devices = {"auto": t("device.auto"), **devices}  # auto: the best one, which the sidebar names
    presets = {name: f"{name} — {t('preset.' + name)}" for name in PRESETS}
    left, middle, right = st.columns(3)
    with left:
        source = st.radio(t("train.source"), ("preset", "current"), key="train_source", horizontal=True,
                          format_func=lambda s: labels[f"source_{s}"], disabled=disabled, persist_state=KEEP_IN_SESSION)
        if source == "preset":
            st.selectbox(t("train.preset"), list(PRESETS), key="train_preset", on_change=_apply_recommended,
                         format_func=presets.get, disabled=disabled, persist_state=KEEP_IN_SESSION)
        else:
            st.caption(t("train.current_model", params=current_spec().parameter_count()))
        name = _render_data_choice(off("train_data"))
    with middle:
        st.selectbox(t("train.loss"), list(LOSSES), key="train_loss", format_func=lambda k: LOSSES[k].name,
                     disabled=off("train_loss"), persist_state=KEEP_IN_SESSION)
        optimizer = st.selectbox(t("train.optimizer"), list(OPTIMIZERS), key="train_optimizer",
                                 format_func=lambda k: OPTIMIZERS[k].name, disabled=off("train_optimizer"),
                                 persist_state=KEEP_IN_SESSION)
        st.select_slider(t("train.lr"), LR_CHOICES, key="train_lr", disabled=off("train_lr"),
                         persist_state=KEEP_IN_SESSION)
        st.selectbox(t("train.schedule"), (NO_SCHEDULE, *SCHEDULES), key="train_schedule",
                     format_func=lambda s: labels[f"schedule_{s}"], help=t("train.schedule_help"),
                     disabled=off("train_schedule"), persist_state=KEEP_IN_SESSION)
        number_box(t("train.momentum"), 0.0, 0.99, step=0.1, key="train_momentum",
                   disabled=disabled or not OPTIMIZERS[optimizer].uses_momentum, persist_state=KEEP_IN_SESSION)
    with right:
        batch, epochs = st.columns(2)
        number_box(t("train.batch_size"), 1, 65_536, key="train_batch_size", container=batch,
                   disabled=off("train_batch_size"), persist_state=KEEP_IN_SESSION)
        number_box(t("train.epochs"), 1, 10_000, key="train_epochs", container=epochs, disabled=off("train_epochs"),
                   persist_state=KEEP_IN_SESSION)
        reg, rate = st.columns(2)
        reg.selectbox(t("train.regularization"), ("none", "l1", "l2"), key="train_reg", disabled=disabled,
                      format_func=lambda r: labels[f"reg_{r}"], persist_state=KEEP_IN_SESSION)
        rate.select_slider(t("train.reg_rate"), RATE_CHOICES, key="train_reg_rate", disabled=disabled,
                           persist_state=KEEP_IN_SESSION)
        seed, device = st.columns(2)
        number_box(t("train.seed"), 0, 2**31 - 1, key="train_seed", container=seed, disabled=off("train_seed"),
                   persist_state=KEEP_IN_SESSION)
        device.selectbox(t("train.device"), list(devices), key="train_device", format_func=devices.get,
                         disabled=disabled, persist_state=KEEP_IN_SESSION)
        st.toggle(t("train.shuffle"), key="train_shuffle", disabled=disabled, persist_state=KEEP_IN_SESSION)
    return _settings(source, name)


def _render_data_choice(disabled: bool) -> str:
    """The data set select box: the registry's, plus the CSV loaded on the Data page; then its options."""
    names = {name: t(f"dataset.{name}") for name in DATASETS}
    if _csv_loaded():
        names[CSV] = t("train.data_csv", name=st.session_state["data_upload_source"].file_name)
    name = st.selectbox(t("train.data"), list(names), key="train_data", disabled=disabled, format_func=names.get,
                        persist_state=KEEP_IN_SESSION)
    if name == CSV:
        _render_csv_model(st.session_state[UPLOAD_KEY], disabled)
    else:
        _render_data_options(name, disabled)
    return name


def _csv_loaded() -> bool:
    return UPLOAD_KEY in st.session_state and st.session_state.get("data_upload_source") is not None


def _render_csv_model(data: TensorData, disabled: bool) -> None:
    """Offer a small network that fits the CSV when the chosen one does not take its columns."""
    spec = current_spec() if st.session_state.get("train_source") == "current" else \
        PRESETS[st.session_state["train_preset"]]
    if spec.input_shape == data.input_shape:
        return
    st.caption(t("train.csv_model_needed", columns=data.input_shape[0], shape=list(spec.input_shape)))
    st.button(t("train.csv_model"), key="train_csv_model", on_click=_use_csv_model, args=(data,),
              icon=":material/auto_fix_high:", disabled=disabled)


def _use_csv_model(data: TensorData) -> None:
    # The Data page's script network (features -> 16 -> outputs), as the current model, with its settings.
    set_spec(small_mlp(data.input_shape[0], data.num_classes or data.train_y.shape[1]))
    st.session_state["train_source"] = "current"
    _apply_config(csv_config(data.task))


def _render_data_options(name: str, disabled: bool) -> None:
    # The data set's own options (TF Playground's noise %, train ratio %, seed), from the registry.
    options = DATASETS[name].options
    for column, option in zip(st.columns(len(options)) if options else [], options):
        key = f"train_opt_{option.name}"
        st.session_state.setdefault(key, option.default)
        number_box(t(OPTION_LABELS.get(option.name, "data.seed")), option.low, option.high, key=key, container=column,
                   disabled=disabled, persist_state=KEEP_IN_SESSION)


def _settings(source: str, name: str) -> Settings | None:
    state = st.session_state
    registered = DATASETS[name].options if name in DATASETS else ()
    options = {o.name: int(state[f"train_opt_{o.name}"]) for o in registered
               if state.get(f"train_opt_{o.name}", o.default) != o.default}
    reg, rate = state["train_reg"], state["train_reg_rate"]
    try:
        config = TrainConfig(data=name, data_options=options, loss=state["train_loss"],
                             optimizer=state["train_optimizer"], lr=state["train_lr"],
                             momentum=state["train_momentum"], batch_size=state["train_batch_size"],
                             epochs=state["train_epochs"], l1=rate if reg == "l1" else 0.0,
                             l2=rate if reg == "l2" else 0.0, shuffle=state["train_shuffle"],
                             seed=state["train_seed"], device=state["train_device"],
                             schedule=None if state["train_schedule"] == NO_SCHEDULE else state["train_schedule"])
    except PlaygroundError as error:
        st.error(error_text(error), icon=":material/error:")
        return None
    if source == "current":
        return Settings(current_spec(), config, source)
    return Settings(PRESETS[state["train_preset"]], config, source)
