"""Teacher mode: a lesson link carries a short lesson text and the controls to hide from students.

Pages ask `shown("train.optimizer")` before drawing a control a teacher may hide; the entry script
draws the lesson text above every page.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui.language import t

LESSON_KEY = "lesson"
MAX_LESSON_CHARS = 2_000


@dataclass(frozen=True)
class Lesson:
    """What a teacher set: the text shown on top and the ids of hidden controls."""

    text: str = ""
    hidden: frozenset[str] = frozenset()

    def to_dict(self) -> dict:
        """JSON-ready form for a link."""
        return {"text": self.text, "hide": sorted(self.hidden)}

    @classmethod
    def from_dict(cls, data: object) -> Lesson:
        """Parse a link's lesson part, dropping anything that is not ours (links may be edited)."""
        if not isinstance(data, dict):
            return cls()
        text = data.get("text") if isinstance(data.get("text"), str) else ""
        hide = data.get("hide") if isinstance(data.get("hide"), list) else []
        return cls(text[:MAX_LESSON_CHARS], frozenset(h for h in hide if h in HIDEABLE))


# Controls a teacher may hide (TF Playground hides up to 15); pages check them with `shown`.
HIDEABLE: dict[str, str] = {
    "sidebar.language": "lesson.control_language",
    "model.preset": "lesson.control_model_preset",
    "model.editor": "lesson.control_model_editor",
    "model.code": "lesson.control_model_code",
    "model.json": "lesson.control_model_json",
}


def current_lesson() -> Lesson:
    """The lesson of this session (empty unless a lesson link was opened)."""
    return st.session_state.get(LESSON_KEY, Lesson())


def set_lesson(lesson: Lesson) -> None:
    """Make `lesson` this session's lesson."""
    st.session_state[LESSON_KEY] = lesson


def shown(control: str) -> bool:
    """Whether a hideable control is shown in this session."""
    return control not in current_lesson().hidden


def render_lesson_text() -> None:
    """The teacher's lesson text, above the page."""
    lesson = current_lesson()
    if lesson.text:
        st.info(lesson.text, icon=":material/school:")
        if lesson.hidden:
            st.caption(t("lesson.some_hidden"))
