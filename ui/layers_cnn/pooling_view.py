"""Pooling explained on one channel: each window, the value max pooling keeps and the ones it drops,
or the mean average pooling takes."""

from __future__ import annotations

import streamlit as st
from torch import nn

from engine.inside.layers import LayerStep
from engine.inside.pooling import explain_pooling
from ui.language import t
from ui.layers_cnn.figures import map_figure, numbers_figure


@st.fragment
def render_pooling(steps: list[tuple[LayerStep, nn.Module]]) -> None:
    """The explainer for the pooling calls of one forward pass: (the step that recorded it, the layer); a
    fragment, so picking a window reruns only the explainer."""
    labels = [f"{step.index + 1} · {step.path}: {step.kind}" for step, _ in steps]
    choice = st.selectbox(t("cnn.pool_layer"), range(len(steps)), format_func=labels.__getitem__, key="cnn_pool_layer")
    step, pool = steps[choice]
    x = step.input[0]
    st.session_state["cnn_pool_channel"] = min(st.session_state.get("cnn_pool_channel", 0), len(x) - 1)
    channel = int(st.number_input(t("cnn.pool_channel"), 0, len(x) - 1, key="cnn_pool_channel"))
    explained = explain_pooling(pool, x, channel)
    rows, cols = explained.output.shape
    is_max = explained.kind == "MaxPool2d"
    keys = ("cnn_pool_row", rows - 1), ("cnn_pool_col", cols - 1)
    for key, limit in keys:  # start in the middle (a border is often all zeros); clamp for a smaller map
        st.session_state[key] = min(st.session_state.get(key, (limit + 1) // 2), limit)
    row_col, col_col = st.columns(2)
    row = int(row_col.number_input(t("cnn.pool_row"), 0, rows - 1, key="cnn_pool_row"))
    col = int(col_col.number_input(t("cnn.pool_col"), 0, cols - 1, key="cnn_pool_col"))
    window = explained.windows[row * cols + col]
    size = explained.window_size
    if is_max:
        st.markdown(t("cnn.pool_max_rule", size=size, dropped=size - 1, share=100 * explained.dropped_share))
    else:
        st.markdown(t("cnn.pool_avg_rule", size=size))
    source, picked, result = st.columns([3, 2, 3])
    kernel_h, kernel_w = window.values.shape
    source.plotly_chart(map_figure(explained.input, t("cnn.pool_input", c=channel),
                                   window=(window.top, window.left, kernel_h, kernel_w),
                                   marks=explained.decisive_cells() if is_max else None), key="cnn_pool_input")
    picked.plotly_chart(numbers_figure(window.values, t("cnn.pool_window"), marked=window.kept), key="cnn_pool_window")
    result.plotly_chart(map_figure(explained.output, t("cnn.pool_output", kind=explained.kind),
                                   window=(row, col, 1, 1)), key="cnn_pool_output")
    if is_max:
        picked.markdown(t("cnn.pool_kept", value=window.result, dropped=size - 1))
    else:
        picked.markdown(t("cnn.pool_mean", value=window.result))
    if is_max:
        st.caption(t("cnn.pool_marks"))
