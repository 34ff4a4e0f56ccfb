"""The Export page under AppTest, with the browser emulated by Python onnxruntime on the component's payload.

AppTest runs no JavaScript, so the test plays the browser: it reads what the page sent to the runner
component, runs that model on those inputs with onnxruntime, and hands the reply back through session
state, exactly where the page stores the browser's answer.
"""

import base64
import json
import time

import numpy as np
import pytest

from engine import PRESETS, build_model
from export import THRESHOLD, save_checkpoint
from export.browser_payload import decode_floats, encode_floats
from export.runtime import run_onnx
from i18n import translate
from tests.test_pages import open_page
from ui.export.browser import ANSWER_KEY


def payload(app, name: str) -> dict:
    """The data a browser component received on this run."""
    (element,) = [e for e in app.get("bidi_component") if e.proto.component_name == name]
    return json.loads(element.proto.json)


def emulate_browser(data: dict) -> dict:
    """What runner.js replies, computed with Python onnxruntime instead of onnxruntime-web."""
    model = base64.b64decode(data["model"])
    outputs, times = [], []
    for item in data["inputs"]:
        started = time.perf_counter()
        result = run_onnx(model, decode_floats(item["data"], item["dims"]))
        times.append(1000 * (time.perf_counter() - started))
        outputs.append({"source": item["source"], "dims": list(result.shape), "data": encode_floats(result)})
    return {"digest": data["digest"], "run_id": data["run_id"], "outputs": outputs, "agent": "onnxruntime (python)",
            "timings": {"import_ms": 0.0, "create_ms": 1.0, "session_reused": False,
                        "run_ms_median": float(np.median(times)), "run_ms_min": min(times),
                        "run_ms_mean": float(np.mean(times)), "runs": times}}


def metric(app, key: str, lang: str):
    label = translate(key, lang)
    return next(m for m in app.metric if m.label == label)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_browser_answer_is_compared_with_torch(lang):
    app = open_page("pages/export.py", lang)
    assert not app.exception
    data = payload(app, "torch_playground_onnx_runner")
    assert data["inputs"] and {len(item["dims"]) for item in data["inputs"]} == {4}
    assert data["ort_base"] == "/app/static/ort/"
    assert translate("export.browser_waiting", lang) in [info.value for info in app.info]

    app.session_state[ANSWER_KEY] = emulate_browser(data)
    app.run()
    assert not app.exception
    shown = metric(app, "export.browser_max_abs", lang)
    assert float(shown.value) < THRESHOLD
    assert shown.delta == translate("export.passed", lang)
    # Answered: the model is not shipped to the browser again on later reruns.
    assert payload(app, "torch_playground_onnx_runner") == {"digest": data["digest"], "run_id": 0, "done": True}


def test_a_wrong_browser_answer_is_reported_as_a_mismatch():
    app = open_page("pages/export.py", "en")
    answer = emulate_browser(payload(app, "torch_playground_onnx_runner"))
    first = answer["outputs"][0]
    wrong = decode_floats(first["data"], first["dims"]) + 1e-3
    answer["outputs"][0] = {**first, "data": encode_floats(wrong)}
    app.session_state[ANSWER_KEY] = answer
    app.run()
    shown = metric(app, "export.browser_max_abs", "en")
    assert float(shown.value) == pytest.approx(1e-3, rel=0.05)
    assert shown.delta == translate("export.not_passed", "en")


def test_a_stale_answer_for_another_model_is_ignored():
    app = open_page("pages/export.py", "en")
    answer = emulate_browser(payload(app, "torch_playground_onnx_runner"))
    app.session_state[ANSWER_KEY] = {**answer, "digest": "0" * 64}
    app.run()
    assert translate("export.browser_waiting", "en") in [info.value for info in app.info]


def test_choosing_another_opset_exports_again():
    app = open_page("pages/export.py", "en")
    app.selectbox(key="export_opset").set_value(20).run()
    assert not app.exception
    assert metric(app, "export.graph_opset", "en").value == "20"
    assert metric(app, "export.verdict", "en").value == translate("export.passed", "en")


def test_onnxruntime_web_is_found_under_a_base_url_path():
    from streamlit import config

    from export.browser_component import ort_base_url

    before = config.get_option("server.baseUrlPath")
    try:
        config.set_option("server.baseUrlPath", "/class-3a/")
        assert ort_base_url() == "/class-3a/app/static/ort/"
        config.set_option("server.baseUrlPath", "")
        assert ort_base_url() == "/app/static/ort/"
    finally:
        config.set_option("server.baseUrlPath", before)


def test_a_loaded_checkpoint_is_confirmed_by_name_and_parameters():
    app = open_page("pages/export.py", "en")
    spec = PRESETS["fashion_mlp_fc"]
    file = save_checkpoint(spec, build_model(spec, seed=3))
    app.get("file_uploader")[0].set_value(("NeuralNetwork2.zip", file, "application/zip")).run()
    assert not app.exception
    loaded = translate("export.loaded", "en", name="NeuralNetwork2", params=1_333_770)
    assert loaded in [message.value for message in app.success]
    # The browser check's answer for the new model reruns the page at once: the confirmation stays.
    app.session_state[ANSWER_KEY] = emulate_browser(payload(app, "torch_playground_onnx_runner"))
    app.run()
    assert loaded in [message.value for message in app.success]
    assert app.session_state["model_spec"] == spec


def test_a_loaded_checkpoint_is_printed_after_model_eval_and_the_zip_is_named_a_state_dict():
    app = open_page("pages/export.py", "en")
    assert any(c.value == "torch.save(model.state_dict(), 'model.pth')" for c in app.code)
    spec = PRESETS["fashion_mlp_fc"]
    model = build_model(spec, seed=3)
    app.get("file_uploader")[0].set_value(("m.zip", save_checkpoint(spec, model), "application/zip")).run()
    assert not app.exception
    printed = next(c.value for c in app.code if "model.eval()" in c.value)
    assert printed.endswith(str(model)) and printed.count("NeuralNetwork2(") == 1
    assert translate("export.eval_why", "en") in [c.value for c in app.caption]
