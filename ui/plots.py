"""A chart with one line under it on what to look for: students would rather look than read, but need a hint where."""

from __future__ import annotations

import streamlit as st

from ui.language import t


def show_plot(figure, key: str, hint: str, container=st, **kwargs) -> None:
    """Draw a plotly `figure` in `container`, then the catalog's `plot.{hint}` line under it."""
    container.plotly_chart(figure, key=key, **kwargs)
    container.caption(t("plot.look_for", hint=t(f"plot.{hint}")))
