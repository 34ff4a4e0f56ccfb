"""What a guided path is made of: the tutorial it follows, and its steps in the tutorial's order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.course.exercises import Exercise


@dataclass(frozen=True)
class Step:
    """One step: where to go, what the handout printed, what the student's app shows, one exercise.

    Texts live in the catalog under `course.<path>.<step>.` (`title`, `point`, `question`, `hint`);
    `handout` is the tutorial's printed output, verbatim (code output, the same in every language).
    `figure` computes the student's own counterpart with the engine; `random` marks the first step
    whose figure comes from random numbers, where the panel says once why they differ from the handout.
    """

    key: str
    page: str  # a file in pages/, as ui/pages.py lists it
    control: str  # catalog key of the control to use there (its visible label)
    handout: str
    exercise: Exercise
    figure: Callable[[], str] | None = None
    random: bool = False


@dataclass(frozen=True)
class CoursePath:
    """A tutorial from the class's handouts, named as its file names it, and the steps that follow it.

    `author` and `link` are None where the handout gives none.
    """

    key: str  # "t000": the tutorial's number
    title: str
    author: str | None
    link: str | None
    steps: tuple[Step, ...]

    def step_key(self, step: Step, field: str) -> str:
        """The catalog key of one of `step`'s texts ("title", "point", "question", "hint")."""
        return f"course.{self.key}.{step.key}.{field}"
