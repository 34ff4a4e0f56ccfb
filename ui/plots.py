"""A chart with one line under it on what to look for: students would rather look than read, but need a hint where."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from ui.language import t


class DrawnFigure(go.Figure):
    """A figure built once and drawn on many page runs (kept by drawn_once), never changed after it is drawn.

    Streamlit turns the figure into a dict on every run it is drawn in, walking every trace and encoding its
    arrays; a finished run's curves, drawn again on each visit to the Train page, do it once here.
    """

    def to_dict(self) -> dict:
        """The figure as a dict, made on the first call; a new dict over the same traces and layout, which callers
        only read (copy and pickle add keys of their own)."""
        if getattr(self, "_drawn_dict", None) is None:
            self._drawn_dict = super().to_dict()
        return dict(self._drawn_dict)


def show_plot(figure, key: str, hint: str, container=st, **kwargs) -> None:
    """Draw a plotly `figure` in `container`, then the catalog's `plot.{hint}` line under it."""
    container.plotly_chart(figure, key=key, **kwargs)
    container.caption(t("plot.look_for", hint=t(f"plot.{hint}")))
