"""The Data page's table-like sets: TF Playground's 2-D points, seed 001's temperatures, the student's CSV."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from engine.codegen.script_data import CsvSource
from engine.data import DATASETS, csv_columns, dataset_from_csv, load_dataset
from engine.data.base import TASKS
from engine.data.bundled import iris_csv
from engine.data.csv_upload import MAX_BYTES, MAX_COLUMNS, MAX_ROWS
from engine.data.temperature import T_C, T_U, readings, split_indices
from engine.errors import PlaygroundError
from ui.data.state import UPLOAD_KEY, class_label
from ui.language import error_text, labels_of, t
from ui.plots import show_plot
from ui.script_download import render_csv_download
from ui.widgets import number_box, uploader

CLASS_COLOURS = ("#f59322", "#0877bd")  # TF Playground's orange (-1) and blue (+1)
PLAYGROUND_SETS = [name for name, info in DATASETS.items() if info.kind == "2d"]


def _regenerate() -> None:
    st.session_state["data_2d_seed"] = (st.session_state.get("data_2d_seed", 0) + 1) % 10_000


def points_figure(data) -> go.Figure:
    """Training points filled, test points hollow; classes in the Playground's colours, targets on a scale."""
    figure = go.Figure()
    for x, y, split, symbol in ((data.train_x, data.train_y, t("data.train_points"), "circle"),
                                (data.test_x, data.test_y, t("data.test_points"), "circle-open")):
        x, y = x.numpy(), y.numpy()
        if data.task == "classification":
            for label, colour in enumerate(CLASS_COLOURS):
                chosen = y == label
                figure.add_scatter(x=x[chosen, 0], y=x[chosen, 1], mode="markers", marker=dict(
                    color=colour, symbol=symbol, size=6), name=f"{class_label(data.class_names[label])} · {split}")
        else:
            figure.add_scatter(x=x[:, 0], y=x[:, 1], mode="markers", name=split, marker=dict(
                color=y[:, 0], colorscale="RdBu", cmin=-1, cmax=1, symbol=symbol, size=6,
                colorbar=dict(title=t("data.target")) if symbol == "circle" else None))
    figure.update_yaxes(scaleanchor="x", range=[-6.5, 6.5])
    figure.update_xaxes(range=[-6.5, 6.5])
    figure.update_layout(height=520, margin=dict(l=0, r=0, t=10, b=0), legend=dict(orientation="h"))
    return figure


def render_playground_sets() -> None:
    """Pick a 2-D set, move its noise and ratio sliders, regenerate with a new seed."""
    st.markdown(t("data.2d_intro"))
    name = st.selectbox(t("data.dataset"), PLAYGROUND_SETS, key="data_2d_name",
                        format_func=labels_of(PLAYGROUND_SETS, "dataset.{}"))
    options = {option.name: option for option in DATASETS[name].options}
    noise_col, ratio_col, seed_col, button_col = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
    noise = noise_col.slider(t("data.noise"), options["noise"].low, options["noise"].high, 0, 5, key="data_2d_noise")
    ratio = ratio_col.slider(t("data.train_ratio"), options["train_ratio"].low, options["train_ratio"].high, 50, 10,
                             key="data_2d_ratio")
    # starts at 0; Regenerate adds 1
    seed = number_box(t("data.seed"), 0, 9_999, key="data_2d_seed", container=seed_col)
    button_col.button(t("data.regenerate"), key="data_2d_regenerate", on_click=_regenerate, icon=":material/refresh:")
    data = load_dataset(name, noise=noise, train_ratio=ratio, seed=int(seed))
    chart_col, code_col = st.columns([3, 2])
    show_plot(points_figure(data), "data_2d_chart", "points_2d", chart_col)
    code_col.caption(t("data.split_line", train=len(data.train_x), test=len(data.test_x)))
    code_col.code(f'data = load_dataset(\n    "{name}", noise={noise},\n    train_ratio={ratio}, seed={seed})\n'
                  f"data.train_x.shape  # {tuple(data.train_x.shape)}\n"
                  f"data.train_y.shape  # {tuple(data.train_y.shape)}",
                  language="python")


TEMPERATURE_SETUP = """torch.set_printoptions(edgeitems=2, linewidth=75)
t_c = [0.5,  14.0, 15.0, 28.0, 11.0,  8.0,  3.0, -4.0,  6.0, 13.0, 21.0]
t_u = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]
t_c = torch.tensor(t_c).unsqueeze(1)
t_u = torch.tensor(t_u).unsqueeze(1)

t_u.shape"""
TEMPERATURE_SPLIT = """n_samples = t_u.shape[0]
n_val = int(0.2 * n_samples)
shuffled_indices = torch.randperm(n_samples, generator=torch.Generator().manual_seed({seed}))
train_indices = shuffled_indices[:-n_val]   # {train}
val_indices = shuffled_indices[-n_val:]     # {val}
t_un_train = 0.1 * t_u[train_indices]
t_un_val = 0.1 * t_u[val_indices]"""


def render_temperature() -> None:
    """The 11 readings, which two are held out for validation, and the seed's code."""
    st.markdown(t("data.temperature_intro"))
    seed = int(number_box(t("data.seed"), 0, 9_999, 0, key="data_temperature_seed"))
    train, val = split_indices(len(T_C), seed)
    split = [t("data.validation") if i in val.tolist() else t("data.train_points") for i in range(len(T_C))]
    table = pd.DataFrame({"t_u": T_U, "t_un = 0.1 * t_u": [round(0.1 * u, 2) for u in T_U], "t_c": T_C,
                          t("data.split"): split})
    chart_col, table_col = st.columns([3, 2])
    figure = go.Figure()
    for name in (t("data.train_points"), t("data.validation")):
        rows = table[table[t("data.split")] == name]
        figure.add_scatter(x=rows["t_u"], y=rows["t_c"], mode="markers", name=name, marker=dict(size=10))
    figure.update_layout(height=360, margin=dict(l=0, r=0, t=10, b=0), xaxis_title="t_u", yaxis_title="t_c (°C)")
    show_plot(figure, "data_temperature_chart", "temperature_data", chart_col)
    table_col.dataframe(table, hide_index=True)
    st.code(TEMPERATURE_SETUP, language="python")
    # The cell's output, printed here: torch.set_printoptions would change every session's printing.
    st.code(repr(readings()[1].shape), language="text")
    st.code(TEMPERATURE_SPLIT.format(seed=seed, train=train.tolist(), val=val.tolist()), language="python")


def _use_example() -> None:
    st.session_state["data_csv"] = ("iris.csv", iris_csv())


def render_csv_upload() -> None:
    """Upload a CSV (or take the example), pick the label column and task, and make a data set of it."""
    st.markdown(t("data.csv_intro", mb=MAX_BYTES // 1_000_000, rows=MAX_ROWS, cols=MAX_COLUMNS))
    upload = uploader(t("data.csv_file"), ["csv", "txt"], key="data_csv_file",
                      max_upload_size=max(1, MAX_BYTES // 1_000_000))
    if upload is not None and st.session_state.get("data_csv_id") != upload.file_id:  # a new file, taken once
        st.session_state["data_csv_id"] = upload.file_id
        st.session_state["data_csv"] = (upload.name, upload.getvalue())
    example_col, download_col = st.columns(2)
    example_col.button(t("data.csv_example"), key="data_csv_example", on_click=_use_example, icon=":material/eco:")
    download_col.download_button(t("data.csv_example_download"), iris_csv(), file_name="iris.csv", mime="text/csv",
                                 key="data_csv_example_download", icon=":material/download:")
    if "data_csv" in st.session_state:
        _render_current_file(*st.session_state["data_csv"])
    if UPLOAD_KEY in st.session_state:
        source = st.session_state.get("data_upload_source")
        # After a failed load the earlier data set is still the one in use: it keeps its own file's name.
        current = st.session_state.get("data_upload_file") == st.session_state.get("data_csv")
        _show_upload(st.session_state[UPLOAD_KEY], st.session_state.get("data_upload_features"),
                     None if current or source is None else source.file_name)
        render_csv_download(st.session_state[UPLOAD_KEY], source)


def _render_current_file(name: str, raw: bytes) -> None:
    st.caption(t("data.csv_source", name=name))
    try:
        columns = csv_columns(raw)
    except PlaygroundError as error:
        st.error(error_text(error), icon=":material/error:")
        return
    label_col, task_col = st.columns(2)
    label = label_col.selectbox(t("data.label_column"), columns, index=len(columns) - 1, key="data_csv_label")
    task = task_col.radio(t("data.task"), TASKS, key="data_csv_task", horizontal=True,
                          format_func=labels_of(TASKS, "data.task_{}"))
    if st.button(t("data.csv_load"), key="data_csv_load", type="primary"):
        try:
            st.session_state[UPLOAD_KEY] = dataset_from_csv(raw, label, task)
            st.session_state["data_upload_features"] = [column for column in columns if column != label]
            st.session_state["data_upload_source"] = CsvSource(name, label, task)  # what the script reads
            st.session_state["data_upload_file"] = (name, raw)
        except PlaygroundError as error:
            st.error(error_text(error), icon=":material/error:")


def _show_upload(data, features: list[str] | None, earlier_file: str | None) -> None:
    classes = t("data.csv_classes", n=len(data.class_names)) if data.class_names else t("data.task_regression")
    counts = dict(train=len(data.train_x), test=len(data.test_x), features=data.input_shape[0], classes=classes)
    if earlier_file is None:
        st.success(t("data.csv_loaded", **counts))
    else:
        st.warning(t("data.csv_earlier", name=earlier_file, **counts), icon=":material/history:")
    preview = pd.DataFrame(data.train_x[:8].numpy(), columns=features)
    preview[t("data.label")] = ([data.class_names[int(i)] for i in data.train_y[:8]] if data.class_names
                                else data.train_y[:8, 0].tolist())
    st.dataframe(preview, hide_index=True)
    st.code("data = dataset_from_csv(open('my.csv', 'rb').read(), label_column=..., task=...)\n"
            f"# train_x {tuple(data.train_x.shape)} {data.train_x.dtype}, train_y {tuple(data.train_y.shape)} "
            f"{data.train_y.dtype}", language="python")
