"""The convolution explained at one output value: pick a layer, an output channel and a position, or
step and play through the positions; see each input channel's patch, the kernel, the products and the sums."""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st
import torch
from torch import nn

from engine.inside.convolution import ConvolutionAt, convolution_output, explain_convolution, positions
from engine.inside.layers import LayerStep
from ui.language import t
from ui.layers_cnn.figures import map_figure, numbers_figure

ROW, COL, GOTO = "cnn_conv_row", "cnn_conv_col", "cnn_conv_goto"
PLAY_STEPS = 12  # positions one press of Play walks through
PLAY_SECONDS = 0.35


def _move(by: int, rows: int, cols: int) -> None:
    # A button's callback runs before the widgets are drawn again, so it may set their values.
    order = positions(rows, cols)
    index = order.index((st.session_state.get(ROW, 0), st.session_state.get(COL, 0)))
    st.session_state[ROW], st.session_state[COL] = order[(index + by) % len(order)]


@st.fragment
def render_convolution(steps: list[tuple[LayerStep, nn.Conv2d]]) -> None:
    """The explainer for the Conv2d calls of one forward pass: (the step that recorded it, the layer).

    A fragment: stepping and playing rerun only the explainer, not the page's other feature maps.
    """
    st.caption(t("cnn.conv_intro"))
    labels = [f"{step.path}: Conv2d({conv.in_channels}, {conv.out_channels}, kernel_size={conv.kernel_size[0]})"
              for step, conv in steps]
    choice = st.selectbox(t("cnn.conv_layer"), range(len(steps)), format_func=labels.__getitem__, key="cnn_conv_layer")
    step, conv = steps[choice]
    x = step.input[0]
    output = convolution_output(conv, x)
    rows, cols = output.shape[1:]
    if GOTO in st.session_state:  # where Play stopped, set before the position widgets are drawn
        st.session_state[ROW], st.session_state[COL] = st.session_state.pop(GOTO)
    st.session_state.setdefault(ROW, rows // 2)  # the middle: an image's border is often all zeros
    st.session_state.setdefault(COL, cols // 2)
    limits = ((ROW, rows - 1), (COL, cols - 1), ("cnn_conv_channel", conv.out_channels - 1),
              ("cnn_conv_in", conv.in_channels // conv.groups - 1))
    for key, limit in limits:  # another layer may have a smaller map or fewer channels
        st.session_state[key] = min(st.session_state.get(key, 0), limit)
    channel_col, row_col, col_col = st.columns(3)
    channel = int(channel_col.number_input(t("cnn.conv_out_channel"), 0, conv.out_channels - 1,
                                           key="cnn_conv_channel"))
    row = int(row_col.number_input(t("cnn.conv_row"), 0, rows - 1, key=ROW))
    col = int(col_col.number_input(t("cnn.conv_col"), 0, cols - 1, key=COL))
    back, forward, play, detail = st.columns([1, 1, 1, 3], vertical_alignment="bottom")
    back.button(t("cnn.conv_back"), key="cnn_conv_back", on_click=_move, args=(-1, rows, cols),
                icon=":material/skip_previous:")
    forward.button(t("cnn.conv_next"), key="cnn_conv_next", on_click=_move, args=(1, rows, cols),
                   icon=":material/skip_next:")
    playing = play.button(t("cnn.conv_play"), key="cnn_conv_play", icon=":material/play_arrow:",
                          help=t("cnn.conv_play_help", steps=PLAY_STEPS))
    shown = detail.selectbox(t("cnn.conv_in_channel"), range(conv.in_channels // conv.groups), key="cnn_conv_in",
                         format_func=lambda i: t("cnn.channel_n", c=i))
    frame = st.empty()
    if not playing:
        with frame.container():
            _explain(explain_convolution(conv, x, channel, row, col), x, output, shown)
        return
    order = positions(rows, cols)
    start = order.index((row, col))
    for index in range(start + 1, start + 1 + PLAY_STEPS):
        at = order[index % len(order)]
        with frame.container():
            _explain(explain_convolution(conv, x, channel, *at), x, output, shown, key=f"_{index}")
        time.sleep(PLAY_SECONDS)
    st.session_state[GOTO] = at
    st.rerun()  # once, after playing: the position widgets take where Play stopped


def _explain(step: ConvolutionAt, x: torch.Tensor, output: torch.Tensor, shown: int, key: str = "") -> None:
    kernel_h, kernel_w = step.kernel.shape[1:]
    in_channel = step.input_channels[shown]
    where, what = st.columns([2, 3])
    with where:
        st.plotly_chart(map_figure(x[in_channel], t("cnn.conv_input_map", c=in_channel),
                                   window=(step.top, step.left, kernel_h, kernel_w), height=260),
                        key=f"cnn_conv_input{key}")
        st.plotly_chart(map_figure(output[step.out_channel], t("cnn.conv_output_map", c=step.out_channel),
                                   window=(step.row, step.col, 1, 1), height=260), key=f"cnn_conv_output{key}")
    with what:
        patch, kernel, products = st.columns(3)
        patch.plotly_chart(numbers_figure(step.patches[shown], t("cnn.conv_patch", c=in_channel)),
                           key=f"cnn_conv_patch{key}")
        kernel.plotly_chart(numbers_figure(step.kernel[shown], t("cnn.conv_kernel")), key=f"cnn_conv_kernel{key}")
        products.plotly_chart(numbers_figure(step.products[shown], t("cnn.conv_products")),
                              key=f"cnn_conv_products{key}")
        st.dataframe(sums_table(step), hide_index=True, width="stretch",
                     height=min(38 + 35 * len(step.input_channels), 300))
        st.markdown(t("cnn.conv_equation", sums=float(step.channel_sums.sum()), bias=step.bias, total=step.total,
                      output=step.output, diff=abs(step.total - step.output), bound=step.float32_bound))


def sums_table(step: ConvolutionAt) -> pd.DataFrame:
    """One row per input channel: its sum of patch * kernel products."""
    return pd.DataFrame({t("cnn.conv_col_channel"): list(step.input_channels),
                         t("cnn.conv_col_sum"): [round(v, 6) for v in step.channel_sums.tolist()]})
