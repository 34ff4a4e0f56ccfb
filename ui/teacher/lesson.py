"""Teacher mode: a lesson link carries a short lesson text and the controls to hide from students.

Pages ask `shown("train.optimizer")` before drawing a control a teacher may hide; the entry script
draws the lesson text above every page.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui.language import t
from ui.pages import PAGES

LESSON_KEY = "lesson"
MAX_LESSON_CHARS = 2_000


@dataclass(frozen=True)
class Lesson:
    """What a teacher set: the text shown on top, the ids of hidden controls, and settings locked to a value."""

    text: str = ""
    hidden: frozenset[str] = frozenset()
    locks: tuple[tuple[str, object], ...] = ()  # (Train page widget key, value), sorted

    def to_dict(self) -> dict:
        """JSON-ready form for a link."""
        data = {"text": self.text, "hide": sorted(self.hidden)}
        return data | {"lock": dict(self.locks)} if self.locks else data

    @classmethod
    def from_dict(cls, data: object) -> Lesson:
        """Parse a link's lesson part, dropping anything that is not ours (links may be edited)."""
        if not isinstance(data, dict):
            return cls()
        text = data.get("text") if isinstance(data.get("text"), str) else ""
        hide = data.get("hide") if isinstance(data.get("hide"), list) else []
        lock = data.get("lock") if isinstance(data.get("lock"), dict) else {}
        locks = tuple(sorted((key, value) for key, value in lock.items() if _lockable(key, value)))
        return cls(text[:MAX_LESSON_CHARS], frozenset(h for h in hide if h in HIDEABLE), locks)


# Controls a teacher may hide (TF Playground hides up to 15); pages check them with `shown`.
HIDEABLE: dict[str, str] = {
    "sidebar.language": "lesson.control_language",
    "model.preset": "lesson.control_model_preset",
    "model.editor": "lesson.control_model_editor",
    "model.code": "lesson.control_model_code",
    "model.json": "lesson.control_model_json",
    "train.settings": "lesson.control_train_settings",
    # Whole pages, from the menu (Home and this page stay: students start there, teachers come back)
    **{f"page.{page.url_path}": page.title_key for page in PAGES[1:-1]},
}
# Train page settings a teacher may lock to the value they chose (widget key -> its label's catalog key).
LOCKABLE: dict[str, str] = {
    "train_data": "train.data", "train_loss": "train.loss", "train_optimizer": "train.optimizer",
    "train_lr": "train.lr", "train_batch_size": "train.batch_size", "train_epochs": "train.epochs",
    "train_seed": "train.seed", "train_schedule": "train.schedule",
}


def control_label(control: str) -> str:
    """A hideable control's name for the teacher ("페이지: 텐서" for a whole page)."""
    label = t(HIDEABLE[control])
    return t("lesson.control_page", page=label) if control.startswith("page.") else label


def lock_values() -> dict[str, object]:
    """What each lockable setting would be locked to: the teacher's own Train page values, else the
    recommended settings of the current model's preset."""
    from engine import PRESETS
    from engine.training.recommended import recommended_config
    from ui.model.state import current_spec

    spec = current_spec()
    config = recommended_config(next((name for name, preset in PRESETS.items() if preset == spec), ""))
    defaults = {"train_data": config.data, "train_loss": config.loss, "train_optimizer": config.optimizer,
                "train_lr": config.lr, "train_batch_size": config.batch_size, "train_epochs": config.epochs,
                "train_seed": config.seed, "train_schedule": config.schedule or "none"}
    return {key: st.session_state.get(key, defaults[key]) for key in LOCKABLE}


def _lockable(key: object, value: object) -> bool:
    # A link may be edited by hand: only known keys, only plain values of a sane size.
    return key in LOCKABLE and (isinstance(value, int | float) and not isinstance(value, bool)
                                or isinstance(value, str) and len(value) <= 40)


def current_lesson() -> Lesson:
    """The lesson of this session (empty unless a lesson link was opened)."""
    return st.session_state.get(LESSON_KEY, Lesson())


def set_lesson(lesson: Lesson) -> None:
    """Make `lesson` this session's lesson."""
    st.session_state[LESSON_KEY] = lesson


def shown(control: str) -> bool:
    """Whether a hideable control is shown in this session."""
    return control not in current_lesson().hidden


def locked(key: str) -> bool:
    """Whether the teacher locked this Train page setting (its widget is then shown, disabled)."""
    return key in dict(current_lesson().locks)


def apply_locks() -> None:
    """Put every locked setting back to the teacher's value (before its widget is drawn)."""
    for key, value in current_lesson().locks:
        st.session_state[key] = value


def render_lesson_text() -> None:
    """The teacher's lesson text, above the page."""
    lesson = current_lesson()
    if lesson.text:
        st.info(lesson.text, icon=":material/school:")
        if lesson.hidden or lesson.locks:
            st.caption(t("lesson.some_hidden"))
