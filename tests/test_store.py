"""The store against real databases (an SQLite file and a PostgreSQL server): schema, save and load."""

from __future__ import annotations

import pytest
import torch
from sqlalchemy import event, func, inspect, select, text, update

from engine import PRESETS, build_model
from store.database import downgrade, engine, upgrade
from store.schema import runs, students
from store.weights import decode_weights, encode_weights
from store.work import (
    MAX_CSV_BYTES,
    DamagedWork,
    OverLimit,
    Run,
    ensure_student,
    forget_work,
    load_work,
    new_token,
    save_run,
    save_work,
    token_for_code,
)


def test_migrations_go_up_down_and_up_again(store_url):
    made = engine()
    assert {"classes", "students", "runs"} <= set(inspect(made).get_table_names())
    downgrade(made)
    assert not {"classes", "students", "runs"} & set(inspect(made).get_table_names())
    upgrade(made)
    assert {"classes", "students", "runs"} <= set(inspect(made).get_table_names())
    with made.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"


def test_sqlite_file_uses_wal(tmp_path, monkeypatch):
    from store.database import URL_ENV, forget_engines

    monkeypatch.setenv(URL_ENV, f"sqlite:///{tmp_path / 'deep' / 'playground.db'}")
    forget_engines()
    try:
        with engine().connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert (tmp_path / "deep" / "playground.db").exists()
    finally:
        forget_engines()


def test_work_round_trips(store_url):
    token = new_token()
    spec = PRESETS["playground_circle"]
    model = build_model(spec, seed=3)
    save_work(token, lang="ko", page="train", spec=spec.to_dict(), weights=encode_weights(model.state_dict()),
              settings={"train_lr": 0.03, "train_epochs": 5}, csv=("mine.csv", b"a,b\n1,2\n"),
              lesson={"text": "원을 배워요", "hide": []})
    run = Run("r1", "done", {"data": "circle", "epochs": 2}, "preset", spec.to_dict(), 2, 1.5,
              [{"epoch": 1, "test_accuracy": 60.0, "test_loss": 0.7}, {"epoch": 2, "test_accuracy": 90.0,
                                                                      "test_loss": 0.3}])
    save_run(token, run)
    run.status, run.epoch = "stopped", 2
    save_run(token, run)  # the same run again: updated, not doubled
    work = load_work(token)
    assert (work.lang, work.page, work.settings["train_lr"], work.csv) == ("ko", "train", 0.03, ("mine.csv",
                                                                                                  b"a,b\n1,2\n"))
    assert work.spec == spec.to_dict() and work.lesson["text"] == "원을 배워요"
    for name, value in model.state_dict().items():
        assert torch.equal(work.weights[name], value)
    assert [(r.id, r.status, r.last["test_accuracy"]) for r in work.runs] == [("r1", "stopped", 90.0)]
    assert token_for_code(work.resume_code.lower()) == token  # typed on another computer, any case
    assert token_for_code("NOPE1234") is None and token_for_code("x") is None


def test_a_run_saved_with_its_history_encoded_already_reads_back_the_same(store_url):
    import json

    token = new_token()
    history = [{"epoch": e, "test_accuracy": 50.0 + e, "test_loss": 1.0 / e, "train_accuracy": None}
               for e in range(1, 40)]
    run = Run("r2", "training", {"data": "circle", "epochs": 100}, "preset", PRESETS["playground_circle"].to_dict(),
              39, 2.0, history, history_json="[" + ", ".join(json.dumps(d) for d in history) + "]")
    save_run(token, run)
    (saved,) = load_work(token).runs
    assert saved.history == history and saved.last["test_accuracy"] == 89.0


def test_unknown_student_and_oversized_csv(store_url):
    assert load_work("nobody") is None
    token = new_token()
    save_work(token, csv=("big.csv", b"x" * (MAX_CSV_BYTES + 1)))
    assert load_work(token).csv is None  # too large to keep: not kept, nothing else refused


def test_storage_limit_refuses_and_keeps_the_last_save(store_url, monkeypatch):
    token = new_token()
    save_work(token, spec={"small": True})
    monkeypatch.setenv("TORCH_PLAYGROUND_STUDENT_BYTES", "1000")
    with pytest.raises(OverLimit):
        save_work(token, csv=("a.csv", b"y" * 1500))
    assert load_work(token).spec == {"small": True} and load_work(token).csv is None


def test_weights_never_unpickle_code():
    class Evil:
        def __reduce__(self):
            return (print, ("ran code",))

    import io
    buffer = io.BytesIO()
    torch.save({"w": Evil()}, buffer)
    with pytest.raises(ValueError):
        decode_weights(buffer.getvalue())
    with pytest.raises(ValueError):
        decode_weights(b"not a zip")


def test_damaged_row_raises_and_forget_starts_fresh(store_url):
    token = new_token()
    code = ensure_student(token)
    save_work(token, spec={"a": 1}, lang="en")
    with engine().begin() as connection:
        connection.execute(update(students).where(students.c.token == token).values(weights=b"garbage", spec="{"))
    with pytest.raises(DamagedWork):
        load_work(token)
    forget_work(token)
    work = load_work(token)
    assert work.spec is None and work.weights is None and work.resume_code == code


def _row_bytes(row) -> int:
    """A student's row as the store counts it, recounted in Python: text and binary columns but the token."""
    return sum(len(value) for key, value in row.items() if isinstance(value, (bytes, str)) and key != "token")


def _runs_bytes(connection, token: str) -> int:
    total = connection.execute(select(func.sum(func.length(runs.c.history))).where(runs.c.token == token)).scalar()
    return int(total or 0)


def test_a_page_change_is_saved_and_counted_as_a_full_save_counts_it(store_url):
    def counted(token):
        with engine().connect() as connection:
            row = connection.execute(students.select().where(students.c.token == token)).mappings().one()
            return row["bytes"], _row_bytes(row) + _runs_bytes(connection, token), row["page"], row["queue_place"]

    token = new_token()
    save_work(token, page="train")  # a new student: the row is made
    save_work(token, spec={"a": 1}, lang="ko")
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine(), "before_cursor_execute", listener)
    try:
        save_work(token, page="a_much_longer_page_name", queue_place=3)
    finally:
        event.remove(engine(), "before_cursor_execute", listener)
    assert len(statements) == 1, statements  # one UPDATE: the row is not read back, blobs and all
    kept, recounted, page, place = counted(token)
    assert (page, place) == ("a_much_longer_page_name", 3) and kept == recounted
    save_work(token, page=None)
    kept, recounted, page, _ = counted(token)
    assert page is None and kept == recounted
    assert load_work(token).spec == {"a": 1}


def test_a_full_save_counts_its_size_in_sql_without_reading_the_blobs_back(store_url):
    import re

    token = new_token()
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine(), "before_cursor_execute", listener)
    try:
        save_work(token, spec={"a": 1}, weights=encode_weights({"w": torch.ones(50)}), csv=("a.csv", b"x,y\n" * 40))
        made = len(statements)  # a new student: their row is made in the same transaction
        save_work(token, settings={"lr": 0.1}, lang="ko")
    finally:
        event.remove(engine(), "before_cursor_execute", listener)
    selected = [sql.split("FROM")[0] for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert not any(re.search(r"(?<!length\()students\.(weights|csv)\b", part) for part in selected), selected
    assert made <= 6 and len(statements) - made <= 3, statements
    with engine().connect() as connection:
        row = connection.execute(students.select().where(students.c.token == token)).mappings().one()
        assert row["bytes"] == _row_bytes(row) + _runs_bytes(connection, token) and row["lang"] == "ko"
    work = load_work(token)
    assert work.spec == {"a": 1} and work.settings == {"lr": 0.1} and work.csv[0] == "a.csv"


def test_a_running_run_saved_again_counts_its_size_without_reading_the_blobs_back(store_url):
    import re

    token = new_token()
    save_work(token, spec={"a": 1}, weights=encode_weights({"w": torch.ones(50)}), csv=("a.csv", b"x,y\n" * 40))
    history = [{"epoch": 1, "test_accuracy": 60.0, "test_loss": 0.9}]
    save_run(token, Run("r9", "training", {"data": "circle", "epochs": 30}, "preset", {"layers": []}, 1, 1.0, history))
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine(), "before_cursor_execute", listener)
    try:
        save_run(token, Run("r9", "training", {"data": "circle", "epochs": 30}, "preset", {"layers": []}, 2, 2.0,
                            history * 2))
    finally:
        event.remove(engine(), "before_cursor_execute", listener)
    selected = [sql.split("FROM")[0] for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert not any(re.search(r"(?<!length\()students\.(weights|csv)\b", part) for part in selected), selected
    assert len(statements) <= 4, statements
    with engine().connect() as connection:
        row = connection.execute(students.select().where(students.c.token == token)).mappings().one()
        assert row["bytes"] == _row_bytes(row) + _runs_bytes(connection, token)
    assert [run.epoch for run in load_work(token).runs] == [2]
