"""Lesson presets that follow the seeds step by step: where each lesson opens and what it says."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LessonPreset:
    """A ready-made lesson: its page, the model preset it starts from, and its text (catalog key)."""

    id: str
    page: str  # a path in ui.pages.PAGES
    preset: str | None = None

    @property
    def text_key(self) -> str:
        """Catalog key of the lesson's text."""
        return f"lessons.{self.id}"

    @property
    def title_key(self) -> str:
        """Catalog key of the lesson's short title ("1 · Tensors")."""
        return f"lesson_title.{self.id}"


LESSON_PRESETS: tuple[LessonPreset, ...] = (
    LessonPreset("tensors", "pages/tensors.py"),
    LessonPreset("data", "pages/data.py"),
    LessonPreset("model", "pages/model.py", "fashion_mlp"),
    LessonPreset("layers", "pages/layers.py", "walkthrough"),
    LessonPreset("activations", "pages/activations.py"),
    LessonPreset("autograd", "pages/autograd.py"),
    LessonPreset("training", "pages/train.py", "fashion_mlp"),
    LessonPreset("save_load", "pages/export.py", "fashion_mlp"),
    LessonPreset("onnx", "pages/export.py", "fashion_mlp"),
)
