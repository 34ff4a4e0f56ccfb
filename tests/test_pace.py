"""The speed control: a paced run trains at most its epochs per second, with the numbers of a run at full
speed; a pause ends a wait at once; a new pace reaches a run training in its process; the Train page's
control sets it, in both languages. And the 2-D presets' default run lengths are long enough to learn."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest
import torch

from classroom.processes import ProcessPool, RemoteRun
from classroom.queue import JobQueue
from engine import PRESETS
from engine.data import load_dataset
from engine.training import Trainer
from engine.training.recommended import recommended_config
from i18n import translate
from tests.test_pages import open_page
from tests.test_processes import same_run
from tests.test_queue import until

CIRCLE = dataclasses.replace(recommended_config("playground_2d"), epochs=5, seed=3)  # 25 batches an epoch


def circle_trainer(epochs: int = 5) -> Trainer:
    return Trainer(PRESETS["playground_2d"], load_dataset("circle"), dataclasses.replace(CIRCLE, epochs=epochs))


@pytest.fixture
def one_thread():
    """One torch thread, as a training process on a busy server has (two threads on a shared 2-core box
    spend more time waiting for each other than training: the waits would hide in the steps' time)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def test_a_paced_run_takes_its_time_and_gives_the_same_numbers(one_thread):
    full = circle_trainer()
    full.run()  # first: a process's first steps pay torch's one-time costs
    paced = circle_trainer()
    paced.set_pace(2.0)  # 5 epochs at 2 a second: the last batch is due after ~2.5 s
    started = time.perf_counter()
    paced.run()
    wall = time.perf_counter() - started
    assert wall >= 0.95 * (5 * 25 - 1) / (2 * 25)
    assert wall - paced.seconds > 1.0  # the waits are not training time
    assert paced.status == full.status == "done" and same_run(paced, full)


def test_a_pause_ends_the_wait_at_once_and_a_new_pace_applies_at_the_next_batch():
    trainer = circle_trainer(epochs=3)
    trainer.set_pace(0.02)  # a batch every 2 s
    worker = threading.Thread(target=trainer.run)
    worker.start()
    time.sleep(0.5)
    asked = time.perf_counter()
    trainer.pause()
    worker.join(5)
    assert not worker.is_alive() and time.perf_counter() - asked < 1.0
    assert trainer.status == "paused" and trainer.steps == 1
    worker = threading.Thread(target=trainer.run)
    worker.start()
    time.sleep(0.3)
    trainer.set_pace(None)  # full speed from the next batch on
    worker.join(60)
    assert not worker.is_alive() and trainer.status == "done"
    with pytest.raises(ValueError):
        trainer.set_pace(0)


def test_a_new_pace_reaches_a_run_training_in_its_process():
    pool, queue = ProcessPool(1), JobQueue(1)
    try:
        trainer = circle_trainer(epochs=3000)
        trainer.set_pace(2.0)  # travels with the pickled Trainer
        remote = RemoteRun(pool, trainer, "done")
        job = queue.submit("ann", remote.work, remote.stop)
        assert until(lambda: trainer.steps > 0, 120)
        started, first = time.monotonic(), trainer.steps
        time.sleep(2.0)
        paced = (trainer.steps - first) / (time.monotonic() - started)  # batches a second, as reported
        assert paced <= 2.0 * 25 * 1.3 and trainer.epoch < 20
        remote.set_pace(None)
        assert until(lambda: trainer.epoch >= 40, 60)  # 40 epochs: 20 s at the old pace
        remote.set_pace(0.5)
        remote.stop()
        assert job.wait(30) and trainer.status == "stopped" and trainer.pace == 0.5  # the student's latest
    finally:
        queue.close()
        pool.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_train_page_speed_control_paces_a_two_d_run(lang):
    app = open_page("pages/train.py", lang)
    app.selectbox(key="train_preset").set_value("playground_circle").run()
    control = app.get("button_group")
    assert len(control) == 1 and translate("train.speed_slow", lang) in str(control[0].proto)
    control[0].set_value("slow").run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    assert job.trainer.pace == 10.0 and not app.exception
    app.get("button_group")[0].set_value("fast").run()  # while it trains: at once
    assert job.trainer.pace is None
    app.button(key="train_reset").click().run()
    app.selectbox(key="train_preset").set_value("fashion_fast").run()
    assert len(app.get("button_group")) == 0  # FashionMNIST: no speed control


@pytest.mark.parametrize(("preset", "accuracy"), [("playground_circle", 98.0), ("playground_spiral", 97.0)])
def test_the_two_d_presets_default_runs_learn_their_sets(one_thread, preset, accuracy):
    config = recommended_config(preset)
    assert config.epochs <= 1_000  # a run ends: a class's server is shared
    trainer = Trainer(PRESETS[preset], load_dataset(config.data), config)
    trainer.run()
    assert trainer.status == "done" and trainer.history[-1].test_accuracy >= accuracy
