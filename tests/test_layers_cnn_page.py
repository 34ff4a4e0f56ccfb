"""The Layers page's CNN section in both languages: the student's CNN on a real test image, the convolution
explainer against F.conv2d, pooling, ReLU, the size explorer and its translated refusals, and an MLP's page."""

import re

import pytest
import torch.nn.functional as F
from streamlit.runtime.scriptrunner import get_script_run_ctx

import ui.language
from engine import PRESETS, build_model
from engine.data.sample_images import fashion_test_set
from i18n import translate
from tests.test_pages import open_page
from ui.model.state import INIT_SEED

LANGS = ["ko", "en"]
needs_fashion = pytest.mark.skipif(fashion_test_set() is None, reason="needs the local FashionMNIST test set")


@pytest.fixture(autouse=True)
def labels_in_the_tests_language(monkeypatch, request):
    """AppTest formats widget options in the test's own thread, which has no session: answer in the test's language."""
    lang = "ko" if request.node.name.endswith("[ko]") else "en"
    in_script = ui.language.current_language
    monkeypatch.setattr(ui.language, "current_language", lambda: in_script() if get_script_run_ctx() else lang)


def _open_with(preset: str, lang: str):
    app = open_page("pages/layers.py", lang)
    app.session_state["model_spec"] = PRESETS[preset]  # what ui.model.state.set_spec does: a new spec, new weights
    app.session_state["model_module"] = build_model(PRESETS[preset], seed=INIT_SEED)
    app.segmented_control(key="layers_model").set_value("current").run()
    assert not app.exception
    return app




@needs_fashion
@pytest.mark.parametrize("lang", LANGS)
def test_the_convolution_explained_on_the_students_cnn_equals_f_conv2d(lang):
    app = _open_with("fashion_cnn", lang)
    assert app.number_input(key="cnn_conv_row").value == 14  # starts in the middle of the 28x28 map
    app.number_input(key="cnn_conv_channel").set_value(5).run()
    app.button(key="cnn_conv_next").click().run()
    assert not app.exception
    row, col = app.number_input(key="cnn_conv_row").value, app.number_input(key="cnn_conv_col").value
    assert (row, col) == (14, 15)
    images, _ = fashion_test_set()
    x = images[0:1].float() / 255
    conv = build_model(PRESETS["fashion_cnn"], seed=INIT_SEED).features[0]
    expected = F.conv2d(x, conv.weight, conv.bias, padding=1)[0, 5, row, col].item()
    equation = next(m.value for m in app.markdown if f"{conv.bias[5].item():.6f}" in m.value)
    assert f"**{expected:.6f}**" in equation
    assert translate("cnn.conv_col_sum", lang) in app.dataframe[-1].value.columns
    products = (x[0, 0, row - 1:row + 2, col - 1:col + 2].double() * conv.weight[5, 0].double()).sum().item()
    assert app.dataframe[-1].value.iloc[0, 1] == pytest.approx(products, abs=1e-6)
    if lang == "en":  # Play walks PLAY_STEPS positions along the row, then stays where it stopped
        app.button(key="cnn_conv_play").click().run()
        assert not app.exception
        assert (app.number_input(key="cnn_conv_row").value, app.number_input(key="cnn_conv_col").value) == (14, 27)


@needs_fashion
@pytest.mark.parametrize("lang", LANGS)
def test_feature_maps_pooling_and_relu_of_the_tutorials_net(lang):
    app = _open_with("net", lang)
    # conv1, pool, conv2, pool: one heading each, one tile per channel (6 + 6 + 16 + 16)
    headings = [m.value for m in app.markdown if re.match(r"\*\*\d+ · .*\*\* → `", m.value)]
    assert [h.split("**")[1].split(" · ")[1] for h in headings] == ["conv1: Conv2d", "pool: MaxPool2d",
                                                                    "conv2: Conv2d", "pool: MaxPool2d"]
    assert "`[1, 16, 5, 5]`" in headings[-1]
    rule = translate("cnn.pool_max_rule", lang, size=4, dropped=3, share=75.0)
    assert any(m.value == rule for m in app.markdown)
    zeroed = app.metric[0]
    assert zeroed.label == translate("cnn.relu_zeroed", lang) and int(zeroed.value.split(" / ")[0]) > 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_size_explorer_follows_the_rule_and_refuses_impossible_sizes(lang):
    app = open_page("pages/layers.py", lang)  # the tutorial MLP: the page as before, plus the explorer
    assert any(i.value == translate("cnn.no_cnn", lang) for i in app.info)  # the current model is an MLP too
    app.number_input(key="cnn_size_input").set_value(28).run()
    app.number_input(key="cnn_size_kernel").set_value(5).run()
    app.number_input(key="cnn_size_stride").set_value(2).run()
    app.number_input(key="cnn_size_padding").set_value(2).run()
    assert any("floor((28 + 2*2 - 5) / 2) + 1 = 14" in m.value for m in app.markdown)
    app.number_input(key="cnn_size_stride").set_value(0).run()
    assert not app.exception
    assert app.error[0].value == translate("error.inside_zero_stride", lang, value=0)
    app.number_input(key="cnn_size_stride").set_value(1).run()
    app.number_input(key="cnn_size_kernel").set_value(40).run()
    assert app.error[0].value == translate("error.inside_kernel_too_big", lang, kernel=40, size=28, padding=2,
                                           padded=32)


def test_a_current_mlp_gets_a_pointer_to_cnns_and_a_current_cnn_a_pointer_to_my_model():
    app = _open_with("fashion_mlp", "en")
    assert any(i.value == translate("cnn.no_cnn", "en") for i in app.info)
    app.session_state["model_spec"] = PRESETS["net"]
    app.session_state["model_module"] = build_model(PRESETS["net"], seed=INIT_SEED)  # as set_spec would rebuild it
    app.segmented_control(key="layers_model").set_value("walkthrough").run()
    assert any(i.value == translate("cnn.choose_current", "en") for i in app.info)
