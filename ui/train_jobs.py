"""Training in the background: a process-wide, bounded pool of worker threads runs each student's run.

The job (trainer, progress, stop flag) lives in the student's session state; a fragment polls it and
draws. Workers never call st.*; the pool's bound is the classroom's fair queue.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor

import torch

from engine.training import Trainer

WORKERS = 2  # runs at the same time on this server; more students wait in the queue
_POOL = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="train")
# Each running job gets its share of the cores: torch's threads fighting each other make everyone slower.
torch.set_num_threads(max(1, (os.cpu_count() or 1) // WORKERS))
# A worker gives up the GIL around every torch op; while a page's script runs Python, each take-back
# waits up to the switch interval (5 ms by default, longer than a small model's whole batch). 0.5 ms
# keeps that convoy from slowing training several times over.
sys.setswitchinterval(0.0005)


class TrainingJob:
    """One student's run: the trainer, what it was asked to do, and any failure to report."""

    def __init__(self, trainer: Trainer, key: tuple):
        self.trainer = trainer
        self.key = key  # (spec, config, start): the settings this run was built from
        self.future: Future | None = None
        self.error: BaseException | None = None

    @property
    def running(self) -> bool:
        """True while the run is queued or training in a worker."""
        return self.future is not None and not self.future.done()

    def start(self, until: str = "done") -> None:
        """Queue the trainer to go on until "done", the end of the "epoch", or one "batch"."""
        if self.running or self.trainer.finished:
            return
        work = {"done": self.trainer.run, "epoch": self.trainer.run_epoch, "batch": self.trainer.step}[until]
        self.future = _POOL.submit(self._guarded, work)

    def _guarded(self, work) -> None:
        try:
            work()
        except Exception as error:  # reported on the page in words; the worker thread must not die silently
            self.error = error
            self.trainer.stop()

    def pause(self) -> None:
        """Pause after the batch in hand."""
        self.trainer.pause()

    def stop(self) -> None:
        """Stop after the batch in hand; the run is over."""
        self.trainer.stop()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the current piece of work is over (tests and benchmarks)."""
        if self.future is not None:
            self.future.result(timeout)
