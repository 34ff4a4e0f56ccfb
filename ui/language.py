"""The current language of this student's session, and `t()` to look strings up in it."""

from __future__ import annotations

import streamlit as st

from engine.device import DeviceInfo
from engine.errors import PlaygroundError
from i18n import LANGUAGES, catalog, language_from_locale, translate

LANG_KEY = "lang"


def current_language() -> str:
    """The session's language: chosen in the sidebar, else `?lang=`, else the browser's locale."""
    lang = st.session_state.get(LANG_KEY)  # read once: every t() asks, and each read takes the state's lock
    if lang not in LANGUAGES:
        asked = st.query_params.get("lang")
        lang = st.session_state[LANG_KEY] = asked if asked in LANGUAGES else language_from_locale(_browser_locale())
    return lang


def _browser_locale() -> str | None:
    try:
        return st.context.locale
    except Exception:  # no browser behind the session (AppTest, bare mode): fall back to English
        return None


def t(key: str, **params) -> str:
    """The string for `key` in the session's language."""
    return translate(key, current_language(), **params)


# Errors whose `name` is a data set's registry name ("circle", "fashion_mnist"): shown by its title instead.
DATASET_NAMED_ERRORS = frozenset({"data_unknown_option", "data_option_range", "train_no_data", "train_input_mismatch",
                                  "train_loss_task", "train_output_mismatch", "image_folder_not_images"})


def error_text(error: PlaygroundError, lang: str | None = None) -> str:
    """A student-caused engine error in `lang` (default: the session's), with the values it carries translated too.

    The engine puts raw values into its errors (a task kind "classification", a data set "circle", a
    Python type "int"); the catalog has words for them (`value.*`, `dataset.*`), used when it knows them.
    """
    lang = lang or current_language()
    params = dict(error.params)
    if isinstance(error.__cause__, PlaygroundError):  # e.g. a shape problem inside a spec error
        params["reason"] = error_text(error.__cause__, lang)
    for field in ("task", "expected"):
        if isinstance(params.get(field), str) and f"value.{params[field]}" in catalog():
            params[field] = translate(f"value.{params[field]}", lang)
    name = params.get("name")
    if error.key in DATASET_NAMED_ERRORS and isinstance(name, str) and f"dataset.{name}" in catalog():
        params["name"] = translate(f"dataset.{name}", lang)
    return translate(f"error.{error.key}", lang, **params)


def device_label(device: DeviceInfo, lang: str | None = None) -> str:
    """A device as people call it, in `lang` (default: the session's): "CPU (코어 2개)", "NVIDIA H100"."""
    if device.cores is None:
        return device.label
    lang = lang or current_language()
    return translate("device.cpu_one", lang) if device.cores == 1 else translate("device.cpu", lang, cores=device.cores)


def labels_of(options, key_pattern: str):
    """A `format_func` for a selectbox or radio: each option's string, looked up now in this session's language.

    A plain dict lookup (not a call to `t` later) keeps the labels stable when AppTest formats options
    outside the script run.
    """
    return {option: t(key_pattern.format(option)) for option in options}.__getitem__
