"""Seeing inside a CNN on the Layers page: one chosen image through the student's own (trained) model."""

from __future__ import annotations

import streamlit as st
from torch import nn

from engine import ModelSpec, PlaygroundError
from engine.inside.feature_maps import CONV_KINDS, image_walk, is_cnn, map_steps, relu_steps
from ui.language import error_text, t
from ui.layers import class_names
from ui.layers_cnn.convolution_view import render_convolution
from ui.layers_cnn.image_choice import choose_image
from ui.layers_cnn.pictures import MAX_TILES, TILE, draw_maps, symmetric_range, tile
from ui.layers_cnn.pooling_view import render_pooling
from ui.layers_cnn.size_view import render_size_explorer
from ui.model.state import current_spec

TABS = ("maps", "kernels", "relu", "conv", "pool", "sizes")


def render_seeing_inside(spec: ModelSpec, model: nn.Module, is_current: bool) -> None:
    """The CNN section for a current model with Conv2d layers; otherwise a pointer to it and the size explorer."""
    st.subheader(t("cnn.title"))
    if not (is_current and is_cnn(model)):
        # The spec says it: building the current model just to ask would make weights nobody asked for yet.
        current_has_conv = any(layer.kind in CONV_KINDS for layer in current_spec().layers)
        st.info(t("cnn.choose_current" if current_has_conv and not is_current else "cnn.no_cnn"),
                icon=":material/info:")
        with st.expander(t("cnn.tab_sizes")):
            render_size_explorer()
        return
    st.caption(t("cnn.intro"))
    picture, answer = st.columns([3, 2])
    with picture:
        image, label = choose_image()
    try:
        walk = image_walk(model, image, spec.input_shape)
    except PlaygroundError as error:
        st.error(error_text(error), icon=":material/error:")
        return
    with answer:
        st.image(_gray(image), caption=t("cnn.image_shown"))
        if walk.predicted is not None:
            names = class_names(walk)
            predicted = walk.predicted[0]
            text = t("cnn.predicted", name=names[predicted], prob=100 * float(walk.probabilities[0, predicted]))
            st.markdown(text + (t("cnn.truth", name=names[label]) if label is not None else ""))
    tabs = st.tabs([t(f"cnn.tab_{name}") for name in TABS])
    modules = dict(model.named_modules())
    with tabs[0]:
        st.caption(t("cnn.maps_intro"))
        for step in map_steps(walk):
            st.markdown(f"**{step.index + 1} · {step.path}: {step.kind}** → `{list(step.output_shape)}`")
            draw_maps(step.output[0], "cnn.channel_n")
    with tabs[1]:
        _render_kernels(model)
    with tabs[2]:
        _render_relu(walk)
    with tabs[3]:
        render_convolution([(step, modules[step.path]) for step in map_steps(walk, ("Conv2d",))])
    with tabs[4]:
        pools = [(step, modules[step.path]) for step in map_steps(walk, ("MaxPool2d", "AvgPool2d"))]
        if pools:
            render_pooling(pools)
        else:
            st.info(t("cnn.no_pool"))
    with tabs[5]:
        render_size_explorer()


def _gray(image):
    side = 168 // image.shape[-1]
    pixels = (image.clamp(0, 1) * 255).round().byte().numpy()
    return pixels.repeat(side, axis=0).repeat(side, axis=1)


def _render_kernels(model: nn.Module) -> None:
    st.caption(t("cnn.kernels_intro"))
    for path, conv in ((p, m) for p, m in model.named_modules() if isinstance(m, nn.Conv2d)):
        weight = conv.weight.detach().cpu()
        st.markdown(f"**{path}: Conv2d** · `{list(weight.shape)}`")
        scale = symmetric_range(weight)
        if weight.shape[1] == 1:  # one input channel: one kernel per output channel
            st.image([tile(k[0], scale, TILE) for k in weight[:MAX_TILES]],
                     caption=[t("cnn.kernel_out", o=o) for o in range(min(MAX_TILES, len(weight)))])
        else:
            out = st.number_input(t("cnn.kernel_pick", path=path), 0, len(weight) - 1, 0, key=f"cnn_kernel_{path}")
            st.image([tile(k, scale, TILE) for k in weight[int(out)][:MAX_TILES]],
                     caption=[t("cnn.kernel_in", i=i) for i in range(min(MAX_TILES, weight.shape[1]))])
        st.caption(t("cnn.scale_note", scale=scale))


def _render_relu(walk) -> None:
    relus = relu_steps(walk)
    if not relus:
        st.info(t("cnn.no_relu"))
        return
    st.caption(t("cnn.relu_intro"))
    labels = [f"{step.index + 1} · {step.path}: ReLU · {list(step.output_shape)}" for step in relus]
    index = st.selectbox(t("cnn.relu_layer"), range(len(relus)), format_func=labels.__getitem__, key="cnn_relu_layer")
    step = relus[index]
    scale = symmetric_range(step.input)  # one colour scale for before and after
    st.markdown(t("cnn.relu_before"))
    draw_maps(step.input[0], "cnn.channel_n", scale)
    st.markdown(t("cnn.relu_after"))
    draw_maps(step.output[0], "cnn.channel_n", scale)
    st.metric(t("cnn.relu_zeroed"), f"{step.zeroed} / {step.output.numel()}")
