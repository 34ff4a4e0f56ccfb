"""The Model page's editor: add, edit, reorder and remove layers; an invalid edit keeps the last network."""

import ast

import torch
from streamlit.testing.v1 import AppTest

from engine import PRESETS, build_model
from tests.conftest import ROOT
from tests.test_pages import open_tab


def _model_page() -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.session_state["lang"] = "en"
    app.run()
    app.switch_page("pages/model.py").run()
    app.selectbox(key="model_preset").set_value("walkthrough").run()
    return app


def _row_key(app: AppTest, index: int, field: str) -> str:
    return f"model_row_{app.session_state['model_rows'][index]}_{field}"


def test_adding_and_removing_layers_changes_the_network():
    app = _model_page()
    assert app.session_state["model_spec"] == PRESETS["walkthrough"]
    app.selectbox(key="model_new_kind").set_value("ReLU").run()
    app.button(key="model_add_layer").click().run()
    spec = app.session_state["model_spec"]
    assert [layer.kind for layer in spec.layers] == ["Flatten", "Linear", "ReLU", "Linear", "ReLU"]
    app.button(key=_row_key(app, 4, "remove")).click().run()
    assert app.session_state["model_spec"] == PRESETS["walkthrough"]
    assert not app.exception


def test_moving_a_layer_and_connected_sizes():
    app = _model_page()
    app.number_input(key=_row_key(app, 1, "out_features")).set_value(32).run()
    spec = app.session_state["model_spec"]
    assert spec.layers[3].arguments["in_features"] == 32, "sizes connect themselves"
    assert spec.parameter_count() == 784 * 32 + 32 + 32 * 10 + 10
    app.button(key=_row_key(app, 2, "up")).click().run()  # ReLU before the Linear
    assert [layer.kind for layer in app.session_state["model_spec"].layers] == ["Flatten", "ReLU", "Linear", "Linear"]


def test_an_invalid_edit_says_why_and_keeps_the_last_valid_network():
    app = _model_page()
    app.toggle(key="model_auto_connect").set_value(False).run()
    app.number_input(key=_row_key(app, 3, "in_features")).set_value(7).run()
    assert not app.exception
    assert "in_features to 20" in app.error[0].value
    assert app.session_state["model_spec"] == PRESETS["walkthrough"]
    app.text_input(key="model_input_shape").set_value("1, 28, x").run()
    assert "Input shape" in app.error[0].value and not app.exception


def test_the_linear_tab_shows_code_that_runs_and_short_parameter_values():
    app = open_tab(_model_page(), "model_tab", "model.tab_linear")  # walkthrough is an nn.Sequential: its
    code = next(block.value for block in app.main.code if "torch.allclose" in block.value)
    assert "out = model[1](x)" in code  # first Linear is model[1], not model.1
    exec(code, {"torch": torch, "model": build_model(app.session_state["model_spec"], seed=0)})
    open_tab(app, "model_tab", "model.tab_parameters")
    table = next(frame.value for frame in app.dataframe if "First values [:2]" in frame.value.columns)
    numbers = [number for text in table["First values [:2]"] for row in ast.literal_eval(text)
               for number in (row if isinstance(row, list) else [row])]
    assert numbers and max(len(repr(number)) for number in numbers) <= len("-0.0001234")


def test_seed_002_model_preset_shows_its_print_and_non_trainable_params():
    app = _model_page()
    app.selectbox(key="model_preset").set_value("dense_128_model").run()
    assert not app.exception
    assert str(build_model(PRESETS["dense_128_model"])) in [code.value for code in app.code]
    codes = [code.value for code in open_tab(app, "model_tab", "model.tab_summary").code]
    assert any("Non-trainable params: 0" in code for code in codes)
    assert "summary(model, (128,))" in "\n".join(codes)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Non-trainable params"] == "0"
    assert metrics["Trainable params"] == "9,313"


def test_the_summary_names_torchinfo_and_its_call_gives_the_same_totals():
    import torchinfo

    app = open_tab(_model_page(), "model_tab", "model.tab_summary")
    app.selectbox(key="model_preset").set_value("dense_128_model").run()
    assert not app.exception
    assert any("pip install torchsummary" in caption.value for caption in app.caption)
    call = next(block.value for block in app.code if "torchinfo.summary(model, input_size=(1, 128)" in block.value)
    namespace = {"torchinfo": torchinfo, "model": build_model(PRESETS["dense_128_model"], seed=0)}
    exec(call.replace("torchinfo.summary(", "stats = torchinfo.summary(", 1), namespace)
    assert namespace["stats"].total_params == 9313


def test_the_code_tab_shows_the_handouts_imports_and_the_empty_class_for_a_class_model():
    from engine.codegen.handout import CLASS_SKELETON, HANDOUT_IMPORTS

    app = open_tab(_model_page(), "model_tab", "model.tab_code")  # walkthrough: nn.Sequential, no class skeleton
    codes = [block.value for block in app.code]
    assert HANDOUT_IMPORTS in codes and CLASS_SKELETON not in codes
    app.selectbox(key="model_preset").set_value("fashion_mlp_fc").run()
    assert not app.exception
    codes = [block.value for block in app.code]
    assert HANDOUT_IMPORTS in codes
    assert codes.index(CLASS_SKELETON) + 1 == next(i for i, code in enumerate(codes) if "class NeuralNetwork2" in code)


def test_a_cnn_preset_shows_each_layers_output_shape_and_connects_channels():
    app = _model_page()
    app.selectbox(key="model_preset").set_value("fashion_cnn").run()
    assert not app.exception
    assert str(build_model(PRESETS["fashion_cnn"])) in [code.value for code in app.code]  # print(model)
    metrics = {metric.label: metric.value for metric in open_tab(app, "model_tab", "model.tab_summary").metric}
    assert metrics["Trainable params"] == "29,290"  # the summary counts BatchNorm's weight and bias, not its buffers
    captions = [caption.value for caption in app.caption]
    assert "Output shape (B, 16, 28, 28)" in captions and "Output shape (B, 64, 3, 3)" in captions
    app.number_input(key=_row_key(app, 4, "out_channels")).set_value(24).run()  # the second convolution
    spec = app.session_state["model_spec"]
    assert not app.error
    assert spec.layers[6].arguments["num_features"] == 24 and spec.layers[8].arguments["in_channels"] == 24
    assert "Output shape (B, 24, 14, 14)" in [caption.value for caption in app.caption]
    app.number_input(key=_row_key(app, 8, "kernel_size")).set_value(7).run()  # 7 -> 3 with padding 1, pooled to 1
    assert app.session_state["model_spec"].layers[-1].arguments["in_features"] == 64
    assert str(build_model(app.session_state["model_spec"])).count("Conv2d") == 3


def test_a_pasted_spec_replaces_the_network_and_bad_json_says_where():
    import json

    app = open_tab(_model_page(), "model_tab", "model.tab_json")
    app.text_area(key="model_spec_paste").set_value(json.dumps(PRESETS["dense_128_model"].to_dict())).run()
    app.button(key="model_spec_load").click().run()
    assert app.session_state["model_spec"] == PRESETS["dense_128_model"]
    assert app.success[0].value == "Loaded." and not app.exception
    app.text_area(key="model_spec_paste").set_value('{"layers": [').run()
    app.button(key="model_spec_load").click().run()
    assert app.error[0].value.startswith("That is not valid JSON (line 1")
    assert app.session_state["model_spec"] == PRESETS["dense_128_model"]  # a bad paste keeps the network


def test_coming_back_to_the_page_reuses_its_rows_widget_keys():
    # Each visit loads the rows again (Streamlit forgot the values of widgets it did not draw). New row ids on
    # every visit once left Streamlit a record of each new widget for the rest of the session: 41 more per visit.
    app = _model_page()
    rows = list(app.session_state["model_rows"])
    records = []
    for _ in range(3):
        app.switch_page("pages/tensors.py").run()
        app.switch_page("pages/model.py").run()
        assert app.session_state["model_rows"] == rows
        records.append(len(app.session_state._state._state._new_widget_state.widget_metadata))
    assert records[0] == records[-1], records
    assert app.session_state["model_spec"] == PRESETS["walkthrough"] and not app.exception
