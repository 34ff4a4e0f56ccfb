"""Home's list of the guided paths: each tutorial named as it names itself, with its author and link."""

from __future__ import annotations

import streamlit as st

from engine.course import PATHS
from ui.course import state
from ui.language import t


def render_course_list() -> None:
    """One bordered box per tutorial: title, author, link, number of steps and a button to follow it."""
    st.subheader(t("course.home_heading"))
    st.markdown(t("course.home_intro"))
    for key, path in PATHS.items():
        with st.container(border=True):
            title = f"**{key[1:]} · [{path.title}]({path.link})**" if path.link else f"**{key[1:]} · {path.title}**"
            st.markdown(title)
            author = t("course.by", author=path.author) if path.author else t("course.no_author")
            extra = [] if path.link else [t("course.no_link")]
            st.caption(" · ".join([author, *extra, t("course.home_steps", n=len(path.steps))]))
            st.button(t("course.start"), key=f"course.start.{key}", on_click=state.follow, args=(key,))
