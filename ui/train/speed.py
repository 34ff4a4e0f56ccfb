"""The Train page's speed control for 2-D runs: slow enough to watch the boundary form, or full speed.

The chosen pace goes with the run to its training process (Trainer.set_pace), and moving the control
while it trains reaches the process at once (ui/train/job.py's change_pace).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui.language import t

SPEED_KEY = "train_speed"
# Epochs a second. On circle the boundary forms over its first ~100 epochs: 10 s to watch at "slow";
# "normal" is TF Playground's own pace in a student's browser; "fast" is whatever the server gives.
PACES: dict[str, float | None] = {"slow": 10.0, "normal": 60.0, "fast": None}
DEFAULT_SPEED = "fast"  # as before: a class's server shares its cores fairly; a student slows down to watch


def chosen_pace(two_d: bool = True) -> float | None:
    """The pace the student chose (epochs a second, None: full speed); only 2-D runs are paced."""
    return PACES[st.session_state.get(SPEED_KEY) or DEFAULT_SPEED] if two_d else None


def render_speed(on_change: Callable[[], None]) -> None:
    """Slow / normal / fast, usable while the run trains; `on_change` passes the new pace on."""
    labels = {speed: t(f"train.speed_{speed}") for speed in PACES}  # looked up now, in the script's thread
    st.session_state.setdefault(SPEED_KEY, DEFAULT_SPEED)
    st.segmented_control(t("train.speed"), list(PACES), key=SPEED_KEY, format_func=labels.get, on_change=on_change,
                         help=t("train.speed_help"))
