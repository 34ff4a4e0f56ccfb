"""The Model page's layer-by-layer editor: add, remove, reorder, choose sizes, activations and names.

Each row has a stable id, so its widgets keep their values when rows move. Rows become a spec
through engine.network.editing; an invalid edit shows the reason and leaves the last valid network in place.
"""

from __future__ import annotations

import itertools

import streamlit as st

from engine import LAYERS, PRESETS, ModelSpec, PlaygroundError
from engine.network.editing import rows_from_spec, spec_from_rows
from ui.language import error_text, t
from ui.model.state import DEFAULT_PRESET, current_spec, set_spec
from ui.teacher.lesson import shown
from ui.widgets import number_box

ROWS_KEY = "model_rows"
_ids = itertools.count()  # row ids only need to be unique within one process


def _key(uid: int, field: str) -> str:
    return f"model_row_{uid}_{field}"


def _store_row(row: dict, uid: int | None = None) -> int:
    uid = next(_ids) if uid is None else uid
    st.session_state[_key(uid, "kind")] = row["kind"]
    st.session_state[_key(uid, "name")] = row["name"]
    for arg in LAYERS[row["kind"]].args:
        st.session_state[_key(uid, arg.name)] = row["args"].get(arg.name, arg.default)
    return uid


def load_spec(spec: ModelSpec) -> None:
    """Replace the editor's rows, class name and input shape with `spec`'s. A row takes the id of the row it
    replaces: Streamlit keeps a record of every widget key a session has used, and each visit to this page loads
    the rows again."""
    held = st.session_state.get(ROWS_KEY, [])
    st.session_state[ROWS_KEY] = [_store_row(row, held[i] if i < len(held) else None)
                                  for i, row in enumerate(rows_from_spec(spec))]
    st.session_state["model_class_name"] = spec.class_name or ""
    st.session_state["model_input_shape"] = ", ".join(map(str, spec.input_shape))


def _load_preset() -> None:
    load_spec(PRESETS[st.session_state["model_preset"]])


def _move(index: int, step: int) -> None:
    rows = st.session_state[ROWS_KEY]
    other = index + step
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]


def _remove(index: int) -> None:
    st.session_state[ROWS_KEY].pop(index)


def _add() -> None:
    kind = st.session_state["model_new_kind"]
    args = {"in_features": 1, "out_features": 10} if kind == "Linear" else {}  # connect sizes fills the rest
    st.session_state[ROWS_KEY].append(_store_row({"kind": kind, "name": "", "args": args}))


def _arg_widget(uid: int, arg, connected_value: int | None) -> object:
    key = _key(uid, arg.name)
    if key not in st.session_state:  # the kind changed: start the new arguments at their defaults
        st.session_state[key] = arg.default
    if connected_value is not None:  # shown, not edited: the size that really reaches this layer
        st.session_state[key] = connected_value
    disabled = connected_value is not None
    if arg.kind is bool:
        return st.checkbox(arg.name, key=key, disabled=disabled)
    step = 1 if arg.kind is int else 0.1
    low, high = arg.kind(arg.low), arg.kind(arg.high)
    return number_box(arg.name, low, high, key=key, step=step, disabled=disabled)


def _render_row(index: int, uid: int, count: int, incoming: tuple[int, ...] | None) -> dict:
    """One layer's widgets; `incoming` is the shape reaching it when sizes connect themselves."""
    kind_col, name_col, args_col, buttons_col = st.columns([2, 2, 5, 2], vertical_alignment="bottom")
    kind = kind_col.selectbox(t("model.layer_kind", n=index), list(LAYERS), key=_key(uid, "kind"))
    name = name_col.text_input(t("model.layer_name"), key=_key(uid, "name"), placeholder=t("model.optional"))
    args = {}
    specs = LAYERS[kind].args
    connected = LAYERS[kind].connected(incoming, {}) if incoming else {}
    # One flex row each, not a column per widget: a student's every visit sends each block again.
    if specs:
        with args_col.container(horizontal=True, vertical_alignment="bottom", wrap=False):
            for arg in specs:
                args[arg.name] = _arg_widget(uid, arg, connected.get(arg.name))
    else:
        args_col.caption(t("model.no_args"))
    buttons = buttons_col.container(horizontal=True, horizontal_alignment="distribute", gap=None, wrap=False)
    buttons.button("↑", key=_key(uid, "up"), on_click=_move, args=(index, -1), disabled=index == 0,
                   help=t("model.move_up"))
    buttons.button("↓", key=_key(uid, "down"), on_click=_move, args=(index, 1), disabled=index == count - 1,
                   help=t("model.move_down"))
    buttons.button("✕", key=_key(uid, "remove"), on_click=_remove, args=(index,), help=t("model.remove"))
    return {"kind": kind, "name": name, "args": args}


def _parse_shape(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.replace("(", "").replace(")", "").split(",") if part.strip())
    except ValueError:
        return ()  # validation then says what a shape must look like


def _shape_after(shape: tuple[int, ...] | None, row: dict, auto_connect: bool) -> tuple[int, ...] | None:
    # The shape leaving this row, or None once something here or upstream cannot be computed.
    if shape is None:
        return None
    kind = LAYERS[row["kind"]]
    args = kind.connected(shape, row["args"]) if auto_connect else row["args"]
    try:
        return kind.output_shape(shape, args)
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _shape_text(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(["B", *map(str, shape)]) + ")"


def render_editor() -> None:
    """Draw the editor and make a valid edit the session's current network."""
    # First visit, or back from another page: Streamlit forgets the values of widgets a run did not draw.
    forgotten = shown("model.editor") and "model_input_shape" not in st.session_state
    if ROWS_KEY not in st.session_state or forgotten:
        load_spec(current_spec())
    if shown("model.preset"):
        st.session_state.setdefault("model_preset", DEFAULT_PRESET)
        st.selectbox(t("model.preset"), list(PRESETS), key="model_preset", on_change=_load_preset,
                     format_func=lambda name: f"{name} — {t('preset.' + name)}")
    if not shown("model.editor"):
        return
    shape_col, class_col, auto_col = st.columns([2, 2, 2], vertical_alignment="bottom")
    shape_text = shape_col.text_input(t("model.input_shape"), key="model_input_shape", help=t("model.input_shape_help"))
    class_name = class_col.text_input(t("model.class_name"), key="model_class_name", help=t("model.class_name_help"))
    auto_connect = auto_col.toggle(t("model.auto_connect"), value=True, key="model_auto_connect",
                                   help=t("model.auto_connect_help"))
    uids = st.session_state[ROWS_KEY]
    rows, shape = [], _parse_shape(shape_text) or None
    for i, uid in enumerate(uids):
        rows.append(_render_row(i, uid, len(uids), shape if auto_connect else None))
        shape = _shape_after(shape, rows[-1], auto_connect)
        # Each layer's output shape, batch first, as the generated code's comments write it.
        st.caption(t("model.output_shape", shape=_shape_text(shape)) if shape else t("model.output_shape_unknown"))
    add_kind, add_button = st.columns([2, 9], vertical_alignment="bottom")
    add_kind.selectbox(t("model.new_layer"), list(LAYERS), key="model_new_kind",
                       index=list(LAYERS).index("Linear"))
    add_button.button(t("model.add_layer"), key="model_add_layer", on_click=_add, icon=":material/add:")
    try:
        set_spec(spec_from_rows(_parse_shape(shape_text), rows, class_name, auto_connect))
    except PlaygroundError as error:
        st.error(error_text(error), icon=":material/error:")
        st.caption(t("model.kept_last_valid"))
