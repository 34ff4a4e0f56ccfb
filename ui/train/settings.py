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
from engine.data import DATASETS, load_dataset
from engine.device import available_devices
from engine.training import LOSSES, OPTIMIZERS, TrainConfig
from engine.training.recommended import recommended_config
from ui.language import device_label, error_text, labels_of, t
from ui.model.state import current_model, current_spec
from ui.widgets import number_box

LR_CHOICES = (0.00001, 0.0001, 0.001, 0.002, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)  # TF Playground's, plus 2e-3
RATE_CHOICES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
OPTION_LABELS = {"noise": "data.noise", "train_ratio": "data.train_ratio", "seed": "data.seed"}


@dataclass(frozen=True)
class Settings:
    """What Play trains: the network, the config, and where its weights start ("preset": the seed's)."""

    spec: ModelSpec
    config: TrainConfig
    source: str  # "preset" (fresh weights from the seed) or "current" (the session's model, trained or not)

    def starting_model(self) -> nn.Module | None:
        """A copy of the session's model to train on, or None for fresh weights from the seed."""
        return copy.deepcopy(current_model()) if self.source == "current" else None

    def data(self):
        """The data set this run trains on, loaded once per server process and shared by every student."""
        return shared_data(self.config.data, json.dumps(self.config.options, sort_keys=True))

    @property
    def key(self) -> tuple:
        """Equal keys mean the same run, so Play resumes instead of starting over."""
        return (self.spec, self.config, self.source)


@st.cache_resource(show_spinner=False)
def shared_data(name: str, options_json: str):
    """A data set, loaded once per server process and shared read-only by every student."""
    return load_dataset(name, **json.loads(options_json))


def _apply_recommended() -> None:
    config = recommended_config(st.session_state["train_preset"])
    if config.data in DATASETS:
        st.session_state["train_data"] = config.data
        for option, value in config.options.items():
            st.session_state[f"train_opt_{option}"] = value
    st.session_state["train_loss"] = config.loss
    st.session_state["train_optimizer"] = config.optimizer
    st.session_state["train_lr"] = min(LR_CHOICES, key=lambda lr: abs(lr - config.lr))
    st.session_state["train_momentum"] = config.momentum
    st.session_state["train_batch_size"] = config.batch_size
    st.session_state["train_epochs"] = config.epochs
    st.session_state["train_shuffle"] = config.shuffle
    st.session_state["train_seed"] = config.seed


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


def render_settings(disabled: bool) -> Settings | None:
    """Draw the settings (locked while a run trains); None, with a message shown, when they do not fit."""
    init_settings()
    # Labels are looked up now, in the script's thread: format_func may also run outside it (AppTest).
    labels = {key: t(f"train.{key}") for key in ("source_preset", "source_current", "reg_none", "reg_l1", "reg_l2")}
    devices = {device.name: device_label(device) for device in available_devices()}
    devices = {"auto": t("device.auto"), **devices}  # auto: the best one, which the sidebar names
    presets = {name: f"{name} — {t('preset.' + name)}" for name in PRESETS}
    left, middle, right = st.columns(3)
    with left:
        source = st.radio(t("train.source"), ("preset", "current"), key="train_source", horizontal=True,
                          format_func=lambda s: labels[f"source_{s}"], disabled=disabled)
        if source == "preset":
            st.selectbox(t("train.preset"), list(PRESETS), key="train_preset", on_change=_apply_recommended,
                         format_func=presets.get, disabled=disabled)
        else:
            st.caption(t("train.current_model", params=current_spec().parameter_count()))
        name = st.selectbox(t("train.data"), list(DATASETS), key="train_data", disabled=disabled,
                            format_func=labels_of(DATASETS, "dataset.{}"))
        _render_data_options(name, disabled)
    with middle:
        st.selectbox(t("train.loss"), list(LOSSES), key="train_loss", format_func=lambda k: LOSSES[k].name,
                     disabled=disabled)
        optimizer = st.selectbox(t("train.optimizer"), list(OPTIMIZERS), key="train_optimizer",
                                 format_func=lambda k: OPTIMIZERS[k].name, disabled=disabled)
        st.select_slider(t("train.lr"), LR_CHOICES, key="train_lr", disabled=disabled)
        number_box(t("train.momentum"), 0.0, 0.99, step=0.1, key="train_momentum",
                   disabled=disabled or not OPTIMIZERS[optimizer].uses_momentum)
    with right:
        batch, epochs = st.columns(2)
        number_box(t("train.batch_size"), 1, 65_536, key="train_batch_size", container=batch, disabled=disabled)
        number_box(t("train.epochs"), 1, 10_000, key="train_epochs", container=epochs, disabled=disabled)
        reg, rate = st.columns(2)
        reg.selectbox(t("train.regularization"), ("none", "l1", "l2"), key="train_reg", disabled=disabled,
                      format_func=lambda r: labels[f"reg_{r}"])
        rate.select_slider(t("train.reg_rate"), RATE_CHOICES, key="train_reg_rate", disabled=disabled)
        seed, device = st.columns(2)
        number_box(t("train.seed"), 0, 2**31 - 1, key="train_seed", container=seed, disabled=disabled)
        device.selectbox(t("train.device"), list(devices), key="train_device", format_func=devices.get,
                         disabled=disabled)
        st.toggle(t("train.shuffle"), key="train_shuffle", disabled=disabled)
    return _settings(source, name)


def _render_data_options(name: str, disabled: bool) -> None:
    # The data set's own options (TF Playground's noise %, train ratio %, seed), from the registry.
    options = DATASETS[name].options
    for column, option in zip(st.columns(len(options)) if options else [], options):
        key = f"train_opt_{option.name}"
        st.session_state.setdefault(key, option.default)
        number_box(t(OPTION_LABELS.get(option.name, "data.seed")), option.low, option.high, key=key, container=column,
                   disabled=disabled)


def _settings(source: str, name: str) -> Settings | None:
    state = st.session_state
    options = {o.name: int(state[f"train_opt_{o.name}"]) for o in DATASETS[name].options
               if state.get(f"train_opt_{o.name}", o.default) != o.default}
    reg, rate = state["train_reg"], state["train_reg_rate"]
    try:
        config = TrainConfig(data=name, data_options=options, loss=state["train_loss"],
                             optimizer=state["train_optimizer"], lr=state["train_lr"],
                             momentum=state["train_momentum"], batch_size=state["train_batch_size"],
                             epochs=state["train_epochs"], l1=rate if reg == "l1" else 0.0,
                             l2=rate if reg == "l2" else 0.0, shuffle=state["train_shuffle"],
                             seed=state["train_seed"], device=state["train_device"])
    except PlaygroundError as error:
        st.error(error_text(error), icon=":material/error:")
        return None
    if source == "current":
        return Settings(current_spec(), config, source)
    return Settings(PRESETS[state["train_preset"]], config, source)
