"""The live feed (ui/train/feed.py): a training 2-D run's counter, progress, numbers, curves and weights as
JSON at /live/<token>, which the student's browser reads itself while the run trains."""

from __future__ import annotations

import asyncio
import gc
import gzip
import json
import pickle
import threading
from types import SimpleNamespace

from starlette.routing import Router

from classroom.queue import JobQueue
from engine import PRESETS
from engine.data import load_dataset
from engine.training import TrainConfig, Trainer
from i18n import translate
from tests.test_queue import until
from ui.train.feed import FEED_PATH, FEED_SECONDS, QUEUE_FEED_SECONDS, Feed, feed_routes
from ui.train.job import TrainingJob
from ui.train.playground_svg import Panel
from ui.train.views import latest_numbers

CIRCLE = TrainConfig("circle", lr=0.03, batch_size=10, epochs=3, shuffle=True, seed=4)


def _job(epochs: int = 1) -> TrainingJob:
    trainer = Trainer(PRESETS["playground_circle"], load_dataset("circle"), CIRCLE)
    for _ in range(epochs * trainer.batches_per_epoch):
        trainer.step()
    return TrainingJob(trainer, ("circle",))


def _get(path: str, headers: list | None = None) -> tuple[int, bytes]:
    """GET `path` from the feed's route as the server would serve it (one ASGI request, no network)."""
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": headers or [], "root_path": "", "scheme": "http", "server": ("127.0.0.1", 80),
             "http_version": "1.1"}
    asyncio.run(Router(routes=feed_routes())(scope, receive, send))
    return sent[0]["status"], b"".join(message.get("body", b"") for message in sent[1:])


def test_the_feed_shows_the_run_as_the_page_does():
    job = _job()
    trainer = job.trainer
    view = Panel("boundary", "Boundary", '<svg><canvas data-paint="boundary"></canvas></svg>', painted=True)
    feed = Feed(job, "ko", [view], steps=100)
    snapshot = feed.snapshot()
    assert snapshot["steps"] == trainer.steps > 0 and not snapshot["running"]
    assert snapshot["counter"] == translate("train.epoch_counter", "ko", epoch=trainer.epoch, steps=trainer.steps)
    assert [list(pair) for pair in snapshot["numbers"]] == [list(pair) for pair in latest_numbers(trainer, "ko")]
    assert snapshot["progress"] == trainer.progress
    assert {curve["id"] for curve in snapshot["curves"]} == {"loss", "accuracy"}
    assert all(curve["src"].startswith("data:image/svg+xml") for curve in snapshot["curves"])
    first = snapshot["paint"]["layers"][0]  # the weights the browser paints from: the model's own
    assert first["w"] == trainer.model.get_submodule("0").weight.detach().reshape(-1).tolist()
    (entry,) = snapshot["views"]  # the markup goes once with the page, named by its layout
    assert entry["svg"] is None and feed.markup[entry["layout"]] == view.svg
    assert snapshot["waiting"] is None and snapshot["every"] == FEED_SECONDS  # not in the queue


def test_a_waiting_run_says_its_place_and_asks_rarely_while_its_turn_is_far_off(monkeypatch):
    queue = JobQueue(1, slice_seconds=0)  # whole runs in line: a wait behind one has no estimate
    monkeypatch.setattr("ui.train.job.classroom", lambda: SimpleNamespace(queue=queue))  # not the server's own
    done = threading.Event()
    try:
        jobs = [_job(epochs=0) for _ in range(3)]
        for owner, job in enumerate(jobs):
            job.ticket = queue.submit(str(owner), lambda: done.wait(30), done.set)
        assert until(lambda: queue.place(jobs[0].ticket) == 0)
        near, far = (Feed(job, "en", [], steps=100) for job in jobs[1:])
        said = json.loads(far.answer())
        assert said["waiting"] == translate("classroom.queued", "en", place=2, ahead=1, workers=1)
        assert said["every"] == QUEUE_FEED_SECONDS  # its turn is far off: nothing moves till then
        assert json.loads(near.answer())["every"] == FEED_SECONDS  # next in line: watched at the live pace
    finally:
        done.set()
        queue.close()


def test_an_answer_is_made_once_per_state_of_the_run():
    job = _job()
    feed = Feed(job, "en", [], steps=100)
    answer = feed.answer()
    assert feed.answer() is answer  # a repaint between two steps costs nothing
    job.trainer.step()
    again = feed.answer()
    assert again is not answer and json.loads(again)["steps"] == json.loads(answer)["steps"] + 1


def test_a_feed_without_views_never_makes_a_module_of_the_weights_that_come():
    """A run trained in another process sends its weights with each record; a feed whose browser paints no
    network (images, a regression) answers from the numbers and leaves the weights alone."""
    job = _job()
    trainer = job.trainer
    copy = pickle.loads(pickle.dumps(trainer)).with_data(trainer.data)
    feed = Feed(job, "en", [], steps=100)
    module, answer = trainer._module, feed.answer()
    copy.step()
    trainer.apply(copy.progress_since(trainer.mark()))
    again = feed.answer()
    assert json.loads(again)["steps"] == json.loads(answer)["steps"] + 1  # the new state answered
    assert trainer._module is module and trainer._weights_due is not None  # not a new module for it


def test_the_route_answers_a_feed_by_its_token_and_nothing_else():
    feed = Feed(_job(), "en", [], steps=100)
    status, body = _get(feed.url)
    assert status == 200 and json.loads(body) == json.loads(feed.answer())
    status, body = _get(FEED_PATH + "not-a-token")
    assert status == 404 and json.loads(body) == {"gone": True}


def test_a_browser_that_takes_gzip_gets_it_compressed_once_per_state():
    feed = Feed(_job(), "en", [], steps=100)
    status, body = _get(feed.url, [(b"accept-encoding", b"gzip, deflate, br")])
    assert status == 200 and json.loads(gzip.decompress(body)) == json.loads(feed.answer())
    assert feed.gzipped() is feed.gzipped()  # each repaint between two steps: the same bytes, not compressed again
    before = feed.gzipped()
    feed.job.trainer.step()
    assert json.loads(gzip.decompress(feed.gzipped()))["steps"] == json.loads(gzip.decompress(before))["steps"] + 1


def test_a_feed_ends_with_the_session_that_holds_it():
    feed = Feed(_job(), "en", [], steps=100)
    other = Feed(feed.job, "en", [], steps=100)
    assert len(feed.token) >= 24 and feed.token != other.token  # unguessable: another student cannot read it
    url = feed.url
    del feed
    gc.collect()
    assert _get(url)[0] == 404
    assert _get(other.url)[0] == 200
