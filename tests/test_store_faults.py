"""Faults with the real databases: a PostgreSQL server that stops mid-lesson, an SQLite folder that cannot be
written, a damaged or oversized row. The app keeps working in memory, says saving is paused, saves again."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from engine import PRESETS
from i18n import translate
from store.database import URL_ENV, engine, forget_engines
from store.schema import students
from store.work import load_work, new_token, save_work
from store.writer import Writer, writer
from tests.test_saving import session


@pytest.fixture
def on_postgres(postgres, monkeypatch):
    """The store on a fresh PostgreSQL database that a test may stop; the server."""
    assert writer().flush(60)
    postgres.ensure_running()
    monkeypatch.setenv(URL_ENV, postgres.create_database())
    forget_engines()
    yield postgres
    postgres.ensure_running()
    writer().flush(60)
    forget_engines()


def test_writer_keeps_snapshots_while_postgres_is_down_and_saves_them_when_it_is_back(on_postgres):
    postgres = on_postgres
    token, saver = new_token(), Writer(retry_seconds=0.2)
    saver.submit(token, {"lang": "ko"})
    assert saver.flush(30) and not saver.paused
    postgres.stop()
    try:
        saver.submit(token, {"lang": "en", "page": "model"})
        assert not saver.flush(2) and saver.paused and saver.waiting == 1
        saver.submit(token, {"page": "train"})  # coalesces with the waiting one: nothing is lost
    finally:
        postgres.start()
    assert saver.flush(30) and not saver.paused
    work = load_work(token)
    assert (work.lang, work.page) == ("en", "train")


def test_writer_pauses_while_the_sqlite_folder_cannot_be_made(tmp_path, monkeypatch):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")  # even root cannot make a folder here
    monkeypatch.setenv(URL_ENV, f"sqlite:///{blocker / 'playground.db'}")
    forget_engines()
    token, saver = new_token(), Writer(retry_seconds=0.2)
    saver.submit(token, {"spec": PRESETS["playground_2d"].to_dict()})
    assert not saver.flush(1) and saver.paused
    blocker.unlink()  # the folder can be made again: the writer saves what it kept
    assert saver.flush(30) and not saver.paused
    assert load_work(token).spec == PRESETS["playground_2d"].to_dict()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_app_works_in_memory_and_says_saving_is_paused(on_postgres, lang):
    postgres = on_postgres
    token = new_token()
    postgres.stop()
    try:
        app = session(token, page="pages/model.py", lang=lang)
        assert not app.exception
        assert translate("store.paused", lang) in [w.value for w in app.sidebar.warning]
        # The work goes on in memory.
        app.selectbox(key="model_preset").select_index(list(PRESETS).index("playground_2d")).run()
        assert not app.exception and app.session_state["model_spec"] == PRESETS["playground_2d"]
    finally:
        postgres.start()
    assert writer().flush(30) and not writer().paused  # back: what changed meanwhile is saved
    assert load_work(token).spec == PRESETS["playground_2d"].to_dict()


@pytest.mark.parametrize("damage", ["weights", "spec", "oversized"])
def test_a_damaged_row_starts_that_student_fresh_and_nobody_else_notices(store_url, damage):
    token, other = new_token(), new_token()
    spec = PRESETS["playground_2d"].to_dict()
    save_work(token, spec=spec, lang="en")
    save_work(other, spec=spec, lang="en")
    values = {"weights": {"weights": b"not weights"}, "spec": {"spec": "{broken"},
              "oversized": {"csv": b"x" * 21_000_000, "bytes": 21_000_018}}[damage]
    with engine().begin() as connection:
        connection.execute(update(students).where(students.c.token == token).values(**values))
    app = session(token, page=None)
    assert not app.exception
    assert translate("store.fresh_start", "en") in [w.value for w in app.sidebar.warning]
    app.switch_page("pages/model.py").run()
    assert app.session_state["model_spec"] == PRESETS["fashion_mlp"]  # the default: a fresh start
    neighbour = session(other, page=None)
    assert not neighbour.exception and not neighbour.sidebar.warning
    assert neighbour.session_state["model_spec"] == PRESETS["playground_2d"]
