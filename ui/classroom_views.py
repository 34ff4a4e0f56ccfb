"""What a student sees of the shared server: their place in the training queue."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t
from ui.train_jobs import WORKERS, TrainingJob


def render_queue_place(job: TrainingJob) -> bool:
    """While the run waits for a free worker: its place in the queue and how many run at once (True)."""
    place = job.place
    if not place:  # training, or not in the queue
        return False
    text = (t("classroom.queued_next", workers=WORKERS) if place == 1
            else t("classroom.queued", place=place, ahead=place - 1, workers=WORKERS))
    st.info(text, icon=":material/hourglass_top:")
    return True
