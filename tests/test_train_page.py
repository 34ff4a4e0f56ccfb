"""The Train page through the real entry point: a short run on each kind of data, in both languages."""

import base64
import json
import os

import numpy as np
import pytest
import torch

from engine import PRESETS
from engine.data.temperature import T_C, T_U
from i18n import translate
from tests.test_pages import open_page


def train(app, preset: str, epochs: int, **settings):
    """Pick a preset (which fills in its recommended settings), change some, press Play, wait, redraw."""
    app.selectbox(key="train_preset").set_value(preset).run()
    app.number_input(key="train_epochs").set_value(epochs).run()
    for key, value in settings.items():
        widget = {"lr": app.select_slider, "data": app.selectbox, "optimizer": app.selectbox}[key](key=f"train_{key}")
        widget.set_value(value).run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    job.wait(timeout=120)
    app.run()
    return job


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_two_d_run_draws_curves_boundary_and_network(lang):
    app = open_page("pages/train.py", lang)
    job = train(app, "playground_2d", epochs=3)
    assert not app.exception
    assert job.trainer.status == "done" and len(job.trainer.history) == 3
    assert len(app.get("plotly_chart")) >= 2  # loss and accuracy, interactive once the run is done
    for key in ("train_loss_chart", "train_accuracy_chart"):  # three epochs: a marker on each
        assert [trace["mode"] for trace in chart(app, key)["data"]][-2:] == ["lines+markers"] * 2
    loss, accuracy = chart(app, "train_loss_chart"), chart(app, "train_accuracy_chart")
    assert [trace["name"] for trace in loss["data"]] == [translate(f"train.{name}", lang) for name in
                                                         ("batch_loss", "train_loss", "test_loss")]
    assert loss["layout"]["title"]["text"] == translate("train.loss_curve", lang)
    assert accuracy["layout"]["xaxis"]["title"]["text"] == translate("train.epoch", lang)
    assert accuracy["layout"]["yaxis"]["ticksuffix"] == "%" and accuracy["layout"]["height"] == 300
    components = [json.loads(element.proto.json) for element in app.get("bidi_component")
                  if element.proto.component_name == "torch_playground_live_panels"]
    (views,) = [data for data in components if data["paint"]]
    titles = {panel["id"]: panel["title"] for panel in views["panels"]}  # the boundary and the network beside it
    assert titles == {"boundary": translate("train.boundary", lang), "network": translate("train.network", lang)}
    paint = views["paint"]  # painted by the browser from the trained weights, each one's value on hover
    weights = job.trainer.model.get_submodule("0").weight
    assert paint["titles"] and paint["layers"][0]["w"] == weights.reshape(-1).tolist()
    held = app.session_state["train_playground_program_drawn"]
    table_held = app.session_state["train_epoch_table_drawn"]
    app.run()  # a rerun with the same weights builds nothing again
    assert app.session_state["train_playground_program_drawn"] is held and not app.exception
    assert app.session_state["train_epoch_table_drawn"] is table_held  # nor the epoch table
    assert app.session_state["model_spec"] == PRESETS["playground_2d"]  # the other pages now use it
    assert app.session_state["model_module"] is job.trainer.model
    (table,) = [frame.value for frame in app.dataframe if translate("train.epoch", lang) in frame.value.columns]
    assert table[translate("train.epoch", lang)].tolist() == [1, 2, 3]  # every epoch, headed in the page's language
    losses = table[translate("train.test_loss", lang)].tolist()
    assert losses == [round(record.test_loss, 4) for record in job.trainer.history]


def chart(app, key: str) -> dict:
    """The figure (data and layout) of the plotly chart drawn with `key`."""
    charts = [element for element in app.get("plotly_chart") if element.proto.id.endswith(key)]
    assert len(charts) == 1, [element.proto.id for element in app.get("plotly_chart")]
    return json.loads(charts[0].proto.spec)


def values(array) -> list[float]:
    """A trace's x or y as numbers: a plain list, or plotly's base64 typed array."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_temperature_run_draws_the_fitted_curve_and_gradient(lang):
    app = open_page("pages/train.py", lang)
    job = train(app, "temperature_tanh", epochs=200)
    assert not app.exception
    assert job.trainer.status == "done" and job.trainer.data.task == "regression"
    assert any("hidden [[" in code.value for code in app.main.code)
    assert len(app.get("plotly_chart")) >= 2  # loss curve, fitted curve


def test_temperature_plot_draws_fahrenheit_and_the_model_on_a_tenth_of_it():
    app = open_page("pages/train.py", "en")
    job = train(app, "temperature_linear", epochs=3000)
    assert not app.exception
    figure = chart(app, "train_temperature")
    assert figure["layout"]["xaxis"]["title"]["text"] == "Fahrenheit"
    points, tests, curve = figure["data"][:3]
    # The measurements at their real Fahrenheit values (seed 001's t_u), Celsius up the side.
    data, held = job.trainer.data, dict(zip(T_U, T_C))
    assert sorted(values(points["x"]) + values(tests["x"])) == pytest.approx(sorted(T_U), abs=1e-4)
    for x, y in zip(values(points["x"]) + values(tests["x"]), values(points["y"]) + values(tests["y"])):
        assert y == pytest.approx(held[min(held, key=lambda u: abs(u - x))])
    assert len(values(points["x"])) == len(data.train_x)
    # The curve: 20..89 °F, the model fed 0.1 * Fahrenheit as the seed's `namedseq_model(0.1 * t_range)`.
    xs = values(curve["x"])
    assert xs == list(range(20, 90))
    with torch.no_grad():
        wanted = job.trainer.model(0.1 * torch.tensor(xs, dtype=torch.float32).unsqueeze(1))[:, 0].tolist()
    assert values(curve["y"]) == pytest.approx(wanted, abs=1e-4)
    # The seed's 'kx' trace: the model's output at all 11 readings, model(0.1 * t_u), marked with x.
    marks = next(trace for trace in figure["data"] if trace["name"] == "The model's output at the 11 readings "
                 "(the tutorial's 'kx')")
    assert marks["mode"] == "markers" and marks["marker"]["symbol"] == "x"
    assert values(marks["x"]) == pytest.approx(list(T_U), abs=1e-4)
    with torch.no_grad():
        wanted = job.trainer.model(0.1 * torch.tensor(T_U).unsqueeze(1))[:, 0].tolist()
    assert values(marks["y"]) == pytest.approx(wanted, abs=1e-4)
    assert tests["marker"]["symbol"] != "x"  # only the model's marks are x, as in the seed's plot
    # A trained linear model follows the measurements: within a few degrees of each one.
    for x, y in zip(values(points["x"]), values(points["y"])):
        assert abs(np.interp(x, xs, values(curve["y"])) - y) < 5
    # Thousands of epochs: the loss curves are lines, without a marker per epoch.
    assert {trace["mode"] for trace in chart(app, "train_loss_chart")["data"]} == {"lines"}


@pytest.mark.skipif(not os.environ.get("FASHION_MNIST_DIR"),
                    reason="FASHION_MNIST_DIR is not set: the real FashionMNIST files are not here")
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_fashion_run_draws_confusion_matrix_and_predictions(lang):
    app = open_page("pages/train.py", lang)
    job = train(app, "fashion_fast", epochs=1)
    assert not app.exception
    assert job.trainer.history[0].test_accuracy > 75
    assert len(app.get("plotly_chart")) >= 2 + 1 + 6  # curves, confusion matrix, six softmax bars
    assert len(app.get("image")) >= 6


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_divergence_and_mismatch_are_explained_on_the_page(lang):
    app = open_page("pages/train.py", lang)
    job = train(app, "temperature_linear", epochs=100, lr=10.0)
    assert not app.exception
    assert job.trainer.status == "diverged"
    assert app.warning, "the divergence message is shown"
    app.button(key="train_reset").click().run()
    app.selectbox(key="train_preset").set_value("fashion_mlp").run()
    app.selectbox(key="train_data").set_value("circle").run()
    app.button(key="train_play").click().run()
    assert not app.exception
    assert "train_job" not in app.session_state
    assert app.error and "[2]" in app.error[0].value
    app.run()
    assert not app.error  # said once: a redraw does not say it again


def long_run_in_its_process(lang: str):
    """The Train page with a long 2-D run that has trained an epoch in its training process: (app, job)."""
    import time

    app = open_page("pages/train.py", lang)
    app.selectbox(key="train_preset").set_value("playground_2d").run()
    app.number_input(key="train_epochs").set_value(5000).run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    deadline = time.monotonic() + 120
    while job.pid is None or job.trainer.epoch < 1:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return app, job


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_training_process_that_dies_is_explained_and_play_starts_again(lang):
    import signal

    app, job = long_run_in_its_process(lang)
    os.kill(job.pid, signal.SIGKILL)  # as the out-of-memory killer would
    job.wait(30)
    app.run()
    assert not app.exception and job.ticket.state == "failed"
    message = translate("error.train_worker_lost", lang)
    assert any(message in error.value for error in app.error), [error.value for error in app.error]
    app.number_input(key="train_epochs").set_value(2).run()
    app.button(key="train_play").click().run()  # a fresh process trains the next run
    again = app.session_state["train_job"]
    again.wait(timeout=120)
    assert again is not job and again.trainer.status == "done"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_run_that_blew_up_keeps_the_current_model_until_the_student_asks(lang):
    app = open_page("pages/train.py", lang)
    good = train(app, "playground_2d", epochs=3)
    assert app.session_state["model_module"] is good.trainer.model and good.trainer.blow_up is None
    assert "train_keep_model" not in _keys(app)
    app.button(key="train_reset").click().run()
    wild = train(app, "playground_2d", epochs=10, optimizer="adam", lr=10.0)
    assert not app.exception
    assert wild.trainer.status == "done" and wild.trainer.blow_up is not None
    assert app.session_state["model_module"] is good.trainer.model  # not silently replaced
    said = [warning.value for warning in app.warning]
    assert any(translate("train.kept_current", lang) in text for text in said), said
    assert any(translate("train.status_blew_up", lang) in bar.proto.text for bar in app.get("progress"))
    app.button(key="train_keep_model").click().run()  # the student asks for it
    assert not app.exception
    assert app.session_state["model_module"] is wild.trainer.model
    assert "train_keep_model" not in _keys(app)


def _keys(app) -> set[str]:
    """The keys of the buttons on the page."""
    return {button.key for button in app.button}


@pytest.mark.parametrize(("lang", "reason"), [("ko", "gone"), ("en", "gone"), ("en", "limit")])
def test_a_run_the_server_stopped_says_why_when_the_student_comes_back(lang, reason):

    from classroom.queue import wall_limit
    from ui.train.job import classroom

    app, job = long_run_in_its_process(lang)
    classroom().queue.cancel(job.ticket, reason)  # what the watchdog does when the tab has gone (or time is up)
    job.wait(30)
    app.run()  # the student comes back to the same session
    assert not app.exception and job.ticket.state == "cancelled" and not job.running
    message = translate(f"train.stopped_{reason}", lang, minutes=round(wall_limit() / 60))
    assert any(message in warning.value for warning in app.warning), [warning.value for warning in app.warning]
    app.run()
    assert any(message in warning.value for warning in app.warning)  # it stays until the next Play
    app.number_input(key="train_epochs").set_value(2).run()
    app.button(key="train_play").click().run()
    app.session_state["train_job"].wait(timeout=120)
    app.run()
    assert not any(message in warning.value for warning in app.warning)


def test_the_settings_fold_while_a_run_trains_and_open_when_it_ends():
    app = open_page("pages/train.py", "en")
    assert app.session_state["train_settings_open"] is True
    app.selectbox(key="train_preset").set_value("playground_circle").run()
    app.number_input(key="train_epochs").set_value(10_000).run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    try:
        assert job.running and app.session_state["train_settings_open"] is False
    finally:
        job.stop()
        job.wait(timeout=60)
    app.run()
    assert not job.running and app.session_state["train_settings_open"] is True and not app.exception


def test_the_settings_outlive_other_pages_and_folded_ones_are_not_drawn_but_play_uses_them():
    app = open_page("pages/train.py", "en")
    app.selectbox(key="train_preset").set_value("playground_circle").run()
    app.number_input(key="train_epochs").set_value(7).run()
    app.select_slider(key="train_lr").set_value(0.1).run()
    app.switch_page("pages/tensors.py").run()
    app.switch_page("pages/train.py").run()  # the settings come back folded, as the student left the page
    assert app.session_state["train_settings_open"] is False
    assert "train_epochs" not in [box.key for box in app.number_input]  # folded: not drawn
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    job.wait(timeout=120)
    assert (job.trainer.config.epochs, job.trainer.config.lr, job.trainer.config.data) == (7, 0.1, "circle")
    app.session_state["train_settings_open"] = True
    app.run()
    assert app.number_input(key="train_epochs").value == 7 and app.select_slider(key="train_lr").value == 0.1
    assert not app.exception


def test_a_preset_fills_in_its_learning_rate_schedule_and_the_student_can_change_it():
    app = open_page("pages/train.py", "ko")
    app.selectbox(key="train_preset").set_value("fashion_cnn").run()
    schedule = app.selectbox(key="train_schedule")
    assert schedule.value == "onecycle" and schedule.label == translate("train.schedule", "ko") == "학습률 스케줄"
    assert schedule.options == ["없음 (일정한 학습률)", "OneCycle", "코사인 (CosineAnnealing)"]
    app.selectbox(key="train_preset").set_value("fashion_fast").run()
    assert app.selectbox(key="train_schedule").value == "none"  # fashion_fast trains at a constant rate
    app.selectbox(key="train_schedule").set_value("cosine").run()
    assert not app.exception and app.selectbox(key="train_schedule").value == "cosine"
