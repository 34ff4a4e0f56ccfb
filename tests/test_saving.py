"""A student's work outlives the session: a new session of the same browser (a reload, another replica)
finds the model, weights, settings and run history, on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import time

import pytest
import torch
from streamlit.testing.v1 import AppTest

from engine import PRESETS
from i18n import translate
from store.work import load_work, new_token
from store.writer import writer
from tests.conftest import ROOT
from tests.test_train_page import train


def session(token: str, page: str | None = "pages/train.py", lang: str | None = None) -> AppTest:
    """A new session of the browser whose cookie holds `token` (AppTest has no cookies: the session's key)."""
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.session_state["store_token"] = token
    if lang is not None:
        app.session_state["lang"] = lang
    app.run()
    if page is not None:
        app.switch_page(page).run()
    return app


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_new_session_finds_model_weights_history_and_settings(store_url, lang):
    token = new_token()
    app = session(token, lang=lang)
    job = train(app, "playground_2d", epochs=3, lr=0.01)
    assert job.trainer.status == "done" and not app.exception
    assert writer().flush(30)
    again = session(token)  # the reload: a new session, the same cookie
    assert not again.exception
    state = again.session_state
    assert state["lang"] == lang and state["model_spec"] == PRESETS["playground_2d"]
    for name, value in job.trainer.model.state_dict().items():
        assert torch.equal(state["model_module"].state_dict()[name], value)
    assert state["train_epochs"] == 3 and state["train_lr"] == 0.01 and state["train_preset"] == "playground_2d"
    restored = state["train_job"]
    assert [r.to_dict() for r in restored.trainer.history] == [r.to_dict() for r in job.trainer.history]
    assert restored.trainer.status == "done" and not restored.interrupted
    assert writer().flush(30) and load_work(token).page == "train"


def test_a_run_cut_off_by_the_server_is_interrupted_and_play_goes_on(store_url):
    token = new_token()
    app = session(token)
    app.selectbox(key="train_preset").set_value("playground_2d").run()
    app.number_input(key="train_epochs").set_value(400).run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    deadline = time.monotonic() + 60
    while job.trainer.epoch < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
        app.run()  # the live view applies progress and saves it (every few seconds at most)
    app.run()  # the next poll: the run's new epoch (applied between two runs) goes to the writer
    job.stop()  # the server "dies": no later save happens
    job.wait(60)
    assert writer().flush(30)
    saved = load_work(token).runs[-1]
    assert saved.status == "training" and 1 <= saved.epoch < 400
    again = session(token)
    restored = again.session_state["train_job"]
    assert restored.interrupted and restored.trainer.status == "paused" and restored.trainer.epoch == saved.epoch
    notice = translate("store.interrupted", again.session_state["lang"])
    assert notice in [info.value for info in again.info]
    for name, value in again.session_state["model_module"].state_dict().items():
        assert torch.equal(restored.trainer.model.state_dict()[name], value)  # the last saved weights
    again.button(key="train_play").click().run()
    assert again.session_state["train_job"] is restored  # Play goes on with this run, not a new one
    restored.wait(120)
    again.run()
    assert restored.trainer.status == "done" and len(restored.trainer.history) == 400
    assert [r.epoch for r in restored.trainer.history] == list(range(1, 401))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_resume_code_continues_the_work_on_another_computer(store_url, lang):
    token = new_token()
    home = session(token, lang=lang)
    job = train(home, "playground_2d", epochs=2)
    assert writer().flush(30)
    code = home.session_state["store_resume_code"]
    home.session_state["store_resume_open"] = True  # the sidebar's popover, opened (ui/lazy.py)
    home.run()
    assert code in "".join(block.value for block in home.sidebar.markdown).replace("-", "")
    school = session(new_token(), lang=lang)  # another computer: another cookie
    school.session_state["store_resume_open"] = True
    school.run()
    school.text_input(key="store_code_input").input("nope-nope")
    school.button(key="store_code_go").click().run()
    assert translate("store.unknown_code", lang) in [error.value for error in school.sidebar.error]
    school.text_input(key="store_code_input").input(f"{code[:4].lower()}-{code[4:]}")
    school.button(key="store_code_go").click().run()
    school.switch_page("pages/train.py").run()
    assert not school.exception and school.session_state["store_token"] == token
    assert [r.to_dict() for r in school.session_state["train_job"].trainer.history] == \
        [r.to_dict() for r in job.trainer.history]


def test_the_last_uploaded_csv_comes_back_and_a_large_one_is_not_kept(store_url):
    token = new_token()
    app = session(token, page="pages/data.py")
    app.session_state["data_csv"] = ("mine.csv", b"x,y,label\n1,2,a\n3,4,b\n")  # what the uploader keeps
    app.run()
    assert writer().flush(30)
    again = session(token, page="pages/data.py")
    assert again.session_state["data_csv"] == ("mine.csv", b"x,y,label\n1,2,a\n3,4,b\n") and not again.exception
    again.session_state["data_csv"] = ("big.csv", b"x" * 2_000_001)
    again.run()
    assert writer().flush(30) and load_work(token).csv is None


def _history_kept_across_a_copy():
    # runs inside AppTest: a run's history converted for saving, then the copy that came back from its process
    import copy
    import json
    from types import SimpleNamespace

    import streamlit as st

    from engine.training import EpochReport
    from ui.saving.session import _history

    reports = [EpochReport(epoch, 1.0 / epoch, 50.0, 0.9 / epoch, 51.0, 0.01 * epoch) for epoch in range(1, 4)]
    run = SimpleNamespace(history=reports)
    first, _ = _history(run)
    run.history = [*copy.deepcopy(reports), EpochReport(4, 0.2, 60.0, 0.25, 61.0, 0.04)]  # a Pause's copy
    second, encoded = _history(run)
    run.history = [EpochReport(1, 9.0, 10.0, 9.0, 10.0, 0.5)]  # Reset, then a new run
    third, _ = _history(run)
    st.session_state["seen"] = {
        "kept": all(a is b for a, b in zip(first, second[:3])),
        "whole": second == [report.to_dict() for report in reports] + [second[-1]] and second[-1]["epoch"] == 4
        and json.loads(encoded) == second,
        "fresh": third == [{**third[0], "train_loss": 9.0}] and third[0] is not first[0]}


def test_a_history_that_came_back_from_its_process_is_not_converted_again():
    app = AppTest.from_function(_history_kept_across_a_copy, default_timeout=60).run()
    assert not app.exception
    assert app.session_state["seen"] == {"kept": True, "whole": True, "fresh": True}
