"""A student's work, one row per browser token: model, weights, Train settings, runs, CSV, lesson, language.

Callers save only the parts that changed (`save_work`, `save_run`); `load_work` reads it all back and
raises `DamagedWork` for a row that cannot be read or is over the limit, so that student starts fresh.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import LargeBinary, Select, String, bindparam, delete, func, insert, literal, select, update

from store.database import engine
from store.schema import runs, students
from store.weights import decode_weights

MAX_CSV_BYTES = 2_000_000  # engine/data/csv_upload.py's upload limit: a larger file is not kept
MAX_RUNS = 50  # runs kept per student; the oldest go first
RESUME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed on another computer
RESUME_LENGTH = 8


def student_limit() -> int:
    """Bytes one student may keep (model, CSV, runs): $TORCH_PLAYGROUND_STUDENT_BYTES, default 20 MB."""
    return int(os.environ.get("TORCH_PLAYGROUND_STUDENT_BYTES", 20_000_000))


class DamagedWork(Exception):
    """A student's saved work cannot be read back (damaged, or over the limit): they start fresh."""


class OverLimit(Exception):
    """Saving this would take the student past `student_limit()`; nothing was written."""


@dataclass
class Run:
    """One training run as saved: what it trained on, how far it got, its per-epoch history."""

    id: str
    status: str
    config: dict
    source: str
    spec: dict
    epoch: int
    seconds: float
    history: list[dict]
    started_at: datetime | None = None
    history_json: str | None = None  # json.dumps(history), when the caller keeps it (a long run's, piece by piece)

    @property
    def last(self) -> dict:
        """The last finished epoch's report ({} before the first)."""
        return self.history[-1] if self.history else {}


@dataclass
class Work:
    """Everything kept for one student (None: never saved)."""

    token: str
    resume_code: str
    class_code: str | None = None
    nickname: str | None = None
    lang: str | None = None
    page: str | None = None
    lesson: dict | None = None
    spec: dict | None = None
    weights: dict | None = None
    settings: dict | None = None
    csv: tuple[str, bytes] | None = None
    runs: list[Run] = field(default_factory=list)


def new_token() -> str:
    """An unguessable browser token (256 bits)."""
    return secrets.token_urlsafe(32)


def _now() -> datetime:
    return datetime.now(UTC)


def _resume_code() -> str:
    return "".join(secrets.choice(RESUME_ALPHABET) for _ in range(RESUME_LENGTH))


def ensure_student(token: str) -> str:
    """Make the student's row if it is new; their resume code."""
    with engine().begin() as connection:
        return _ensure_student(connection, token)


def _ensure_student(connection, token: str) -> str:
    code = connection.execute(select(students.c.resume_code).where(students.c.token == token)).scalar()
    if code is not None:
        return code
    now = _now()
    code = _resume_code()
    connection.execute(insert(students).values(token=token, resume_code=code, bytes=0, created_at=now,
                                               updated_at=now))
    return code


PARTS = ("lang", "page", "lesson", "spec", "weights", "settings", "csv", "queue_place", "class_code", "nickname")
SMALL_PARTS = ("page", "queue_place")  # what a student's browsing changes: a few bytes, never refused
JSON_PARTS = ("lesson", "spec", "settings")


def save_work(token: str, **parts) -> None:
    """Save the given parts of a student's work (keys in PARTS; weights as bytes, csv as (name, bytes)).

    Raises OverLimit (nothing written) past the student's storage limit; SQLAlchemyError when the
    database is unreachable.
    """
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise KeyError(f"not a part of a student's work: {sorted(unknown)}")
    values = {key: json.dumps(value) if key in JSON_PARTS and value is not None else value
              for key, value in parts.items() if key != "csv"}
    if "csv" in parts:
        name, data = parts["csv"] or (None, None)
        if data is not None and len(data) > MAX_CSV_BYTES:
            name, data = None, None  # too large to keep: the student uploads it again
        values["csv_name"], values["csv"] = name, data
    if set(values) <= set(SMALL_PARTS) and _save_small(token, values):
        return
    with engine().begin() as connection:  # counted in SQL, as save_run does: the blobs are not read back
        change = update(students).where(students.c.token == token).values(**values, updated_at=_now())
        if connection.execute(change).rowcount == 0:  # a new student: their row first
            _ensure_student(connection, token)
            connection.execute(change)
        _count_size(connection, token)


def _save_small(token: str, values: dict) -> bool:
    """Save a page change in one statement, its size counted as save_work counts it (characters); False when the
    student has no row yet. Each page change of every student is saved (the teacher's view shows it): the full
    path reads the whole row back, blobs and all, to check a limit a few bytes cannot reach."""
    size = students.c.bytes
    if "page" in values:  # queue_place is a number: not counted
        size = size - func.coalesce(func.length(students.c.page), 0) + len(values["page"] or "")
    with engine().begin() as connection:
        found = connection.execute(update(students).where(students.c.token == token)
                                   .values(**values, bytes=size, updated_at=_now()))
    return found.rowcount > 0


def save_run(token: str, run: Run) -> None:
    """Save (or update) one run; the student keeps at most MAX_RUNS, the oldest dropped."""
    last = run.last
    values = dict(token=token, status=run.status, dataset=run.config.get("data", "?"),
                  epochs=int(run.config.get("epochs", 0)), epoch=run.epoch, seconds=run.seconds,
                  test_accuracy=last.get("test_accuracy"), test_loss=last.get("test_loss"),
                  train_loss=last.get("train_loss"), config=json.dumps(run.config), source=run.source,
                  spec=json.dumps(run.spec),
                  history=run.history_json or json.dumps(run.history), updated_at=_now())
    with engine().begin() as connection:
        found = connection.execute(update(runs).where(runs.c.id == run.id, runs.c.token == token).values(**values))
        if found.rowcount == 0:  # a new run: the student's row first, if they have none yet
            _ensure_student(connection, token)
            connection.execute(insert(runs).values(id=run.id, started_at=run.started_at or _now(), **values))
            old = select(runs.c.id).where(runs.c.token == token).order_by(runs.c.started_at.desc()).offset(MAX_RUNS)
            connection.execute(delete(runs).where(runs.c.id.in_(old.scalar_subquery())))
        _count_size(connection, token)


def _count_size(connection, token: str) -> None:
    """Keep the student's size after a change in this transaction; OverLimit past the limit, which rolls the
    transaction back: the change is not saved."""
    size = _stored_bytes(connection, token)
    if size > student_limit():
        raise OverLimit(size)
    connection.execute(update(students).where(students.c.token == token).values(bytes=size, updated_at=_now()))


# A student's size: the length of every text and binary column of their row but the token (characters, bytes),
# and of every run's history; counted by the database, so no save reads the weights and CSV back.
_SIZED = [column for column in students.c if column.name != "token" and isinstance(column.type, (String, LargeBinary))]


@cache
def _size_query() -> Select:
    """The student's size (_SIZED and the runs' histories) in one statement, built once: building it took longer
    than running it, at every save of a running run."""
    token = bindparam("token")
    row = sum((func.coalesce(func.length(column), 0) for column in _SIZED), literal(0))
    history = select(func.coalesce(func.sum(func.length(runs.c.history)), 0)).where(runs.c.token == token)
    return select(row + history.scalar_subquery()).where(students.c.token == token)


def _stored_bytes(connection, token: str) -> int:
    return int(connection.execute(_size_query(), {"token": token}).scalar() or 0)


def load_work(token: str) -> Work | None:
    """Everything saved for `token` (None when nothing is); DamagedWork when it cannot be read back."""
    with engine().connect() as connection:
        row = connection.execute(select(students).where(students.c.token == token)).mappings().first()
        if row is None:
            return None
        found = connection.execute(select(runs).where(runs.c.token == token).order_by(runs.c.started_at)).mappings()
        run_rows = list(found)
    try:
        if row["bytes"] > student_limit():
            raise DamagedWork(f"{row['bytes']} bytes, over the limit")
        parts = {key: json.loads(row[key]) if row[key] is not None else None for key in JSON_PARTS}
        weights = decode_weights(row["weights"]) if row["weights"] is not None else None
        saved_runs = [Run(r["id"], r["status"], json.loads(r["config"]), r["source"],
                          json.loads(r["spec"]), r["epoch"], r["seconds"],
                          json.loads(r["history"]), r["started_at"]) for r in run_rows]
    except (ValueError, TypeError) as error:  # bad JSON, damaged weights
        raise DamagedWork(str(error)) from error
    csv = (row["csv_name"], row["csv"]) if row["csv"] is not None else None
    return Work(token, row["resume_code"], row["class_code"], row["nickname"], row["lang"], row["page"],
                weights=weights, csv=csv, runs=saved_runs, **parts)


def forget_work(token: str) -> None:
    """Delete everything of this student except their token and resume code (a damaged row starts fresh)."""
    with engine().begin() as connection:
        connection.execute(delete(runs).where(runs.c.token == token))
        connection.execute(update(students).where(students.c.token == token).values(
            **{key: None for key in PARTS if key not in ("csv", "class_code", "nickname")},
            csv_name=None, csv=None, bytes=0, updated_at=_now()))


def token_for_code(code: str) -> str | None:
    """The browser token behind a resume code (typed on another computer), or None."""
    code = code.strip().upper().replace("-", "").replace(" ", "")
    if len(code) != RESUME_LENGTH:
        return None
    with engine().connect() as connection:
        return connection.execute(select(students.c.token).where(students.c.resume_code == code)).scalar()
