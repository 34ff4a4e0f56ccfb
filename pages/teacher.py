"""Teacher mode: a lesson link (text, hidden controls, starting page and model), and the class view."""

import streamlit as st

from engine import PRESETS
from engine.links import encode_setup
from i18n import LANGUAGE_NAMES, LANGUAGES, translate
from ui.language import current_language, t
from ui.links import current_setup, share_url
from ui.model.editor import load_spec
from ui.model.state import current_spec, set_spec
from ui.pages import PAGES, require_entry
from ui.teacher.class_view import render_class
from ui.teacher.lesson import HIDEABLE, LOCKABLE, MAX_LESSON_CHARS, Lesson, control_label, lock_values
from ui.teacher.presets import LESSON_PRESETS

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py

PRESET_BY_ID = {lesson.id: lesson for lesson in LESSON_PRESETS}
PAGE_PATHS = [page.path for page in PAGES]


def _apply_preset() -> None:
    # A callback: fills the form from the lesson preset before its widgets are drawn.
    lesson = PRESET_BY_ID.get(st.session_state["teacher_preset"])
    if lesson is None:
        return
    st.session_state["teacher_text"] = translate(lesson.text_key, st.session_state["teacher_lang"])
    if lesson.page in PAGE_PATHS:
        st.session_state["teacher_page"] = lesson.page
    if lesson.preset:
        set_spec(PRESETS[lesson.preset])
        load_spec(PRESETS[lesson.preset])


st.title(t("lesson.title"))
st.caption(t("lesson.intro"))
link_tab, class_tab = st.tabs([t("lesson.tab_link"), t("class.tab")])
with link_tab:
    st.session_state.setdefault("teacher_lang", current_language())
    left, right = st.columns(2)
    left.radio(t("lesson.language"), LANGUAGES, format_func=LANGUAGE_NAMES.get, key="teacher_lang", horizontal=True)
    # Labels looked up now, in the script's thread: AppTest may format options outside it (ui/language.py).
    preset_labels = {None: t("lesson.custom"), **{key: t(lesson.title_key) for key, lesson in PRESET_BY_ID.items()}}
    right.selectbox(t("lesson.preset"), [None, *PRESET_BY_ID], key="teacher_preset", on_change=_apply_preset,
                    format_func=preset_labels.__getitem__)
    page = st.selectbox(t("lesson.page"), PAGE_PATHS, key="teacher_page",
                        format_func={p.path: t(p.title_key) for p in PAGES}.__getitem__)
    text = st.text_area(t("lesson.text"), key="teacher_text", max_chars=MAX_LESSON_CHARS, height=120)
    hide_labels = {control: control_label(control) for control in HIDEABLE}
    # Pills, not a multiselect: Streamlit's multiselect offers "Select all" in English only.
    hidden = st.pills(t("lesson.hide"), list(HIDEABLE), selection_mode="multi", key="teacher_hide",
                      format_func=hide_labels.__getitem__)
    values = lock_values()
    lock_labels = {key: f"{t(label)} = {values[key]}" for key, label in LOCKABLE.items()}
    locks = st.pills(t("lesson.lock"), list(LOCKABLE), selection_mode="multi", key="teacher_lock",
                     format_func=lock_labels.__getitem__, help=t("lesson.lock_help"))
    lesson = Lesson(text.strip(), frozenset(hidden), tuple(sorted((key, values[key]) for key in locks)))

    target = next(p for p in PAGES if p.path == page)
    if f"page.{target.url_path}" in lesson.hidden:  # students would land on Home instead
        st.warning(t("lesson.page_hidden"), icon=":material/visibility_off:")
    url = share_url(target.url_path, lesson, st.session_state["teacher_lang"])
    st.subheader(t("lesson.link"))
    st.code(url, language="text", wrap_lines=True)
    st.caption(t("lesson.link_help", params=current_spec().parameter_count()))
with class_tab:
    render_class({"setup": encode_setup(current_setup(lesson)),
                  "page": target.path})
