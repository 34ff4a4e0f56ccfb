"""Calling a model on a typed input (seed 001's `linear_model(torch.ones(1))`), read safely, shown in both languages."""

import pytest
import torch
from streamlit.testing.v1 import AppTest
from torch import nn

from engine import PRESETS, PlaygroundError
from engine.data.temperature import load_temperature
from engine.inside.model_call import call_model, parse_input, tutorial_names
from i18n import translate
from tests.conftest import ROOT


def _linear(weight: float, bias: float) -> nn.Linear:
    model = nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(weight)
        model.bias.fill_(bias)
    return model


def test_seed_001_calls_print_as_the_handout_prints_them():
    # The handout's weight and bias: 0.0458 and -0.1301, so linear_model(torch.ones(1)) is -0.0843.
    model = _linear(0.0458, -0.1301)
    single = call_model(model, parse_input("torch.ones(1)"), (1,))
    # The handout printed grad_fn=<AddBackward0>; torch 2.13 reaches the same value through a view.
    assert single.output_text.startswith("tensor([-0.0843], grad_fn=<")
    batch = call_model(model, parse_input("t_un_val", tutorial_names(0)), (1,))
    assert batch.output_shape == (2, 1) and "AddmmBackward0" in batch.output_text


def test_tutorial_names_follow_the_data_pages_split():
    for seed in (0, 3):
        names, data = tutorial_names(seed), load_temperature(seed)
        assert torch.equal(names["t_un_val"], data.test_x) and torch.equal(names["t_un_train"], data.train_x)


@pytest.mark.parametrize(("text", "expected"), [
    ("[[3.57], [5.59]]", [[3.57], [5.59]]),
    ("torch.tensor([1.0, 2.0])", [1.0, 2.0]),
    ("torch.zeros(2, 3)", torch.zeros(2, 3).tolist()),
    ("torch.ones((2, 1))", [[1.0], [1.0]]),
    ("0.1 * t_u", (0.1 * tutorial_names()["t_u"]).tolist()),
])
def test_the_forms_it_reads(text, expected):
    assert torch.allclose(parse_input(text, tutorial_names()), torch.tensor(expected))


@pytest.mark.parametrize(("text", "key"), [
    ("__import__('os').system('true')", "call_bad_input"),
    ("torch.ones(1) + 1", "call_bad_input"),
    ("open('x')", "call_bad_input"),
    ("torch.ones(-1)", "call_bad_input"),
    ("torch.zeros(1000, 1000)", "call_too_big"),
    ("[[1, 2], [3]]", "call_bad_input"),
])
def test_anything_else_is_refused_with_a_message_not_run(text, key):
    with pytest.raises(PlaygroundError) as caught:
        parse_input(text)
    assert caught.value.key == key


def test_a_wrong_shape_names_what_the_model_takes():
    with pytest.raises(PlaygroundError) as caught:
        call_model(nn.Linear(2, 1), parse_input("torch.ones(3)"), (2,))
    assert caught.value.key == "call_shape" and caught.value.params["expected"] == [2]
    with pytest.raises(PlaygroundError):  # two batch dimensions
        call_model(nn.Linear(2, 1), parse_input("torch.ones(1, 1, 2)"), (2,))


@pytest.mark.parametrize(("lang", "words"), [("ko", "입력 모양"), ("en", "Input shape")])
def test_the_model_page_calls_the_current_model(lang, words):
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.session_state["lang"] = lang
    # Set as a lesson link would: AppTest sends a selectbox's value by its English label.
    app.session_state["model_spec"] = PRESETS["temperature_linear"]
    app.run()
    app.session_state["model_tab"] = translate("model.tab_call", lang)  # its tab open, as a click leaves it
    app.switch_page("pages/model.py").run()
    assert app.text_input(key="model_call_input_1").value == "torch.ones(1)"
    code = [block.value for block in app.code if block.value.startswith("x = torch.ones(1)")]
    assert code and "tensor([" in code[0] and "grad_fn=<" in code[0]
    assert any(words in caption.value for caption in app.caption)
    if lang == "ko":  # AppTest resends the page's selectboxes by their English labels: interact in English only
        return
    app.text_input(key="model_call_input_1").set_value("t_un_val").run()
    assert any("AddmmBackward0" in block.value for block in app.code)
    app.text_input(key="model_call_input_1").set_value("import os").run()
    assert app.error and not app.exception


def test_a_cnn_with_batchnorm_is_called_on_a_batch_of_one_in_eval_mode():
    from engine import build_model

    spec = PRESETS["fashion_cnn"]
    model = build_model(spec, seed=0).train()
    result = call_model(model, parse_input("torch.ones(1, 1, 28, 28)"), spec.input_shape)
    assert result.output_shape == (1, 10) and model.training  # its own mode is back
