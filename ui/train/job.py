"""Training in the background: the server's fair queue (classroom/queue.py) runs each student's run in a
training process (classroom/processes.py), or, when it is small enough (`Gang.fits`), in the server's
gang process beside the class's other small runs (classroom/gang_runs.py): `run_for` chooses.

The job (trainer, progress) lives in the student's session state (`current_job`); the Train page's
buttons call `play`, `pause` and `reset`, and a fragment polls the job and draws. The queue lets a
few runs train at once and the rest wait their turn; a run whose browser tab has closed is stopped
by the queue's watchdog. While a run trains in its process, `job.trainer` applies its progress.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from functools import cache

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from classroom.gang_runs import GangServer, run_for
from classroom.processes import ProcessPool, ProcessRun
from classroom.queue import Job, JobQueue, wall_limit
from engine.errors import PlaygroundError
from engine.training import Trainer
from ui.language import error_text, t
from ui.train.settings import Settings
from ui.train.speed import chosen_pace

JOB_KEY = "train_job"  # the session's TrainingJob (tests and the load-test client read it)
MESSAGE_KEY = "train_message"  # why the last Play did not start, in words, until the page shows it
PAUSE_SETTLE_SECONDS = 1.0  # a paused run comes back from its process within a slice or two


@dataclass(frozen=True)
class Classroom:
    """The server's one queue (every session's runs), its training processes (one per worker) and its gang."""

    queue: JobQueue
    pool: ProcessPool
    gang: GangServer

    @property
    def workers(self) -> int:
        """Runs that train at the same time on this server; more students wait in the queue."""
        return self.queue.workers


@cache
def classroom() -> Classroom:
    """The server's classroom, made on first use (the server's start-up, `ui/startup.py`, or a first Play)."""
    queue = JobQueue(log_path=os.environ.get("TORCH_PLAYGROUND_QUEUE_LOG"))
    return Classroom(queue, ProcessPool(queue.workers), GangServer())


class TrainingJob:
    """One student's run: the trainer, what it was asked to do, and its place in the server's queue."""

    def __init__(self, trainer: Trainer, key: tuple):
        self.trainer = trainer
        self.key = key  # (spec, config, start): the settings this run was built from
        self.ticket: Job | None = None
        self._remote: ProcessRun | None = None
        self.kept_anyway = False  # the student asked for this run's model although it blew up
        self.id = uuid.uuid4().hex  # the run's row in the store
        self.interrupted = False  # restored from the store after its server stopped mid-run

    @property
    def running(self) -> bool:
        """True while the run is queued or training in a worker."""
        return self.ticket is not None and self.ticket.active

    @property
    def place(self) -> int | None:
        """Place in the queue (1 = next), 0 while training, None when neither."""
        return None if self.ticket is None else classroom().queue.place(self.ticket)

    @property
    def resting(self) -> bool:
        """True while the run waits for its next turn (it has trained already; classroom/queue.py)."""
        return self.ticket is not None and self.ticket.resting

    @property
    def in_gang(self) -> bool:
        """True when this run's last piece went to the server's gang (classroom/gang_runs.py), not a worker."""
        return self.ticket is not None and self.ticket.lane == "gang"

    @property
    def capacity(self) -> int:
        """How many runs of this run's kind train at once on this server (the workers, or the gang's size)."""
        queue = classroom().queue
        return queue.workers if self.ticket is None else queue.capacity(self.ticket)

    @property
    def wait_seconds(self) -> float | None:
        """About how many seconds until this run's turn, while it waits for its first (None when unknown)."""
        return None if self.ticket is None else classroom().queue.estimate(self.ticket)

    @property
    def error(self) -> BaseException | None:
        """What went wrong inside the run, to report in words."""
        return None if self.ticket is None else self.ticket.error

    @property
    def replaces_model(self) -> bool:
        """True when this run's model may become the session's current one: always, unless the run blew up
        (`Trainer.blow_up`) and the student has not asked for its model anyway (`keep_model`)."""
        return self.kept_anyway or self.trainer.blow_up is None

    @property
    def server_stop(self) -> str | None:
        """Why the queue's watchdog stopped this run's last piece of work, in words: its browser tab was
        closed ("gone") or it ran past its wall-time limit ("limit"); None when it did not."""
        ticket = self.ticket
        if ticket is None or ticket.state != "cancelled" or ticket.reason not in ("gone", "limit"):
            return None
        return t(f"train.stopped_{ticket.reason}", minutes=round(wall_limit(self.trainer.limits) / 60))

    @property
    def pid(self) -> int | None:
        """The id of the process training this run right now (None while waiting or idle)."""
        process = None if self._remote is None else self._remote.process
        return None if process is None else process.pid

    def start(self, until: str = "done") -> None:
        """Queue the trainer to go on until "done", the end of the "epoch", or one "batch".

        Raises PlaygroundError when this student already has a run in the queue, or the queue is full.
        """
        if self.running or self.trainer.finished:
            return
        self.interrupted = False
        room = classroom()
        remote, lane = run_for(self.trainer, until, room.pool, room.gang)
        owner, alive = _session()
        self.ticket = room.queue.submit(owner, remote.work, remote.stop, alive=alive, lane=lane,
                                        limit_seconds=wall_limit(self.trainer.limits), yield_turn=remote.yield_turn)
        self._remote = remote

    def set_pace(self, epochs_per_second: float | None) -> None:
        """Train at most this many epochs a second (None: full speed), now if it trains, else from its next Play."""
        if self._remote is not None:
            self._remote.set_pace(epochs_per_second)  # the Trainer's too
        else:
            self.trainer.set_pace(epochs_per_second)

    def pause(self) -> None:
        """Pause after the batch in hand (a run waiting for its first or next turn leaves the line, ready to resume)."""
        if self.ticket is None:
            return
        queue = classroom().queue
        if self._remote is not None and not queue.place(self.ticket):  # training, or resting between turns
            self._remote.pause()  # between turns: paused at once
        queue.withdraw(self.ticket)

    def stop(self) -> None:
        """Stop after the batch in hand (or leave the queue); the run is over."""
        if self.ticket is not None:
            classroom().queue.cancel(self.ticket)
        self.trainer.stop()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the current piece of work is over, or `timeout` seconds (Pause; tests and benchmarks)."""
        if self.ticket is not None:
            self.ticket.wait(timeout)


def current_job() -> TrainingJob | None:
    """This session's run, if it has one."""
    return st.session_state.get(JOB_KEY)


def play(settings: Settings, until: str) -> None:
    """Play ("done"), Step ("batch") or Step epoch ("epoch"): go on with this session's run, or start a
    new one when the settings changed or the run is over. What stops it becomes `pop_message`'s words."""
    job = current_job()
    if job is None or job.key != settings.key or job.trainer.finished:
        try:
            trainer = Trainer(settings.spec, settings.data(), settings.config, model=settings.starting_model())
        except PlaygroundError as error:  # settings that cannot train: the page says what to change
            st.session_state[MESSAGE_KEY] = error_text(error)
            return
        job = st.session_state[JOB_KEY] = TrainingJob(trainer, settings.key)
    job.set_pace(chosen_pace(job.trainer.data.input_shape == (2,)))
    try:
        job.start(until)
    except PlaygroundError as error:  # already in the queue, or the queue is full
        st.session_state[MESSAGE_KEY] = error_text(error)


def pause() -> None:
    """Pause this session's run after the batch in hand (or take it out of the queue), and wait a moment for
    it (at most PAUSE_SETTLE_SECONDS): the page that follows then draws the paused run at once, instead of
    the live view again and a second page run when its next poll finds the run stopped."""
    job = current_job()
    if job is not None:
        job.pause()
        job.wait(PAUSE_SETTLE_SECONDS)


def reset() -> None:
    """Forget this session's run; a run still training stops after the batch in hand."""
    job = st.session_state.pop(JOB_KEY, None)
    if job is not None:
        job.stop()  # its worker ends after the batch in hand; nothing else holds it


def change_pace() -> None:
    """The speed control moved: this session's run goes at the chosen pace, at once if it is training."""
    job = current_job()
    if job is not None:
        job.set_pace(chosen_pace(job.trainer.data.input_shape == (2,)))


def keep_model() -> None:
    """Make this session's run's model current although the run blew up (the student asked)."""
    job = current_job()
    if job is not None:
        job.kept_anyway = True


def pop_message() -> str | None:
    """Why the last Play did not start (once: the page shows it, then it is gone), or None."""
    return st.session_state.pop(MESSAGE_KEY, None)


def _session():
    """This session's id, and a check that its browser tab is still connected (None outside a server)."""
    context = get_script_run_ctx()
    session_id = context.session_id if context is not None else "local"
    if not Runtime.exists():  # AppTest and scripts: no websocket to lose
        return session_id, None
    runtime = Runtime.instance()
    return session_id, lambda: runtime.is_active_session(session_id)
