"""The Train page on a shared server: a student whose run must wait sees their place in the queue; a small
run that joins the server's gang trains at once, however busy the workers are."""

import json
import threading

import pytest

from classroom.queue import SLICE_SECONDS
from tests.test_pages import open_page
from tests.test_queue import Turns
from ui.train.job import classroom


def queue_words(app) -> list[str]:
    """What the Train page says of the run's place: the live view's word, from the run's live feed (its
    browser then reads the rest itself), and any st.info."""
    said = [json.loads(element.proto.json)["snapshot"]["waiting"] for element in app.get("bidi_component")
            if element.proto.component_name == "torch_playground_live_feed"]
    return [text for text in said if text] + [info.value for info in app.info]


@pytest.fixture
def busy_server():
    """Every worker busy with another student's run, and one more run waiting: ours will be second."""
    release, room = threading.Event(), classroom()
    jobs = [room.queue.submit(f"other-{i}", lambda: release.wait(60), release.set) for i in range(room.workers + 1)]
    yield
    release.set()
    for job in jobs:
        assert job.wait(10)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_waiting_run_shows_its_place_and_pause_leaves_the_queue(busy_server, lang):
    app = open_page("pages/train.py", lang)
    app.selectbox(key="train_preset").set_value("playground_2d").run()
    app.selectbox(key="train_optimizer").set_value("adam").run()  # Adam: a worker's run, not the gang's
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    assert job.running and job.place == 2
    expected = "대기열 2번째" if lang == "ko" else "Place 2 in the queue"
    assert any(expected in text for text in queue_words(app)), queue_words(app)
    assert job.trainer.batch_losses == []  # it has not trained a batch: it waits
    app.button(key="train_pause").click().run()
    assert not job.running and job.place is None
    assert not job.trainer.finished  # leaving the queue is a pause: Play resumes the same run
    assert not any(expected in text for text in queue_words(app))
    assert not app.exception


@pytest.fixture
def server_in_turns():
    """Runs that take turns on every worker, and five more waiting: ours waits a few turns, about."""
    room = classroom()
    before, room.queue.slice_seconds = room.queue.slice_seconds, SLICE_SECONDS  # whatever the environment says
    works = [Turns(100_000) for _ in range(room.workers + 5)]
    jobs = [room.queue.submit(f"turns-{i}", work.work, work.stop, yield_turn=work.yield_turn)
            for i, work in enumerate(works)]
    yield
    room.queue.slice_seconds = before  # first: the process-wide queue goes back to what it was, whatever follows
    for job in jobs:
        room.queue.cancel(job, "shutdown")
    for job in jobs:
        assert job.wait(10)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_run_waiting_for_its_turn_sees_about_how_long(server_in_turns, lang):
    app = open_page("pages/train.py", lang)
    app.selectbox(key="train_preset").set_value("playground_2d").run()
    app.selectbox(key="train_optimizer").set_value("adam").run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    seconds = job.wait_seconds
    assert job.place >= 1 and seconds is not None and 0 < seconds < 10, (job.place, seconds)
    words = "초 뒤에 차례가 옵니다" if lang == "ko" else "your turn comes in about"
    assert any(words in text for text in queue_words(app)), queue_words(app)
    app.button(key="train_pause").click().run()
    assert not job.running and not app.exception


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_two_d_run_trains_at_once_in_the_gang_while_the_workers_are_busy(busy_server, lang):
    app = open_page("pages/train.py", lang)
    app.selectbox(key="train_preset").set_value("playground_2d").run()
    app.number_input(key="train_epochs").set_value(2).run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    # Training at once (place 0), or already done: a 2-epoch gang run can end before this line. Either way it
    # went to the gang's lane and never waited for the busy workers.
    ticket = job.ticket
    assert job.place in (0, None) and ticket.lane == "gang" and ticket.waited < 5, (job.place, ticket.waited)
    waiting = "대기열" if lang == "ko" else "in the queue"
    assert not any(waiting in text for text in queue_words(app)), queue_words(app)
    job.wait(120)
    app.run()
    assert job.trainer.status == "done" and len(job.trainer.history) == 2 and not app.exception


@pytest.fixture
def full_gang():
    """The server's gang with room for one run, and another student's run in it: ours must wait."""
    release, room = threading.Event(), classroom()
    size, room.queue.gang_size = room.queue.gang_size, 1
    job = room.queue.submit("other-gang", lambda: release.wait(60), release.set, lane="gang")
    yield
    room.queue.gang_size = size
    release.set()
    assert job.wait(10)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_two_d_run_waits_for_a_place_in_a_full_gang_and_says_so(full_gang, lang):
    app = open_page("pages/train.py", lang)
    app.selectbox(key="train_preset").set_value("playground_2d").run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    assert job.running and job.in_gang and job.place == 1 and job.capacity == 1
    expected = "작은 학습을 한 번에 1개까지" if lang == "ko" else "up to 1 small runs together"
    assert any(expected in text for text in queue_words(app)), queue_words(app)
    app.button(key="train_pause").click().run()
    assert not job.running and not app.exception


# English only: AppTest re-formats the Preset box's translated options in the test thread, which has no
# session language, so any rerun of the Model page in Korean fails inside AppTest (not in the app).
@pytest.mark.parametrize("lang", ["en"])
def test_the_model_editor_shows_the_students_network_after_another_page(lang):
    app = open_page("pages/model.py", lang)
    app.text_input(key="model_class_name").set_value("MyNet").run()
    spec = app.session_state["model_spec"]
    assert spec.class_name == "MyNet"
    shape = app.text_input(key="model_input_shape").value
    app.switch_page("pages/train.py").run()
    app.switch_page("pages/model.py").run()  # Streamlit dropped the editor's widget values meanwhile
    assert app.text_input(key="model_class_name").value == "MyNet"
    assert app.text_input(key="model_input_shape").value == shape != ""
    assert app.session_state["model_spec"] == spec
    assert not app.exception
