"""The sidebar every page shares: language switch, the device training runs on, sharing and saving."""

from __future__ import annotations

import streamlit as st

from engine.device import default_device
from i18n import LANGUAGE_NAMES, LANGUAGES
from ui.language import LANG_KEY, current_language, device_label, t
from ui.links import render_share
from ui.saving.views import render_saving
from ui.teacher.lesson import shown
from ui.widgets import render_language_chrome


def _remember_language() -> None:
    st.query_params["lang"] = st.session_state[LANG_KEY]  # a copied link keeps the language


def render_sidebar() -> None:
    """Draw the language switch (한국어 / English), the device line and the share link."""
    current_language()
    with st.sidebar:
        if shown("sidebar.language"):
            st.radio(t("sidebar.language"), LANGUAGES, key=LANG_KEY, format_func=LANGUAGE_NAMES.get,
                     horizontal=True, on_change=_remember_language)
        st.caption(t("sidebar.device", device=device_label(default_device())))
        render_share()
        render_saving()
    render_language_chrome()
