"""The Activations, Layers and Autograd pages in both languages: key interactions by widget key, and what
they show checked against the engine (and so against torch)."""

import base64
import io
import json

import numpy as np
import pytest
import torch
from PIL import Image
from streamlit.runtime.scriptrunner import get_script_run_ctx

import ui.language
from engine import PRESETS
from engine.data.sample_images import fashion_test_set
from engine.inside.activations import (
    activation_curve,
    apply_to_batch,
    elementwise_activations,
    random_logits,
    softmax_view,
)
from engine.inside.autograd_demo import BACKWARD, replay
from engine.inside.layers import seeded_images_then_model, walk_forward
from i18n import translate
from tests.test_pages import open_page

LANGS = ["ko", "en"]


@pytest.fixture(autouse=True)
def labels_in_the_tests_language(monkeypatch, request):
    """AppTest formats a widget's options (format_func) in the test's own thread, which has no session and
    so no language; there, answer with the test's language so translated labels match on reruns."""
    name = request.node.name
    lang = "ko" if name.endswith("[ko]") or "_ko" in name else "en"
    in_script = ui.language.current_language
    monkeypatch.setattr(ui.language, "current_language", lambda: in_script() if get_script_run_ctx() else lang)


def _table(app, index=0):
    return app.dataframe[index].value


@pytest.mark.parametrize("lang", LANGS)
def test_activations_page_plots_every_default_and_its_ranges(lang):
    app = open_page("pages/activations.py", lang)
    assert not app.exception
    table = _table(app)
    assert list(table.iloc[:, 0]) == ["ReLU", "Sigmoid", "Tanh", "Hardtanh"]
    sigmoid = activation_curve("Sigmoid", {}, -6.0, 6.0, 801)
    assert table.iloc[1, 1] == pytest.approx(round(sigmoid.peak_slope, 4))
    assert app.metric[0].value == "1.000000"
    assert len(app.get("plotly_chart")) >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_seed_001_clamp_button_sets_hardtanh_to_0_10(lang):
    app = open_page("pages/activations.py", lang)
    app.button(key="act_seed_clamp").click().run()
    assert not app.exception
    assert app.slider(key="act_hardtanh").value == (0.0, 10.0)
    table = _table(app)
    row = table[table.iloc[:, 0] == "Hardtanh"].iloc[0]
    (left, right), = _spans(row.iloc[2])
    assert left == pytest.approx(0, abs=0.02) and right == pytest.approx(10, abs=0.02)
    assert [round(a) for a, _ in _spans(row.iloc[3])] == [-5, 10]


def _spans(text):
    return [tuple(float(v) for v in part.strip("[] ").split(",")) for part in text.split("], [")]


def test_every_activation_side_by_side_with_arguments():
    app = open_page("pages/activations.py", "en")
    app.pills(key="act_names").set_value(list(elementwise_activations())).run()
    app.segmented_control(key="act_layout").set_value("grid").run()
    app.number_input(key="act_arg_LeakyReLU_negative_slope").set_value(0.2).run()
    assert not app.exception
    row = _table(app)[_table(app).iloc[:, 0] == "LeakyReLU"].iloc[0]
    assert row.iloc[3] == "—"  # a 0.2 slope is not saturated at the default 5 % threshold


@pytest.mark.parametrize("lang", LANGS)
def test_seed_002_applies_each_activation_to_rand_8_128_and_keeps_its_shape(lang):
    app = open_page("pages/activations.py", lang)
    assert not app.exception
    code = next(c.value for c in app.main.code if "torch.rand(8, 128)" in c.value)
    for name in ("ReLU", "Sigmoid", "Tanh"):
        assert f"act_fn = torch.nn.{name}()\nout = act_fn(x)\nout.shape  # torch.Size([8, 128])" in code
    assert "torch.nn.Hardtanh(min_val=-1.0, max_val=1.0)" in code


def test_apply_to_batch_leaves_the_global_random_state_alone():
    before = torch.random.get_rng_state()
    assert apply_to_batch("Sigmoid", seed=3) == torch.Size([8, 128])
    assert torch.equal(torch.random.get_rng_state(), before)
    assert random_logits(5) == random_logits(5) != random_logits(6)
    assert len(random_logits(5)) == 20 and all(0 <= v < 1 for v in random_logits(5))


def test_seed_002_rand_1_20_button_fills_the_logits_box():
    app = open_page("pages/activations.py", "en")
    app.button(key="act_rand_logits").click().run()
    assert not app.exception
    values = [float(v) for v in app.text_input(key="act_logits").value.split(",")]
    assert values == pytest.approx(random_logits(1), abs=1e-4)
    assert "logits = torch.tensor([" in app.main.code[-1].value and len(app.metric) == 3
    app.button(key="act_rand_logits").click().run()
    assert app.text_input(key="act_logits").value != ", ".join(f"{v:.4f}" for v in random_logits(1))


@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_on_the_activations_page_gives_translated_messages(lang):
    app = open_page("pages/activations.py", lang)
    app.slider(key="act_hardtanh").set_value((2.0, 2.0)).run()
    app.text_input(key="act_logits").set_value("1, two").run()
    assert not app.exception
    messages = [e.value for e in app.error]
    assert translate("error.inside_hardtanh_order", lang, min_val=2.0, max_val=2.0) in messages
    assert translate("error.inside_logits_not_numbers", lang, text="1, two") in messages
    assert list(_table(app).iloc[:, 0]) == ["ReLU", "Sigmoid", "Tanh"]  # only Hardtanh is left out
    traces = json.loads(app.get("plotly_chart")[0].proto.spec)["data"]
    assert [trace["name"] for trace in traces] == ["ReLU", "ReLU'", "Sigmoid", "Sigmoid'", "Tanh", "Tanh'"]
    app.pills(key="act_names").set_value([]).run()
    assert app.info[0].value == translate("act.choose_one", lang)


def test_temperature_changes_the_probabilities_but_not_their_sum():
    app = open_page("pages/activations.py", "en")
    app.slider(key="act_temperature").set_value(0.5).run()
    expected = softmax_view([2.0, 1.0, 0.1], 0.5)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Sum of probabilities"] == f"{expected.probabilities.sum().item():.6f}"
    assert "logits / 0.5" in app.main.code[-1].value


def test_softmax_shows_torchs_float32_sum_beside_the_exact_one():
    app = open_page("pages/activations.py", "en")
    metrics = {metric.label: metric.value for metric in app.metric}
    view = softmax_view([2.0, 1.0, 0.1])
    assert metrics["Sum of probabilities"] == "1.000000"
    # What seed 002's print(torch.sum(pred_probab).item()) shows: float32 rounding, 1 + 2**-23 on this machine.
    assert metrics["Sum of probabilities in float32"] == repr(view.float32_sum)
    assert view.float32_sum == torch.sum(torch.nn.Softmax(dim=0)(torch.tensor([2.0, 1.0, 0.1]))).item()
    assert metrics["Sum of logits (float32)"] == repr(view.float32_logits_sum)
    assert f"torch.sum(pred_probab).item())  # {view.float32_sum!r}" in app.main.code[-1].value


@pytest.mark.parametrize("lang", LANGS)
def test_layers_page_walks_the_seeds_network(lang):
    app = open_page("pages/layers.py", lang)
    assert not app.exception
    images, model = seeded_images_then_model(PRESETS["walkthrough"], 1)
    walk = walk_forward(model, images)
    flow = next(m.value for m in app.markdown if "[3, 784]" in m.value)
    assert "`[3, 28, 28]`" in flow and "`[3, 20]`" in flow and "`[3, 10]`" in flow
    assert app.select_slider(key="layers_step").value == "3 · 2: ReLU"
    assert app.metric[0].value == f"{walk.steps[2].zeroed} / 60"
    assert "x = model[2](x)" in app.main.code[0].value
    source = app.main.code[-1].value
    assert source.startswith("torch.manual_seed(1)\nx = torch.rand(3, 28, 28)\nmodel = nn.Sequential(")
    assert _table(app).shape[0] == 4


def test_layers_page_steps_and_seed():
    app = open_page("pages/layers.py", "en")
    app.select_slider(key="layers_step").set_value("2 · 1: Linear").run()
    assert not app.exception and not app.metric  # a Linear step has no "set to zero" count
    app.number_input(key="layers_seed").set_value(7).run()
    images, model = seeded_images_then_model(PRESETS["walkthrough"], 7)
    zeroed = walk_forward(model, images).steps[2].zeroed
    app.select_slider(key="layers_step").set_value("3 · 2: ReLU").run()
    assert app.metric[0].value == f"{zeroed} / 60"


@pytest.mark.parametrize("lang", LANGS)
def test_layers_page_takes_the_current_model(lang):
    app = open_page("pages/layers.py", lang)
    app.segmented_control(key="layers_model").set_value("current").run()
    assert not app.exception
    assert app.select_slider(key="layers_step").value == "3 · linear_relu_stack.1: ReLU"
    assert _table(app).shape[0] == len(PRESETS["fashion_mlp"].layers)
    assert "x = model.linear_relu_stack[4](x)" in app.main.code[-1].value


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_layers_page_walks_any_current_model(name):
    app = open_page("pages/layers.py", "en")
    app.session_state["model_spec"] = PRESETS[name]  # what the Build a model page stores
    app.segmented_control(key="layers_model").set_value("current").run()
    assert not app.exception
    assert _table(app).shape[0] == len(PRESETS[name].layers)
    assert bool(app.get("plotly_chart"))


def test_layers_page_at_seed_002s_batch_of_32():
    app = open_page("pages/layers.py", "en")
    app.session_state["model_spec"] = PRESETS["dense_128_model"]
    app.segmented_control(key="layers_model").set_value("current").run()
    assert "`[3, 128]`" in next(m.value for m in app.markdown if "**Linear**" in m.value)
    app.number_input(key="layers_batch").set_value(32).run()
    assert not app.exception
    flow = next(m.value for m in app.markdown if "**Linear**" in m.value)
    # Seed 002: x = torch.rand(32, 128); out_1.shape [32, 64], out_2.shape [32, 16], out_3.shape [32, 1].
    assert all(f"`{shape}`" in flow for shape in ("[32, 128]", "[32, 64]", "[32, 16]", "[32, 1]"))
    assert "x = torch.rand(32, 128)" in app.main.code[-1].value
    assert _table(app).iloc[0, 3] == "[32, 64]"


def test_layers_page_walks_seed_000s_batch_of_any_size():
    app = open_page("pages/layers.py", "en")
    app.number_input(key="layers_batch").set_value(64).run()
    assert not app.exception
    flow = next(m.value for m in app.markdown if "**Linear**" in m.value)
    assert "`[64, 28, 28]`" in flow and "`[64, 784]`" in flow and "`[64, 10]`" in flow
    assert "x = torch.rand(64, 28, 28)" in app.main.code[-1].value
    assert translate("layers.first_shown", "en", shown=8, batch=64) in [c.value for c in app.caption]
    app.number_input(key="layers_batch").set_value(1).run()
    assert not app.exception
    assert "`[1, 10]`" in next(m.value for m in app.markdown if "**Linear**" in m.value)


def test_layers_page_keeps_seed_000s_channel_on_request():
    app = open_page("pages/layers.py", "en")
    before = next(m.value for m in app.markdown if "**Linear**" in m.value)
    app.toggle(key="layers_channel").set_value(True).run()
    assert not app.exception
    flow = next(m.value for m in app.markdown if "**Linear**" in m.value)
    # Seed 000: input_images = torch.rand(3, 1, 28, 28); after nn.Flatten() the same [3, 784] onwards.
    assert "** `[3, 1, 28, 28]` → **Flatten**" in flow and "** `[3, 28, 28]` → **Flatten**" in before
    assert flow.split(" → ", 1)[1] == before.split(" → ", 1)[1]
    assert "x = torch.rand(3, 1, 28, 28)" in app.main.code[-1].value
    app.session_state["model_spec"] = PRESETS["dense_128"]
    app.segmented_control(key="layers_model").set_value("current").run()
    assert not app.toggle  # a 128-feature input has no channel to keep


@pytest.mark.skipif(fashion_test_set() is None, reason="FASHION_MNIST_DIR does not hold the FashionMNIST test files")
def test_layers_page_with_real_fashion_images_ko():
    app = open_page("pages/layers.py", "ko")
    app.segmented_control(key="layers_images").set_value("fashion").run()
    assert not app.exception
    assert app.main.code[-1].value.startswith(translate("layers.fashion_code", "ko", n=3))


@pytest.mark.parametrize("lang", LANGS)
def test_autograd_page_backward_button_shows_the_gradients(lang):
    app = open_page("pages/autograd.py", lang)
    assert not app.exception
    assert app.info[0].value == translate("autograd.press_backward", lang)
    app.button(key="autograd_backward").click().run()
    _, (outcome,) = replay(0, [BACKWARD])
    texts = [c.value for c in app.main.code]
    assert f"print(w.grad)\n{outcome.w_grad}" in texts and f"print(b.grad)\n{outcome.b_grad}" in texts
    app.button(key="autograd_backward").click().run()
    assert app.error[0].value == translate("autograd.freed", lang)


def test_autograd_page_accumulates_with_retain_graph_and_zeroes():
    app = open_page("pages/autograd.py", "en")
    app.checkbox(key="autograd_retain").check().run()
    app.button(key="autograd_backward").click().run()
    app.button(key="autograd_backward").click().run()
    _, outcomes = replay(0, ["backward_retain", "backward_retain"])
    assert f"print(b.grad)\n{outcomes[-1].b_grad}" in [c.value for c in app.main.code]
    assert app.info[0].value == translate("autograd.accumulated", "en")
    app.button(key="autograd_zero").click().run()
    assert "print(b.grad)\ntensor([0., 0., 0.])" in [c.value for c in app.main.code]
    app.button(key="autograd_reset").click().run()
    assert app.info[0].value == translate("autograd.press_backward", "en")


def test_autograd_page_prints_the_seeds_flags_and_matrices():
    app = open_page("pages/autograd.py", "en")
    texts = [c.value for c in app.main.code]
    assert "True\nFalse\nFalse" in texts
    printed = next(text for text in texts if text.startswith("First call"))
    assert "tensor([[4., 2., 2., 2., 2.]," in printed and "[4., 4., 4., 4., 8.]])" in printed


def _graph_dots(app):
    return [chart.proto.spec for chart in app.get("graphviz_chart")]


@pytest.mark.parametrize("name", ["current", *sorted(PRESETS)])
def test_autograd_page_draws_every_models_graph_ko(name):
    app = open_page("pages/autograd.py", "ko")
    app.selectbox(key="autograd_model").set_value(name).run()
    assert not app.exception
    group = app.toggle(key=f"autograd_group_{name}")
    if group.value:  # a big graph (over READABLE_NODES) starts grouped, one box per module call
        grouped = _graph_dots(app)[-1]
        group.set_value(False).run()
        dot = _graph_dots(app)[-1]
    else:
        dot = _graph_dots(app)[-1]
        app.toggle(key=f"autograd_group_{name}").set_value(True).run()
        grouped = _graph_dots(app)[-1]
    assert "AddmmBackward0" in dot and "AccumulateGrad" in dot and "lightblue" in dot
    assert "lavender" in grouped and grouped.count("->") < dot.count("->")


def test_layers_pictures_use_the_data_pages_gray_scale():
    # The seeds' plt.imshow(img, cmap="gray"): 0.0 black and 1.0 white on both pages, not inverted on one.
    from ui.data.views import image_figure
    from ui.layers import images_figure

    images = torch.tensor([0.0, 0.5, 1.0]).repeat(3, 4, 2)  # (3, 4, 6): columns 0.0, 0.5, 1.0, ...
    data_png = image_figure(images[:, None], ["a", "b", "c"]).data[0].source
    data_pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(data_png.split(",", 1)[1]))).convert("L"))
    black, middle, white = data_pixels[0, :3].tolist()
    assert (black, white) == (0, 255) and abs(middle - 127.5) <= 1  # linear, as matplotlib's "gray"
    trace = images_figure(images, ["a", "b", "c"]).data[0]
    assert (trace.zmin, trace.zmax) == (0, 1)
    assert [colour for _, colour in trace.colorscale] == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
