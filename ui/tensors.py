"""The Tensors page's sections: widgets in, one engine lesson each, its code and output out."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from engine import PlaygroundError
from engine.device import available_devices
from engine.inside import tensors as lessons
from ui.language import device_label, error_text, labels_of, t
from ui.lazy import KEEP_ON_PAGE
from ui.widgets import number_box

DIRECTIONS = ("tensor_to_numpy", "numpy_to_tensor")


def show_lesson(lesson: lessons.Lesson) -> None:
    """The code that ran and what it printed (or the error it raised on purpose)."""
    code, output = st.columns(2)
    code.caption(t("tensors.code"))
    code.code(lesson.code, language="python")
    output.caption(t("tensors.output"))
    if lesson.output:
        output.code(lesson.output, language="text")
    if lesson.error:
        output.code(lesson.error, language="text")


def show_handout(cell: str, own: bool = True) -> lessons.Lesson:
    """Seed 003's own cell, labelled as the handout's, then (when `own`) the heading of the student's variant."""
    st.markdown(f"**{t('tensors.handout')}**")
    lesson = lessons.handout_cell(cell)
    show_lesson(lesson)
    if cell == "index":
        st.info(t("tensors.handout_typo"), icon=":material/edit_note:")
    if own:
        st.markdown(f"**{t('tensors.own')}**")
    return lesson


def _table(tensor) -> pd.DataFrame:
    return pd.DataFrame(tensor.reshape(tensor.shape[0], -1).numpy() if tensor.dim() > 1 else tensor.numpy()[None])


def render_create() -> None:
    """Create a tensor four ways, then show its shape, dtype and device."""
    method = st.selectbox(t("tensors.method"), lessons.CREATE_METHODS, key="tensors_method", persist_state=KEEP_ON_PAGE,
                          format_func=labels_of(lessons.CREATE_METHODS, "tensors.method_{}"))
    try:
        if method in ("rand", "ones", "zeros"):
            left, right = st.columns(2)
            rows = number_box(t("tensors.shape") + " [0]", 1, lessons.MAX_SIDE, 2, key="tensors_rows",
                              persist_state=KEEP_ON_PAGE, container=left)
            cols = number_box(t("tensors.shape") + " [1]", 1, lessons.MAX_SIDE, 3, key="tensors_cols",
                              persist_state=KEEP_ON_PAGE, container=right)
            data, shape = None, (int(rows), int(cols))
        else:
            text = st.text_input(t("tensors.data"), "[[1, 2], [3, 4]]", key="tensors_data", persist_state=KEEP_ON_PAGE)
            data, shape = lessons.parse_data(text), (2, 3)
        seed = (number_box(t("tensors.seed"), 0, 10_000, 0, key="tensors_seed", persist_state=KEEP_ON_PAGE)
                if "rand" in method else 0)
        lesson = lessons.create_tensor(method, data, shape, int(seed))
    except PlaygroundError as error:
        st.error(error_text(error))
        return
    x = lesson.values["x"]
    shape_col, dtype_col, device_col = st.columns(3)
    shape_col.metric(t("tensors.shape_metric"), str(list(x.shape)))
    dtype_col.metric(t("tensors.dtype_metric"), str(x.dtype))
    device_col.metric(t("tensors.device_metric"), str(x.device))
    show_lesson(lesson)


def render_device() -> None:
    """Seed 003's `.to("cuda")`, or `.to` one of this server's devices, with where the tensor was and is."""
    st.markdown(t("tensors.device_intro"))
    devices = {info.name: info for info in available_devices()}
    choices = ("handout", *devices)
    # a plain dict lookup, as labels_of does: AppTest formats options outside the script run
    labels = {"handout": t("tensors.device_handout"),
              **{name: device_label(info) + f' — .to("{name}")' for name, info in devices.items()}}
    choice = st.radio(t("tensors.device_choice"), choices, key="tensors_device", persist_state=KEEP_ON_PAGE,
                      format_func=labels.__getitem__)
    lesson = lessons.move_to_device(None if choice == "handout" else choice)
    before, after = (line.rsplit(" : ", 1)[1] for line in lesson.output.splitlines())
    before_col, after_col = st.columns(2)
    before_col.metric(t("tensors.before"), before)
    after_col.metric(t("tensors.after"), after)
    if before != after:
        st.success(t("tensors.device_moved", before=before, after=after))
    else:  # nothing moved: say why (no GPU for the handout's `if`, or already on that device)
        st.info(t("tensors.device_stayed" if choice == "handout" else "tensors.device_same", device=after))
    show_lesson(lesson)


def render_index() -> None:
    """The handout's `ones(4, 4)` cell (typos and all), then index or slice a numbered 4x4 tensor, optionally
    assigning a value (the tutorial's intended `tensor[:, 1] = 0`)."""
    show_handout("index")
    text = st.text_input(t("tensors.index"), ":, 1", key="tensors_index", persist_state=KEEP_ON_PAGE,
                         help=t("tensors.index_help"))
    left, right = st.columns(2)
    assign = left.toggle(t("tensors.assign"), value=True, key="tensors_assign", persist_state=KEEP_ON_PAGE)
    value = number_box(t("tensors.value"), -100.0, 100.0, 0.0, key="tensors_value", container=right,
                       disabled=not assign, persist_state=KEEP_ON_PAGE)
    try:
        show_lesson(lessons.index_tensor(text, value if assign else None))
    except PlaygroundError as error:
        st.error(error_text(error))


def render_join() -> None:
    """The handout's 4x12 `torch.cat`, then `torch.cat` against `torch.stack`, with the resulting shape."""
    show_handout("cat")
    st.markdown(t("tensors.join_intro"))
    left, right = st.columns(2)
    operation = left.radio(t("tensors.operation"), ("cat", "stack"), key="tensors_join", persist_state=KEEP_ON_PAGE,
                           horizontal=True)
    high = 1 if operation == "cat" else 2
    dim = right.slider(t("tensors.dim"), -high - 1, high, 0, key=f"tensors_dim_{operation}", persist_state=KEEP_ON_PAGE)
    lesson = lessons.join_tensors(operation, dim)
    st.markdown(t("tensors.result_shape", shape=list(lesson.values["t"].shape)))
    show_lesson(lesson)


def render_multiply() -> None:
    """The handout's products on its own tensor, then matrix against element-wise product on a tensor of
    the student's shape, with both results as tables."""
    show_handout("multiply")
    st.markdown(t("tensors.multiply_intro"))
    left, right = st.columns(2)
    rows = left.slider(t("tensors.rows"), 1, lessons.MAX_SIDE, 4, key="tensors_mul_rows", persist_state=KEEP_ON_PAGE)
    cols = right.slider(t("tensors.cols"), 1, lessons.MAX_SIDE, 3, key="tensors_mul_cols", persist_state=KEEP_ON_PAGE)
    lesson = lessons.multiply(rows, cols)
    source, matmul, mul = st.columns([2, 3, 2])
    source.caption(f"tensor → {list(lesson.values['tensor'].shape)}")
    source.dataframe(_table(lesson.values["tensor"]))
    matmul.caption(f"{t('tensors.matmul_result')} → {list(lesson.values['y1'].shape)}")
    matmul.dataframe(_table(lesson.values["y1"]))
    mul.caption(f"{t('tensors.mul_result')} → {list(lesson.values['z1'].shape)}")
    mul.dataframe(_table(lesson.values["z1"]))
    show_lesson(lesson)


def render_item() -> None:
    """The handout's `tensor.sum().item()`: a one-element tensor becomes a Python number."""
    st.markdown(t("tensors.item_intro"))
    show_handout("item", own=False)


def render_in_place() -> None:
    """`add_` changes the tensor itself (the handout's `add_(5)`, then the student's amount); and why
    autograd objects to it."""
    st.markdown(t("tensors.inplace_intro"))
    show_handout("add_")
    amount = st.slider(t("tensors.amount"), -10, 10, 5, key="tensors_amount", persist_state=KEEP_ON_PAGE)
    lesson = lessons.add_in_place(amount)
    before, after = st.columns(2)
    before.caption(t("tensors.before"))
    before.dataframe(_table(lesson.values["before"]))
    after.caption(t("tensors.after"))
    after.dataframe(_table(lesson.values["tensor"]))
    show_lesson(lesson)
    st.warning(t("tensors.autograd_warning"), icon=":material/warning:")
    show_lesson(lessons.in_place_breaks_autograd())


def render_numpy_bridge() -> None:
    """Change the tensor or the array and watch the other, or make a copy and watch it not change."""
    st.markdown(t("tensors.numpy_intro"))
    direction = st.radio(t("tensors.direction"), DIRECTIONS, key="tensors_direction", persist_state=KEEP_ON_PAGE,
                         format_func=labels_of(DIRECTIONS, "tensors.direction_{}"))
    left, right = st.columns(2)
    amount = left.slider(t("tensors.amount"), -5, 5, 1, key="tensors_bridge_amount", persist_state=KEEP_ON_PAGE)
    copy = right.toggle(t("tensors.copy"), key="tensors_copy", persist_state=KEEP_ON_PAGE)
    lesson = lessons.numpy_bridge(direction, amount, copy)
    shared = lesson.output.strip().endswith("True")
    (st.success if shared else st.info)(t("tensors.shared" if shared else "tensors.not_shared"))
    show_lesson(lesson)
