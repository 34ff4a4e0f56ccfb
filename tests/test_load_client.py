"""The load test's simulated students (bench/load_client.py) against a real `streamlit run` on 127.0.0.1.

Two students open the Train page over Streamlit's websocket protocol, each sets epochs nobody else uses,
presses Play, follows the live view like a browser and changes pages until both runs are done. No timing thresholds
here (bench/load_test.py measures those): every interaction must come back, nothing may fail, and each
student must see only their own run. The isolation check itself is shown to catch another's epochs.
"""

import asyncio
import json
import time

from bench.load_client import Lesson, Record, Tab, _run_done, student
from tests.browser import running_app

EPOCHS = (40, 41)  # long enough (a few seconds) that the live view polls while the runs train


async def _class(url: str) -> Record:
    record = Record()
    lesson = Lesson(deadline=time.monotonic() + 120, class_size=len(EPOCHS), think=(1.2, 1.6))  # > the 1 s poll
    await asyncio.gather(*(student(url, index, epochs, lesson, record) for index, epochs in enumerate(EPOCHS)))
    return record


def test_two_simulated_students_train_their_own_runs(tmp_path):
    queue_log = tmp_path / "queue.jsonl"
    with running_app({"TORCH_PLAYGROUND_QUEUE_LOG": str(queue_log)}) as url:
        record = asyncio.run(_class(url))
    assert record.errors == []
    assert record.finished == 2  # each saw "Done" with their own epochs on their own Train page
    for kind in ("open", "set epochs", "play"):
        assert len(record.interactions[kind]) == 2, kind
    assert record.interactions["back to Train"], "the students changed pages and came back"
    assert all(seconds > 0 for seconds in record.all_interactions)
    assert record.feeds, "the live view's script read its run's live feed while the runs trained"
    jobs = [json.loads(line) for line in queue_log.read_text().splitlines()]
    assert [job["state"] for job in jobs] == ["done", "done"]


def test_the_isolation_check_catches_another_students_epochs():
    record = Record()
    tab = Tab("http://127.0.0.1:1", "", record, "student 0")
    tab.progress = ["Training · epoch 3/41 · batch 2/25"]
    tab.last_progress = tab.progress[-1]
    assert not _run_done(tab, 40, record, "student 0")
    assert record.errors and "41" in record.errors[0]
    tab.progress = ["Done · epoch 40/40 · batch 0/25"]
    tab.last_progress = tab.progress[-1]
    assert _run_done(tab, 40, record, "student 0") and len(record.errors) == 1


def test_the_server_keeps_the_settings_a_class_needs():
    import tomllib

    from tests.browser import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["fastReruns"] is False  # two script threads of one session raced on its state
    assert config["runner"]["postScriptGC"] is False  # a full gc.collect after every run: ~150 ms a click
    assert config["server"]["fileWatcherType"] == "none"


def test_new_imports_are_frozen_once_and_later_runs_cost_nothing():
    import gc
    import sys
    import types

    from ui import gc_freeze

    gc_freeze.freeze_after_imports()
    frozen = gc.get_freeze_count()
    assert frozen > 0 and gc_freeze._frozen_at == len(sys.modules)
    gc_freeze.freeze_after_imports()  # nothing new imported: nothing collected or frozen
    assert gc.get_freeze_count() <= frozen  # (a frozen object that another thread lets go of leaves it)
    sys.modules["_freeze_probe"] = types.ModuleType("_freeze_probe")  # as a page's first visit imports one
    try:
        kept = [[number] for number in range(1000)]  # lists are tracked by the collector
        gc_freeze.freeze_after_imports()
        assert gc.get_freeze_count() >= frozen + len(kept)
    finally:
        del sys.modules["_freeze_probe"]


def test_a_server_collects_less_often_than_python_does():
    import gc

    from ui import gc_freeze

    before = gc.get_threshold()
    try:
        gc_freeze.space_out_collections()
        young, middle, full = gc.get_threshold()
        assert (young, middle, full) == gc_freeze.SERVER_THRESHOLDS
        assert young > 700 and young * middle * full > 700 * 10 * 10  # Python's defaults: a full one far more often
    finally:
        gc.set_threshold(*before)  # the test process keeps its own
