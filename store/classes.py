"""A teacher's class: a code students join with a nickname, a teacher key (only its hash is kept), what the
class view shows, the lesson pushed to everyone, and the end of the class (its data deleted) or its expiry.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, update

from engine.errors import PlaygroundError
from store.database import engine
from store.schema import classes, runs, students
from store.work import RESUME_ALPHABET, ensure_student

CODE_LENGTH = 6
MAX_NICKNAME = 20


def class_days() -> int:
    """Days a class's data is kept: $TORCH_PLAYGROUND_CLASS_DAYS, default 30."""
    return int(os.environ.get("TORCH_PLAYGROUND_CLASS_DAYS", 30))


def _hash(key: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(key.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def _key_matches(key: str, stored: str) -> bool:
    _, salt, _ = stored.split("$")
    return hmac.compare_digest(_hash(key, bytes.fromhex(salt)), stored)


def create_class(days: int | None = None) -> tuple[str, str]:
    """A new class: its code (for students) and its teacher key (shown once; only its hash is kept)."""
    expire_classes()
    now = datetime.now(UTC)
    key = secrets.token_urlsafe(12)
    with engine().begin() as connection:
        while True:
            code = "".join(secrets.choice(RESUME_ALPHABET) for _ in range(CODE_LENGTH))
            if connection.execute(select(classes.c.code).where(classes.c.code == code)).first() is None:
                break
        connection.execute(insert(classes).values(code=code, key_hash=_hash(key), lesson_version=0, created_at=now,
                                                  expires_at=now + timedelta(days=days or class_days())))
    return code, key


def _normal(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


def open_class(code: str, key: str) -> str | None:
    """The class's code when `key` is its teacher key, else None (a wrong key learns nothing else)."""
    expire_classes()
    code = _normal(code)
    with engine().connect() as connection:
        stored = connection.execute(select(classes.c.key_hash).where(classes.c.code == code)).scalar()
    return code if stored is not None and _key_matches(key.strip(), stored) else None


def join_class(token: str, code: str, nickname: str) -> str:
    """Put this student in the class under `nickname`; the class's code. PlaygroundError when it cannot be."""
    code, nickname = _normal(code), " ".join(nickname.split())
    if not 1 <= len(nickname) <= MAX_NICKNAME:
        raise PlaygroundError("class_bad_nickname", limit=MAX_NICKNAME)
    ensure_student(token)
    with engine().begin() as connection:
        if connection.execute(select(classes.c.code).where(classes.c.code == code,
                                                            classes.c.expires_at > datetime.now(UTC))).first() is None:
            raise PlaygroundError("class_unknown", code=code)
        taken = connection.execute(select(students.c.token).where(
            students.c.class_code == code, students.c.nickname == nickname, students.c.token != token)).first()
        if taken is not None:
            raise PlaygroundError("class_nickname_taken", nickname=nickname)
        connection.execute(update(students).where(students.c.token == token).values(class_code=code,
                                                                                     nickname=nickname))
    return code


@dataclass(frozen=True)
class StudentRow:
    """One student as the class view shows them."""

    nickname: str
    page: str | None
    spec: str | None  # JSON
    queue_place: int | None
    seen: datetime
    dataset: str | None = None
    epochs: int | None = None
    epoch: int | None = None
    test_accuracy: float | None = None
    test_loss: float | None = None
    seconds: float | None = None
    status: str | None = None


def class_students(code: str) -> list[StudentRow]:
    """Every student of the class with their last run, by nickname (two queries, whatever the class size)."""
    with engine().connect() as connection:
        people = connection.execute(
            select(students.c.token, students.c.nickname, students.c.page, students.c.spec, students.c.queue_place,
                   students.c.updated_at).where(students.c.class_code == code).order_by(students.c.nickname)).all()
        last = {}
        for row in connection.execute(
                select(runs.c.token, runs.c.dataset, runs.c.epochs, runs.c.epoch, runs.c.test_accuracy,
                       runs.c.test_loss, runs.c.seconds, runs.c.status)
                .join(students, students.c.token == runs.c.token).where(students.c.class_code == code)
                .order_by(runs.c.started_at)):
            last[row.token] = row  # ordered by start: the last one wins
    found = []
    for person in people:
        run = last.get(person.token)
        extra = {} if run is None else dict(dataset=run.dataset, epochs=run.epochs, epoch=run.epoch,
                                            test_accuracy=run.test_accuracy, test_loss=run.test_loss,
                                            seconds=run.seconds, status=run.status)
        found.append(StudentRow(person.nickname, person.page, person.spec, person.queue_place, person.updated_at,
                                **extra))
    return found


def leaderboard(code: str) -> dict[str, list[tuple[str, float]]]:
    """Per data set, each student's best test accuracy, best first (nicknames only)."""
    best: dict[str, dict[str, float]] = {}
    with engine().connect() as connection:
        rows = connection.execute(
            select(students.c.nickname, runs.c.dataset, runs.c.test_accuracy)
            .join(students, students.c.token == runs.c.token)
            .where(students.c.class_code == code, runs.c.test_accuracy.is_not(None)))
        for nickname, dataset, accuracy in rows:
            board = best.setdefault(dataset, {})
            board[nickname] = max(accuracy, board.get(nickname, accuracy))
    return {dataset: sorted(board.items(), key=lambda item: -item[1]) for dataset, board in sorted(best.items())}


RESULT_COLUMNS = ("nickname", "dataset", "status", "epochs", "epoch", "test_accuracy", "test_loss", "train_loss",
                  "seconds", "optimizer", "lr", "batch_size", "started_at")


def results_csv(code: str) -> str:
    """Every run of the class, one row each, as CSV (the teacher's download)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(RESULT_COLUMNS)
    with engine().connect() as connection:
        rows = connection.execute(
            select(students.c.nickname, runs.c.dataset, runs.c.status, runs.c.epochs, runs.c.epoch,
                   runs.c.test_accuracy, runs.c.test_loss, runs.c.train_loss, runs.c.seconds, runs.c.config,
                   runs.c.started_at)
            .join(students, students.c.token == runs.c.token).where(students.c.class_code == code)
            .order_by(students.c.nickname, runs.c.started_at))
        for row in rows:
            config = json.loads(row.config)
            writer.writerow([row.nickname, row.dataset, row.status, row.epochs, row.epoch, row.test_accuracy,
                             row.test_loss, row.train_loss, round(row.seconds, 2), config.get("optimizer"),
                             config.get("lr"), config.get("batch_size"), row.started_at.isoformat()])
    return out.getvalue()


def push_lesson(code: str, lesson: dict) -> None:
    """Send a lesson ({"setup": ?setup= text, "page": url path}) to every student of the class."""
    with engine().begin() as connection:
        connection.execute(update(classes).where(classes.c.code == code).values(
            lesson=json.dumps(lesson), lesson_version=classes.c.lesson_version + 1))


def class_lesson(code: str) -> tuple[int, dict | None]:
    """The class's pushed lesson and its version (0, None before the first; also for a class that ended)."""
    with engine().connect() as connection:
        row = connection.execute(select(classes.c.lesson_version, classes.c.lesson)
                                 .where(classes.c.code == code)).first()
    if row is None or row.lesson is None:
        return 0, None
    try:
        return row.lesson_version, json.loads(row.lesson)
    except ValueError:
        return 0, None


def end_class(code: str) -> None:
    """End the class: its students' work and runs and the class itself are deleted."""
    with engine().begin() as connection:
        members = select(students.c.token).where(students.c.class_code == code).scalar_subquery()
        connection.execute(delete(runs).where(runs.c.token.in_(members)))
        connection.execute(delete(students).where(students.c.class_code == code))
        connection.execute(delete(classes).where(classes.c.code == code))


def expire_classes() -> int:
    """End every class past its expiry; how many."""
    with engine().connect() as connection:
        old = connection.execute(select(classes.c.code).where(classes.c.expires_at <= datetime.now(UTC))).scalars()
        codes = list(old)
    for code in codes:
        end_class(code)
    return len(codes)
