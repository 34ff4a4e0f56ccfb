"""The teacher's class: create or open it (class code + teacher key), watch every student live, the
leaderboard, the results as CSV, push a lesson to everyone, end the class."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import lru_cache

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from engine import ModelSpec, PlaygroundError
from i18n import catalog
from store.classes import (
    class_days,
    class_students,
    create_class,
    end_class,
    leaderboard,
    open_class,
    push_lesson,
    results_csv,
)
from ui.language import t
from ui.pages import PAGES

CLASS_KEY = "teacher_class"  # the open class's code (only after its key was given)
NEW_KEY = "teacher_class_new"  # (code, key) of a class just made: the key is shown this once
REFRESH_SECONDS = 3.0


def _create() -> None:
    try:
        code, key = create_class(int(st.session_state.get("class_days", class_days())))
    except (SQLAlchemyError, OSError):
        st.session_state["class_store_away"] = True
        return
    st.session_state[CLASS_KEY], st.session_state[NEW_KEY] = code, (code, key)


def _open() -> None:
    try:
        code = open_class(st.session_state.get("class_open_code", ""), st.session_state.get("class_open_key", ""))
    except (SQLAlchemyError, OSError):
        st.session_state["class_store_away"] = True
        return
    if code is None:
        st.session_state["class_wrong_key"] = True
    else:
        st.session_state[CLASS_KEY] = code


def _end(code: str) -> None:
    end_class(code)
    st.session_state.pop(CLASS_KEY, None)
    st.session_state.pop(NEW_KEY, None)
    st.session_state["class_ended"] = code


@lru_cache(maxsize=512)
def _model_summary(spec_json: str | None) -> tuple[int | None, int | None]:
    # Layers and parameters of a saved spec, worked out once per distinct model (a class shares a few).
    if spec_json is None:
        return None, None
    try:
        spec = ModelSpec.from_dict(json.loads(spec_json))
    except (PlaygroundError, ValueError):
        return None, None
    return len(spec.layers), spec.parameter_count()


PAGE_TITLES = {page.url_path or "home": page.title_key for page in PAGES}


def class_table(code: str) -> pd.DataFrame:
    """The class view's table: one row per student, in the session's language; `attrs["queue"]` holds how
    many train now and how many wait."""
    now = datetime.now(UTC)
    rows = []
    students = class_students(code)
    for student in students:
        layers, params = _model_summary(student.spec)
        seen = student.seen if student.seen.tzinfo else student.seen.replace(tzinfo=UTC)
        accuracy = student.test_accuracy
        rows.append({
            t("class.col_nickname"): student.nickname,
            t("class.col_page"): t(PAGE_TITLES[student.page]) if student.page in PAGE_TITLES else "",
            t("class.col_layers"): layers, t("class.col_params"): params,
            t("class.col_data"): _dataset(student.dataset) if student.dataset else "",
            t("class.col_epochs"): f"{student.epoch}/{student.epochs}" if student.epochs else "",
            t("class.col_accuracy"): None if accuracy is None else round(accuracy, 1),
            t("class.col_loss"): None if student.test_loss is None else round(student.test_loss, 4),
            t("class.col_time"): None if student.seconds is None else round(student.seconds, 1),
            t("class.col_queue"): queue_state(student.queue_place),
            t("class.col_seen"): max(0, round((now - seen).total_seconds())),
        })
    table = pd.DataFrame(rows)
    places = [student.queue_place for student in students]
    table.attrs["queue"] = (places.count(0), sum(1 for place in places if place))
    return table


def queue_state(place: int | None) -> str:
    """A student's run in the server's queue, in words: training now, waiting (with its place), or neither."""
    if place is None:
        return ""
    return t("class.queue_training") if place == 0 else t("class.queue_waiting", place=place)


def _dataset(name: str) -> str:
    return t(f"dataset.{name}") if f"dataset.{name}" in catalog() else name


def render_class(lesson: dict) -> None:
    """The class tab: create/open a class, or the open class's live view; `lesson` is what Push sends."""
    if "class_ended" in st.session_state:
        st.success(t("class.ended", code=st.session_state.pop("class_ended")), icon=":material/delete:")
    code = st.session_state.get(CLASS_KEY)
    if code is None:
        _render_start()
        return
    new = st.session_state.get(NEW_KEY)
    if new is not None and new[0] == code:
        st.success(t("class.created", code=code, teacher_key=new[1]), icon=":material/key:")
    st.markdown(t("class.open_line", code=code))
    live_class(code)
    try:
        data = results_csv(code)
    except (SQLAlchemyError, OSError):
        data = ""
    left, middle, right = st.columns(3)
    left.download_button(t("class.download"), data, file_name=f"class-{code}.csv", mime="text/csv",
                         key="class_download", icon=":material/download:")
    if middle.button(t("class.push"), key="class_push", icon=":material/campaign:", help=t("class.push_help")):
        push_lesson(code, lesson)
        st.toast(t("class.pushed"))
    with right.popover(t("class.end"), icon=":material/delete_forever:"):
        st.caption(t("class.end_help"))
        st.button(t("class.end_confirm"), key="class_end", type="primary", on_click=_end, args=(code,))


def _render_start() -> None:
    if st.session_state.pop("class_store_away", False):
        st.error(t("store.paused"), icon=":material/cloud_off:")
    left, right = st.columns(2)
    with left:
        st.subheader(t("class.new"))
        st.number_input(t("class.days"), 1, 365, value=class_days(), key="class_days")
        st.button(t("class.create"), key="class_create", type="primary", on_click=_create, icon=":material/add:")
    with right:
        st.subheader(t("class.existing"))
        st.text_input(t("class.code"), key="class_open_code", max_chars=8)
        st.text_input(t("class.key"), key="class_open_key", type="password")
        st.button(t("class.open"), key="class_open", on_click=_open, icon=":material/lock_open:")
        if st.session_state.pop("class_wrong_key", False):
            st.error(t("class.wrong_key"), icon=":material/lock:")


@st.fragment(run_every=REFRESH_SECONDS)
def live_class(code: str) -> None:
    """Every student, live (redrawn every few seconds), and the leaderboard of best test accuracy per data set."""
    try:
        table, boards = class_table(code), leaderboard(code)
    except (SQLAlchemyError, OSError):
        st.warning(t("store.paused"), icon=":material/cloud_off:")
        return
    if table.empty:
        st.info(t("class.empty", code=code), icon=":material/groups:")
    else:
        training, waiting = table.attrs["queue"]
        st.caption(t("class.students", count=len(table)) + " · "
                   + t("class.queue_counts", training=training, waiting=waiting))
        st.dataframe(table, hide_index=True, key="class_table")
    if boards:
        st.subheader(t("class.leaderboard"))
        columns = st.columns(min(len(boards), 3))
        for index, (dataset, board) in enumerate(boards.items()):
            columns[index % len(columns)].dataframe(
                pd.DataFrame(board, columns=[t("class.col_nickname"), t("class.col_accuracy")]).assign(
                    **{t("class.col_accuracy"): lambda frame: frame[t("class.col_accuracy")].round(1)}),
                hide_index=True, key=f"class_board_{dataset}")
            columns[index % len(columns)].caption(_dataset(dataset))
