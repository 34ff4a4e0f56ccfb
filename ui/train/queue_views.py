"""What a student sees of the shared server: their place in the training queue."""

from __future__ import annotations

import math

import streamlit as st

from i18n import translate
from ui.language import current_language
from ui.train.job import TrainingJob, classroom

# A waiting run's place changes slowly, and thirty tabs re-asking every second would keep a core busy
# answering them (bench/load_test.py): the Train page's live view polls this rarely until its turn.
QUEUE_POLL_SECONDS = 3.0
# Live-view polls a server answers each second, all students together: each is a script run in the one
# server process (~10 ms of its CPU), so thirty students polling 4 times a second would take its whole
# core and leave clicks waiting for seconds (bench/load_test.py --scenario circle).
LIVE_POLLS_PER_SECOND = 30
OFF_PACE = 2.0  # a live view re-runs its page to take the class's pace when it is this many times off


def live_poll_seconds(fastest: float) -> float:
    """Seconds between a training run's live-view polls: `fastest` while few train, slower as more do, so
    that all the live views together stay within LIVE_POLLS_PER_SECOND."""
    running, _ = classroom().queue.counts()
    return max(fastest, running / LIVE_POLLS_PER_SECOND)


def off_pace(used: float, wanted: float) -> bool:
    """True when a live view polling every `used` seconds should poll every `wanted` seconds instead: off by
    OFF_PACE or more either way. A fragment's pace is set when the page runs, so without this the first
    students of a class kept polling 4 times a second while thirty trained (twice the server's budget in
    bench/load_test.py --scenario circle); the step keeps the page reruns it costs few as a class arrives."""
    return wanted >= used * OFF_PACE or used >= wanted * OFF_PACE


def polls_rarely(place: int | None, resting: bool, seconds: float | None) -> bool:
    """True when a run's live view may poll at QUEUE_POLL_SECONDS: its next turn (`seconds` away, None when
    unknown) is not due within a poll, and it is either waiting behind another waiting run (`place` 2 or
    more) or, when runs take turns, `resting` between two (`place` 0: nothing on its page moves till then).
    A turn due sooner is polled at the live pace, so the run is seen to move at once.

    Without the resting case a class taking turns had every Train page polling at the live pace all the
    time: 4 times the polls, each a new script thread that Streamlit's event loop waits to start
    (docs/measurements.md, "Why turns slowed the pages")."""
    if place is None or place == 1 or (place == 0 and not resting):
        return False
    return seconds is None or seconds > QUEUE_POLL_SECONDS


def waits_long(job: TrainingJob) -> bool:
    """True while the run's live view may poll rarely (`polls_rarely`)."""
    return job.running and polls_rarely(job.place, job.resting, job.wait_seconds)


def render_queue_place(job: TrainingJob) -> bool:
    """While the run waits for its first turn: its place in the queue (`queue_text`) (True); else nothing."""
    text = queue_text(job, current_language())
    if text is None:
        return False
    st.info(text, icon=":material/hourglass_top:")
    return True


def queue_text(job: TrainingJob, lang: str) -> str | None:
    """While the run waits for its first turn: its place in the queue and, when the runs take turns (or it
    waits for a place in the gang), about how long until it starts; else how many run at once. None while
    it trains (or rests between turns), or is not in the queue."""
    place, workers = job.place, job.capacity
    if not place:
        return None
    seconds = job.wait_seconds
    if seconds is not None:
        seconds = max(1, math.ceil(seconds))  # "about 0 s" would promise too much
    if job.in_gang:  # a small run: it waits only for a place in the gang, then trains beside the others
        key = "classroom.gang_queued" if seconds is None else "classroom.gang_queued_eta"
    elif seconds is not None:
        key = "classroom.queued_next_eta" if place == 1 else "classroom.queued_eta"
    else:
        key = "classroom.queued_next" if place == 1 else "classroom.queued"
    return translate(key, lang, place=place, ahead=place - 1, workers=workers, seconds=seconds)
