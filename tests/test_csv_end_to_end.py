"""A student's own CSV goes all the way: Data -> Train -> Layers -> Export, in both languages."""

import pytest
from streamlit.testing.v1 import AppTest

from engine.network.presets import small_mlp
from tests.conftest import ROOT


def _with_iris(lang: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.session_state["lang"] = lang
    app.run()
    app.switch_page("pages/data.py").run()
    app.button(key="data_csv_example").click().run()
    app.button(key="data_csv_load").click().run()
    assert app.session_state["data_upload"].name and not app.exception
    return app


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_iris_csv_trains_then_goes_through_the_layers_and_exports(lang):
    app = _with_iris(lang)
    app.switch_page("pages/train.py").run()
    data = app.session_state["data_upload"]
    app.session_state["train_data"] = "csv"  # as the select box would (AppTest resends Korean select boxes in English)
    app.run()
    assert app.button(key="train_csv_model")  # the preset takes 28x28 images, not 4 columns
    app.button(key="train_csv_model").click().run()
    assert app.session_state["model_spec"] == small_mlp(4, 3)
    assert app.session_state["train_source"] == "current" and app.session_state["train_loss"] == "cross_entropy"
    app.session_state["train_epochs"] = 30
    app.run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    job.wait(timeout=120)
    app.run()
    trainer = job.trainer
    assert trainer.status == "done" and trainer.data.name == data.name
    assert trainer.history[-1].test_accuracy > 60  # three flowers, four measurements: it learns
    assert app.session_state["model_module"] is trainer.model and not app.exception

    app.switch_page("pages/layers.py").run()
    app.session_state["layers_model"] = "current"
    app.run()  # the network's own inputs are offered once it is chosen
    assert not app.exception and not app.error
    if lang == "en":  # AppTest resends a Korean segmented control by its English label: choose in English only
        app.session_state["layers_images"] = "csv"
        app.run()
        assert not app.exception and not app.error
        assert any(block.value.startswith("x = test_x[:3]") for block in app.code)

    app.switch_page("pages/export.py").run()
    assert not app.exception
    assert all(error.icon == ":material/block:" for error in app.error)  # only tutorial 003's whole-model demo
    result = app.session_state["export_result"][1]
    assert result.report.passed and result.graph.inputs[0].shape[-1] == 4  # the CSV network, checked by onnxruntime
