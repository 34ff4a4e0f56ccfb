"""Where the course panel keeps its place: the chosen path, the step, and each step's tries."""

from __future__ import annotations

import streamlit as st

from engine.course import PATHS, CoursePath, Step

PATH_KEY = "course.path"  # a key of engine.course.PATHS, or None when not following one
STEP_KEY = "course.step"  # index into the path's steps
LINK_PARAM = "course"  # ?course=t001 in a teacher's link opens that tutorial's path at its first step


def current_path() -> CoursePath | None:
    """The path this student follows, or None."""
    return PATHS.get(st.session_state.get(PATH_KEY))


def current_step(path: CoursePath) -> int:
    """The step's index, kept inside the path's range (a lesson link or a stale session may hold any)."""
    index = st.session_state.get(STEP_KEY, 0)
    index = index if isinstance(index, int) else 0
    return min(max(index, 0), len(path.steps) - 1)


def follow(path_key: str) -> None:
    """Start following `path_key` at its first step (a Home button's callback)."""
    st.session_state[PATH_KEY] = path_key
    st.session_state[STEP_KEY] = 0


def follow_link() -> None:
    """Follow the path a link names (`?course=t001`), once per session: the student may leave it after."""
    asked = st.query_params.get(LINK_PARAM)
    if asked in PATHS and not st.session_state.get("course.link_followed"):
        st.session_state["course.link_followed"] = True
        follow(asked)


def restart() -> None:
    """The selector changed path: start it from its first step."""
    st.session_state[STEP_KEY] = 0


def move(offset: int) -> None:
    """Go `offset` steps forward (or back) in the current path."""
    path = current_path()
    if path is not None:
        st.session_state[STEP_KEY] = min(max(current_step(path) + offset, 0), len(path.steps) - 1)


def answer_key(path: CoursePath, step: Step) -> str:
    """The widget key of a step's answer, one per step so that answers never carry over."""
    return f"course.answer.{path.key}.{step.key}"


def verdict_key(path: CoursePath, step: Step) -> str:
    """Where a step's last checked verdict and its number of wrong tries are kept."""
    return f"course.verdict.{path.key}.{step.key}"
