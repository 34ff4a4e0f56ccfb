"""The sidebar's guided path: a tutorial's steps in order, beside whichever page the student works on.

Each step says the tutorial's point, links to the page and names the control, shows the handout's
printed result beside what this app computes, and asks one exercise the engine checks.
"""

from __future__ import annotations

import streamlit as st

from engine.course import PATHS, CoursePath, Step
from ui.course import state
from ui.language import t
from ui.pages import PAGES

REVEAL_AFTER = 3  # wrong tries before the panel gives the answer away


def _path_label(key: str | None) -> str:
    return t("course.none") if key is None else f"{key[1:]} · {PATHS[key].title}"


@st.cache_data(show_spinner=False, max_entries=64)
def _figure(path_key: str, index: int) -> str:
    """A step's figure: deterministic (seeded), so computed once per server, not on every rerun."""
    return PATHS[path_key].steps[index].figure()


def render_course_panel() -> None:
    """The "Guided path" panel in the sidebar: choose a tutorial, then follow its current step."""
    state.follow_link()
    path = state.current_path()
    with st.sidebar, st.expander(t("course.panel"), expanded=path is not None, icon=":material/menu_book:"):
        st.selectbox(t("course.choose"), [None, *PATHS], key=state.PATH_KEY, format_func=_path_label,
                     on_change=state.restart)
        if path is not None:
            _render_step(path, state.current_step(path))


def _render_step(path: CoursePath, index: int) -> None:
    step = path.steps[index]
    st.markdown("**" + t("course.step_of", k=index + 1, n=len(path.steps), title=t(path.step_key(step, "title")))
                + "**")
    st.markdown(t(path.step_key(step, "point")))
    page = next(page for page in PAGES if page.path == step.page)
    st.caption(t("course.go", control=t(step.control)))
    st.page_link(step.page, label=t(page.title_key), icon=page.icon)
    # Tabs, not columns: the sidebar is too narrow for two printouts side by side.
    tabs = st.tabs([t("course.handout"), t("course.mine")] if step.figure is not None else [t("course.handout")])
    tabs[0].code(step.handout, language=None, wrap_lines=True)
    if step.figure is not None:
        tabs[1].code(_figure(path.key, index), language=None, wrap_lines=True)
    if step.random:
        st.caption(t("train.printout_random"))
    _render_exercise(path, step)
    back, forward = st.columns(2)
    back.button(t("course.previous"), key="course.previous", on_click=state.move, args=(-1,),
                disabled=index == 0, width="stretch")
    forward.button(t("course.next"), key="course.next", on_click=state.move, args=(1,),
                   disabled=index == len(path.steps) - 1, width="stretch", type="primary")
    if index == len(path.steps) - 1:
        st.caption(t("course.done"))


def _render_exercise(path: CoursePath, step: Step) -> None:
    st.markdown(f"**{t('course.exercise')}** · {t(path.step_key(step, 'question'))}")
    key = state.answer_key(path, step)
    if step.exercise.kind == "choice":
        st.radio(t("course.answer"), step.exercise.options, key=key, index=None)
    else:
        st.text_input(t("course.answer"), key=key)
    verdict_key = state.verdict_key(path, step)
    if st.button(t("course.check"), key="course.check", width="stretch"):
        verdict = step.exercise.check(st.session_state.get(key) or "")
        wrong = st.session_state.get(verdict_key, (None, 0))[1] + (not verdict.right)
        st.session_state[verdict_key] = (verdict, wrong)
    verdict, wrong = st.session_state.get(verdict_key, (None, 0))
    if verdict is None:
        return
    if verdict.right:
        st.success(t("course.right"), icon=":material/check_circle:")
        return
    st.warning(t("course.wrong", reason=t(verdict.reason)), icon=":material/lightbulb:")
    if wrong >= REVEAL_AFTER:
        st.info(t("course.reveal", answer=step.exercise.answer()))
    else:
        st.caption(t("course.hint", hint=t(path.step_key(step, "hint"))))
