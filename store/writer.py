"""Saving off the hot path: pages hand snapshots to one writer thread per server process, which writes them.

Snapshots of the same student coalesce (the newest part wins), so a student never queues more than one
write. When the database is unreachable or read-only, the writer keeps the snapshots, says it is
paused, and tries again every few seconds: nothing is lost while the server lives.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from store.weights import encode_weights
from store.work import OverLimit, Run, save_run, save_work

log = logging.getLogger(__name__)
RETRY_SECONDS = 3.0
STATS_ENV = "TORCH_PLAYGROUND_STORE_LOG"  # a file: one JSON line per write (the load test counts them)


@dataclass
class Pending:
    """What is still to be written for one student: parts of their work, and runs by id."""

    parts: dict = field(default_factory=dict)
    runs: dict[str, Run] = field(default_factory=dict)

    def merge(self, newer: Pending) -> None:
        """Take `newer`'s parts and runs over this one's."""
        self.parts.update(newer.parts)
        self.runs.update(newer.runs)


class Writer:
    """The process's writer thread (started on the first snapshot) and what it knows about saving."""

    def __init__(self, retry_seconds: float = RETRY_SECONDS):
        self.retry_seconds = retry_seconds
        self._pending: dict[str, Pending] = {}
        self._busy = 0  # snapshots taken from the queue and being written
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self.paused_since: float | None = None  # when saving stopped working (None: it works)
        self.over_limit: set[str] = set()  # students whose last save was refused by the storage limit
        self.submitted = self.writes = 0

    @property
    def paused(self) -> bool:
        """True while the database cannot be written (the sidebar says so)."""
        return self.paused_since is not None

    def reached(self) -> None:
        """The database answered a read: saving is not paused any more unless writes are still waiting."""
        with self._cond:
            if not self._pending and not self._busy:
                self.paused_since = None

    def unreachable(self) -> None:
        """The database did not answer a read: saving is paused (since now, unless it already was)."""
        self.paused_since = self.paused_since or time.time()

    def submit(self, token: str, parts: dict | None = None, run: Run | None = None) -> None:
        """Queue a snapshot: `parts` as store.work.save_work takes them (weights as a state_dict), and/or a run."""
        snapshot = Pending(dict(parts or {}), {run.id: run} if run is not None else {})
        with self._cond:
            self.submitted += 1
            self._pending.setdefault(token, Pending()).merge(snapshot)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="store-writer", daemon=True)
                self._thread.start()
            self._cond.notify()

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything queued is written; False when it is not within `timeout` (saving paused)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._pending or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.1))
        return True

    @property
    def waiting(self) -> int:
        """Students with snapshots not yet written."""
        with self._cond:
            return len(self._pending) + self._busy

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._pending:
                    self._cond.wait()
                token = next(iter(self._pending))
                pending = self._pending.pop(token)
                self._busy += 1
            failed = False
            try:
                self._write(token, pending)
                self.paused_since = None
            except (SQLAlchemyError, OSError) as error:  # unreachable, read-only, disk full: keep it, retry
                failed = True
                if not self.paused:
                    log.warning("saving paused: %s", str(error).splitlines()[0])
                with self._cond:
                    pending.merge(self._pending.pop(token, Pending()))
                    self._pending[token] = pending
                self.unreachable()
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()
            if failed:
                time.sleep(self.retry_seconds)

    def _write(self, token: str, pending: Pending) -> None:
        started = time.perf_counter()
        parts = dict(pending.parts)
        if parts.get("weights") is not None:  # a state_dict, or None: the seed's weights, nothing to keep
            parts["weights"] = encode_weights(parts["weights"])
        try:
            if parts:
                save_work(token, **parts)
            for run in pending.runs.values():
                save_run(token, run)
            self.over_limit.discard(token)
        except OverLimit:
            self.over_limit.add(token)  # refused, the last save kept: the sidebar tells the student
        self.writes += 1
        if os.environ.get(STATS_ENV):
            line = {"token": token[:8], "parts": sorted(parts), "runs": len(pending.runs),
                    "seconds": round(time.perf_counter() - started, 4), "at": round(time.time(), 2)}
            with open(os.environ[STATS_ENV], "a") as stats:
                stats.write(json.dumps(line) + "\n")


_writer: Writer | None = None
_writer_lock = threading.Lock()


def writer() -> Writer:
    """This process's writer, made on first use."""
    global _writer
    with _writer_lock:
        if _writer is None:
            _writer = Writer()
        return _writer
