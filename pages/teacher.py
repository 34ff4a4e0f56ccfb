"""Teacher mode: write a lesson text, hide controls, pick a starting page and model, get the link."""

import streamlit as st

from engine import PRESETS
from i18n import LANGUAGE_NAMES, LANGUAGES, translate
from ui.language import current_language, t
from ui.links import share_url
from ui.model.editor import load_spec
from ui.model.state import current_spec, set_spec
from ui.pages import PAGES, require_entry
from ui.teacher.lesson import HIDEABLE, MAX_LESSON_CHARS, Lesson
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
st.session_state.setdefault("teacher_lang", current_language())
left, right = st.columns(2)
left.radio(t("lesson.language"), LANGUAGES, format_func=LANGUAGE_NAMES.get, key="teacher_lang", horizontal=True)
right.selectbox(t("lesson.preset"), [None, *PRESET_BY_ID], key="teacher_preset", on_change=_apply_preset,
                format_func=lambda key: t("lesson.custom") if key is None else t(PRESET_BY_ID[key].title_key))
page = st.selectbox(t("lesson.page"), PAGE_PATHS, key="teacher_page",
                    format_func=lambda path: t(next(p.title_key for p in PAGES if p.path == path)))
text = st.text_area(t("lesson.text"), key="teacher_text", max_chars=MAX_LESSON_CHARS, height=120)
# Pills, not a multiselect: Streamlit's multiselect offers "Select all" in English only.
hidden = st.pills(t("lesson.hide"), list(HIDEABLE), selection_mode="multi", key="teacher_hide",
                  format_func=lambda c: t(HIDEABLE[c]))

target = next(p for p in PAGES if p.path == page)
url = share_url(target.url_path, Lesson(text.strip(), frozenset(hidden)), st.session_state["teacher_lang"])
st.subheader(t("lesson.link"))
st.code(url, language="text", wrap_lines=True)
st.caption(t("lesson.link_help", params=current_spec().parameter_count()))
