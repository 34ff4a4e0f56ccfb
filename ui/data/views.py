"""The Data page's image sections: a 3x3 sample grid, a DataLoader batch, ToTensor and one-hot."""

from __future__ import annotations

import inspect

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st
import torch
from plotly.subplots import make_subplots

from engine.data import SplitDataset, TensorData, make_loader, one_hot
from ui.data.image_folder import render_custom_dataset
from ui.data.state import class_label
from ui.language import t
from ui.plots import show_plot
from ui.widgets import number_box

GRID_CODE = '''labels_map = {{{labels}}}

figure = plt.figure(figsize=(8, 8))
cols, rows = 3, 3
for i in range(1, cols * rows + 1):
    sample_idx = torch.randint(len(training_data), size=(1,), generator=g).item()
    img, label = training_data[sample_idx]
    figure.add_subplot(rows, cols, i)
    plt.title(labels_map[label])
    plt.axis("off")
    plt.imshow(img.squeeze(), cmap="gray")
plt.show()'''


def image_figure(images: torch.Tensor, titles: list[str], columns: int = 3) -> go.Figure:
    """Grayscale float images (N, 1, H, W) in [0, 1] in a grid, with a title over each."""
    figure = px.imshow(images[:, 0].numpy(), facet_col=0, facet_col_wrap=columns, binary_string=True,
                       zmin=0, zmax=1, facet_row_spacing=0.08, facet_col_spacing=0.02)
    for annotation in figure.layout.annotations:  # "facet_col=k": the annotations are not in facet order
        annotation.text = titles[int(annotation.text.split("=")[1])]
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    figure.update_layout(margin=dict(l=0, r=0, t=30, b=0), height=140 * ((len(images) + columns - 1) // columns) + 40)
    return figure


def render_samples(data: TensorData) -> None:
    """Nine random training images with their labels, as the seed draws them."""
    st.caption(t("data.set_summary", train=len(data.train_x), test=len(data.test_x),
                 shape=list(data.input_shape), dtype=str(data.train_x.dtype)))
    st.session_state.setdefault("data_grid_seed", 0)
    if st.button(t("data.new_samples"), key="data_new_samples", icon=":material/shuffle:"):
        st.session_state["data_grid_seed"] += 1
    generator = torch.Generator().manual_seed(st.session_state["data_grid_seed"])
    picks = torch.randint(len(data.train_x), size=(9,), generator=generator)
    titles = [class_label(data.class_names[int(data.train_y[i])]) for i in picks]
    st.plotly_chart(image_figure(data.as_float(data.train_x[picks]), titles), key="data_grid")
    st.caption(t("data.grid_caption"))
    with st.expander(t("data.code")):
        labels = ", ".join(f"{i}: {name!r}" for i, name in enumerate(data.class_names))
        st.code(GRID_CODE.format(labels=labels), language="python")


def render_loader(data: TensorData) -> None:
    """The first batch of a DataLoader with its shapes, and what shuffle does to the order."""
    size_col, shuffle_col, seed_col = st.columns(3)
    batch_size = size_col.select_slider(t("data.batch_size"), (1, 8, 16, 32, 64, 128, 256), 64, key="data_batch")
    shuffle = shuffle_col.toggle(t("data.shuffle"), True, key="data_shuffle")
    seed = number_box(t("data.loader_seed"), 0, 10_000, 0, key="data_loader_seed", container=seed_col)
    loader = make_loader(data, batch_size=batch_size, shuffle=shuffle, seed=int(seed))
    features, labels = next(iter(loader))
    st.code(f"train_dataloader = DataLoader(training_data, batch_size={batch_size}, shuffle={shuffle}, generator=g)\n"
            "train_features, train_labels = next(iter(train_dataloader))\n"
            f"# Feature batch shape: {features.size()}\n# Labels batch shape: {labels.size()}", language="python")
    image_col, order_col = st.columns([1, 2])
    image_col.caption(t("data.first_image", label=f"{int(labels[0])} ({class_label(data.class_names[labels[0]])})"))
    image_col.plotly_chart(image_figure(features[:1], [""], columns=1), key="data_first_image")
    order_col.caption(t("data.first_labels"))
    plain = make_loader(data, batch_size=16, shuffle=False)
    shuffled = make_loader(data, batch_size=16, shuffle=True, seed=int(seed))
    rows = {t("data.order_plain"): next(iter(plain))[1].tolist()}
    for epoch in (1, 2):  # the same loader, iterated again: a new order each epoch
        rows[t("data.order_shuffled", epoch=epoch)] = next(iter(shuffled))[1].tolist()
    order_col.dataframe(pd.DataFrame.from_dict(rows, orient="index"))
    order_col.markdown(t("data.shuffle_effect"))
    with st.expander(t("data.dataset_class")):  # __init__, __len__, __getitem__, as seed 003 asks of a Dataset
        st.code(inspect.getsource(SplitDataset), language="python")
        render_custom_dataset(data)


def render_transforms(data: TensorData) -> None:
    """ToTensor's scaling on a real image's pixel histogram, and the one-hot Lambda target transform."""
    st.markdown(t("data.to_tensor_intro"))
    index = int(number_box(t("data.image_index"), 0, len(data.train_x) - 1, 0, key="data_pixel_image"))
    raw = data.train_x[index]
    scaled = data.as_float(raw)
    image_col, chart_col = st.columns([1, 3])
    image_col.plotly_chart(image_figure(scaled[None], [class_label(data.class_names[int(data.train_y[index])])],
                                        columns=1), key="data_pixel_preview")
    histograms = make_subplots(rows=1, cols=2, subplot_titles=(
        t("data.raw_pixels", dtype=str(raw.dtype), low=int(raw.min()), high=int(raw.max())),
        t("data.scaled_pixels", dtype=str(scaled.dtype), low=float(scaled.min()), high=float(scaled.max()))))
    histograms.add_trace(go.Histogram(x=raw.flatten().numpy(), nbinsx=32, marker_color="#636efa"), 1, 1)
    histograms.add_trace(go.Histogram(x=scaled.flatten().numpy(), nbinsx=32, marker_color="#ef553b"), 1, 2)
    histograms.update_layout(showlegend=False, height=300, margin=dict(l=0, r=0, t=40, b=0))
    histograms.update_xaxes(title_text=t("data.pixel_value"))
    histograms.update_yaxes(title_text=t("data.pixel_count"), col=1)
    show_plot(histograms, "data_histograms", "histograms", chart_col)
    st.code("from torchvision.transforms import ToTensor, Lambda\n"
            "ToTensor()(img)  # uint8 0..255 -> float32 0.0..1.0, i.e. img.float().div(255)", language="python")
    st.markdown(t("data.one_hot_intro", n=len(data.class_names)))
    names = [f"{i}: {class_label(name)}" for i, name in enumerate(data.class_names)]
    label = st.selectbox(t("data.label"), range(len(names)), key="data_one_hot_label", format_func=names.__getitem__)
    vector = one_hot(label, len(data.class_names))
    st.dataframe(pd.DataFrame([vector.tolist()], columns=[class_label(name) for name in data.class_names]),
                 hide_index=True)
    st.code(f"target_transform = Lambda(lambda y: torch.zeros({len(data.class_names)}, dtype=torch.float)"
            f".scatter_(0, torch.tensor(y), value=1))\ntarget_transform({label})\n# {vector}", language="python")
