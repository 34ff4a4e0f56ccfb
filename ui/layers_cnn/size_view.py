"""The size explorer: input size, kernel, stride and padding in, the output size and its grid out."""

from __future__ import annotations

import streamlit as st

from engine import PlaygroundError
from engine.inside.conv_sizes import MAX_EXPLORER_SIZE, size_plan
from ui.language import error_text, t
from ui.layers_cnn.figures import size_figure


def render_size_explorer() -> None:
    """Four numbers, the rule with them filled in, and the padded input drawn with every window's place."""
    st.caption(t("cnn.sizes_intro"))
    size_col, kernel_col, stride_col, padding_col = st.columns(4)
    size = int(size_col.number_input(t("cnn.size_input"), 1, MAX_EXPLORER_SIZE, 7, key="cnn_size_input"))
    kernel = int(kernel_col.number_input(t("cnn.size_kernel"), 0, MAX_EXPLORER_SIZE, 3, key="cnn_size_kernel"))
    stride = int(stride_col.number_input(t("cnn.size_stride"), 0, MAX_EXPLORER_SIZE, 2, key="cnn_size_stride"))
    padding = int(padding_col.number_input(t("cnn.size_padding"), -2, MAX_EXPLORER_SIZE, 1, key="cnn_size_padding"))
    try:
        plan = size_plan(size, kernel, stride, padding)
    except PlaygroundError as error:
        st.error(error_text(error), icon=":material/error:")
        return
    st.markdown(t("cnn.size_result", formula=plan.formula, out=plan.output))
    if plan.unused:
        st.caption(t("cnn.size_unused", unused=plan.unused))
    chosen = 0
    if plan.output > 1:
        chosen = st.slider(t("cnn.size_position"), 0, plan.output - 1, 0, key="cnn_size_chosen")
    st.plotly_chart(size_figure(plan, chosen, t("cnn.size_grid", padded=plan.padded, out=plan.output),
                                t("cnn.size_cells_input"), t("cnn.size_cells_padding"), t("cnn.size_cells_unused")),
                    key="cnn_size_figure")
