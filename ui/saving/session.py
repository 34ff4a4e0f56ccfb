"""Save this session's work to the store and restore it in a new session (a reload, another replica).

`restore_session` runs first in every script run and does its work once per session; `save_session`
runs last and hands only what changed to the process's writer thread (store/writer.py), so a page
never waits on the database. While a run trains, `save_running` hands its progress over every few seconds.
"""

from __future__ import annotations

import json
import logging
import time

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from engine import ModelSpec, PlaygroundError, build_model
from engine.training import TrainConfig
from engine.training.trainer import EpochReport, Trainer
from store.database import enabled
from store.work import DamagedWork, Run, ensure_student, forget_work, load_work
from store.writer import writer
from ui.language import LANG_KEY
from ui.model.state import FRESH_KEY, INIT_SEED, MODEL_KEY, SPEC_KEY, current_spec
from ui.saving.class_join import CLASS_KEY
from ui.saving.identity import current_token
from ui.teacher.lesson import LESSON_KEY, Lesson, current_lesson, set_lesson
from ui.train.job import JOB_KEY, TrainingJob, current_job
from ui.train.settings import shared_data

RESTORED_KEY = "store_restored"
SAVED_KEY = "store_saved"  # what was last handed to the writer, to hand over only what changed
NOTICE_KEY = "store_notice"  # a message key for the sidebar ("store.fresh_start")
CODE_KEY = "store_resume_code"
CSV_KEY = "data_csv"  # ui/data/points.py's (name, bytes) of the last uploaded file
RUNNING_SAVE_SECONDS = 5.0  # a long run's progress is saved at most this often
HISTORY_KEY = "store_history"  # (the history list, its dicts, their JSON) as last saved
SETTINGS = ("train_source", "train_preset", "train_data", "train_loss", "train_optimizer", "train_lr",
            "train_momentum", "train_batch_size", "train_epochs", "train_reg", "train_reg_rate", "train_seed",
            "train_device", "train_shuffle", "train_schedule")


def restore_session() -> None:
    """Once per session: this browser's saved work becomes the session's (a damaged row: a fresh start)."""
    if RESTORED_KEY in st.session_state or not enabled():
        return
    token = current_token()
    try:
        st.session_state[CODE_KEY] = ensure_student(token)
        work = load_work(token)
    except DamagedWork:
        forget_work(token)
        st.session_state[NOTICE_KEY] = "store.fresh_start"
        work = None
    except (SQLAlchemyError, OSError) as error:
        logging.getLogger(__name__).warning("restoring a session failed: %s", str(error).splitlines()[0])
        # The database is away: this session starts in memory; what changes from now on is saved once it is
        # back (the writer keeps it), and what it held before is not overwritten by this session's defaults.
        writer().unreachable()
        st.session_state[RESTORED_KEY] = True
        st.session_state[SAVED_KEY] = _state()
        return
    writer().reached()
    st.session_state[RESTORED_KEY] = True
    if work is not None:
        try:
            _restore(work)
        except (PlaygroundError, ValueError, TypeError, KeyError, RuntimeError):  # readable but not usable
            for key in (SPEC_KEY, MODEL_KEY, JOB_KEY, *SETTINGS):
                st.session_state.pop(key, None)
            forget_work(token)
            st.session_state[NOTICE_KEY] = "store.fresh_start"
    # What came from the store needs no saving; what the session had before (a ?lang=, a link) does.
    saved = _state()
    stored = {"lang": work and work.lang, "lesson": work and work.lesson, "spec": work and work.spec,
              "model": work and work.weights, "csv": work and work.csv, "settings": work and work.settings}
    st.session_state[SAVED_KEY] = {key: None if key in stored and stored[key] is None else value
                                   for key, value in saved.items()}


def _restore(work) -> None:
    state = st.session_state
    if work.lang in ("ko", "en"):
        state[LANG_KEY] = work.lang
    if work.lesson:
        set_lesson(Lesson.from_dict(work.lesson))
    if work.class_code is not None:
        state[CLASS_KEY] = (work.class_code, work.nickname)
    if work.csv is not None:
        state[CSV_KEY] = work.csv
    if work.spec is not None:
        spec = ModelSpec.from_dict(work.spec)
        model = build_model(spec, seed=INIT_SEED)
        if work.weights is not None:
            model.load_state_dict(work.weights)
        else:
            state[FRESH_KEY] = model
        state[SPEC_KEY], state[MODEL_KEY] = spec, model
    for key, value in (work.settings or {}).items():
        if key in SETTINGS or key.startswith("train_opt_"):
            state[key] = value
    if work.runs:
        try:
            state[JOB_KEY] = _restore_run(work.runs[-1])
        except (PlaygroundError, ValueError, TypeError, KeyError, RuntimeError, OSError):
            pass  # a run that cannot be rebuilt here (its data set is missing): the rest of the work stays


def _restore_run(run: Run) -> TrainingJob:
    """The last run as a job: finished ones show their history; one cut off mid-run is paused, to Play on."""
    spec, config = ModelSpec.from_dict(run.spec), TrainConfig.from_dict(run.config)
    model = st.session_state.get(MODEL_KEY) if st.session_state.get(SPEC_KEY) == spec else None
    data = shared_data(config.data, json.dumps(config.options, sort_keys=True))
    trainer = Trainer(spec, data, config, model=model)
    interrupted = run.status not in ("done", "stopped", "diverged", "limit")
    trainer.resume_saved([EpochReport(**report) for report in run.history], run.seconds,
                         "paused" if interrupted else run.status)
    job = TrainingJob(trainer, (spec, config, run.source))
    job.id, job.interrupted = run.id, interrupted
    return job


def _state() -> dict:
    """The session's work as the store sees it: objects compared by identity or value to find what changed."""
    state = st.session_state
    job = current_job()
    return {
        "lang": state.get(LANG_KEY), "lesson": state.get(LESSON_KEY), "spec": state.get(SPEC_KEY),
        "model": state.get(MODEL_KEY), "csv": state.get(CSV_KEY),
        "settings": {key: state[key] for key in state if key in SETTINGS or str(key).startswith("train_opt_")}
        if "train_preset" in state else None,
        "run": None if job is None else (job.id, job.trainer.status, len(job.trainer.history), job.running),
    }


def save_session(page: str | None = None) -> None:
    """Hand what changed since the last save to the writer (called at the end of every script run)."""
    if not enabled() or RESTORED_KEY not in st.session_state:
        return
    now, last = _state(), st.session_state.get(SAVED_KEY, {})
    parts = {}
    for key in ("lang", "settings"):
        if now[key] is not None and now[key] != last.get(key):
            parts[key] = now[key]
    if now["lesson"] is not None and now["lesson"] != last.get("lesson"):
        parts["lesson"] = current_lesson().to_dict()
    if now["spec"] is not None and now["spec"] != last.get("spec"):
        parts["spec"] = current_spec().to_dict()
    fresh = now["model"] is st.session_state.get(FRESH_KEY)  # the seed's weights: rebuilt the same on restore
    if now["model"] is not None and now["model"] is not last.get("model"):
        parts["weights"] = None if fresh else _weights(now["model"])
    if now["csv"] is not last.get("csv"):
        parts["csv"] = now["csv"]
    if page is not None and page != st.session_state.get("store_page"):
        parts["page"] = st.session_state["store_page"] = page
    job = current_job()
    run = _run(job) if job is not None and now["run"] != last.get("run") else None
    if job is not None and not job.running:
        parts["queue_place"] = None
    if parts or run is not None:
        writer().submit(current_token(), parts, run)
    if now["settings"] is None:  # the Train page's widgets are only there while it is open: keep the last
        now["settings"] = last.get("settings")
    st.session_state[SAVED_KEY] = now


def save_running(job: TrainingJob) -> None:
    """While a run trains: its progress and weights, at most every RUNNING_SAVE_SECONDS (cheap otherwise)."""
    if not enabled() or RESTORED_KEY not in st.session_state:
        return
    now = time.monotonic()
    if now - st.session_state.get("store_running_at", 0.0) < RUNNING_SAVE_SECONDS:
        return
    st.session_state["store_running_at"] = now
    trainer = job.trainer
    parts = {"spec": trainer.spec.to_dict(), "weights": _weights(trainer.model), "queue_place": job.place}
    writer().submit(current_token(), parts, _run(job))


def _weights(model) -> dict:
    # A copy: the writer encodes it on its own thread while the page goes on.
    return {name: value.detach().clone() for name, value in model.state_dict().items()}


def _run(job: TrainingJob) -> Run:
    trainer = job.trainer
    status = "training" if job.running else trainer.status
    history, encoded = _history(trainer)
    return Run(job.id, status, trainer.config.to_dict(), job.key[2], trainer.spec.to_dict(), trainer.epoch,
               trainer.seconds, history, history_json=encoded)


def _history(trainer: Trainer) -> tuple[list[dict], str]:
    """The run's history as dicts and as JSON, only its new epochs converted since the last save: a
    10,000-epoch run is saved every few seconds, and encoding all of it each time cost more than its live
    view. A history replaced by one that goes on from the same last epoch (the run came back from its
    process: a Pause, a turn's end) goes on too; any other (a reset, a new run) is converted anew."""
    history = trainer.history
    kept = st.session_state.get(HISTORY_KEY)
    if kept is None or not _goes_on(kept, history):
        kept = (history, [], [])
    new = [report.to_dict() for report in history[len(kept[1]):]]
    dicts, pieces = kept[1] + new, kept[2] + [json.dumps(d) for d in new]
    st.session_state[HISTORY_KEY] = (history, dicts, pieces)
    return dicts, "[" + ", ".join(pieces) + "]"


def _goes_on(kept: tuple, history: list) -> bool:
    # Thirty students pausing at once each had their whole history converted again (a copy came back).
    done = len(kept[1])
    if kept[0] is history:
        return done <= len(history)
    return done <= len(history) and (done == 0 or history[done - 1].to_dict() == kept[1][-1])
