"""The browser's forward pass (ui/train/playground_forward.js, run here in Node) against torch's.

The live 2-D views are painted in the student's browser from the weights the server sends
(ui/train/playground_program.py): its boundary and every neuron's heatmap must be the numbers
engine.training.analysis.decision_grid computes with torch, to within float32 rounding, and its pixels
the colours ui/train/playground_paint.py gives those numbers.
"""

import json
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
import torch

from engine import PRESETS, build_model
from engine.data import load_dataset
from engine.data.base import TensorData
from engine.network.spec import LayerSpec, ModelSpec
from engine.training.analysis import decision_grid
from tests.test_pages import open_page
from ui.train.playground_paint import CLASS_COLOURS, DIVERGING, classes_rgb, diverging_rgb, upright
from ui.train.playground_program import forward_program

STEPS = 40
TOLERANCE = 2e-5  # float32 rounding of a few layers of sums and activations, for values of order 1
FORWARD_JS = Path(__file__).parent.parent / "ui" / "train" / "playground_forward.js"
HARNESS = """
import { forwardGrid, outputTiles, paintClasses, paintDiverging } from "./forward.mjs";
import { readFileSync } from "node:fs";
const { program, table, classTable } = JSON.parse(readFileSync(0, "utf8"));
const grid = forwardGrid(program);
const steps = program.steps;
const pixels = new Uint8ClampedArray(steps * steps * 4);
if (program.classes === 2) paintDiverging(pixels, grid.probability, steps, 1, table, 0, 1);
else paintClasses(pixels, grid.probability, steps, classTable);
const tiles = outputTiles(grid, program);
console.log(JSON.stringify({ probability: Array.from(grid.probability), hidden: grid.hidden.map((h) => Array.from(h)),
                             pixels: Array.from(pixels), tiles: tiles && Array.from(tiles) }));
"""

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")


def L(kind: str, **args) -> LayerSpec:
    return LayerSpec.of(kind, **args)


def mlp(widths: list[int], *activations: LayerSpec, out: int = 2, last: LayerSpec | None = None) -> ModelSpec:
    layers, previous = [], 2
    for width, activation in zip(widths, activations):
        layers += [L("Linear", in_features=previous, out_features=width), activation]
        previous = width
    layers.append(L("Linear", in_features=previous, out_features=out))
    return ModelSpec((2,), tuple(layers + ([last] if last else [])))


NETWORKS = {  # (spec, data set, loss)
    "circle_tanh": (PRESETS["playground_circle"], "circle", "cross_entropy"),
    "spiral_relu": (PRESETS["playground_spiral"], "spiral", "cross_entropy"),
    "xor_sigmoid_bce": (mlp([5], L("Sigmoid"), out=1), "xor", "bce_with_logits"),
    "gauss_leaky_elu": (mlp([6, 3], L("LeakyReLU", negative_slope=0.2), L("ELU", alpha=0.7)), "gauss",
                        "cross_entropy"),
    "circle_softplus_silu_mish": (mlp([4, 4, 4], L("Softplus", beta=2.0), L("SiLU"), L("Mish")), "circle",
                                  "cross_entropy"),
    "xor_hardtanh_nll": (mlp([3], L("Hardtanh", min_val=-0.5, max_val=0.5), last=L("LogSoftmax", dim=1)), "xor",
                         "nll"),
    "gauss_probability_bce": (mlp([4], L("Identity"), out=1, last=L("Sigmoid")), "gauss", "bce"),
}


def run_js(tmp_path: Path, program: dict) -> dict:
    (tmp_path / "forward.mjs").write_text(FORWARD_JS.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "harness.mjs").write_text(HARNESS, encoding="utf-8")
    payload = {"program": program, "table": DIVERGING.reshape(-1).tolist(),
               "classTable": classes_rgb(np.arange(len(CLASS_COLOURS))[None]).reshape(-1).tolist()}
    done = subprocess.run(["node", str(tmp_path / "harness.mjs")], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=60, check=True)
    return json.loads(done.stdout)


@needs_node
@pytest.mark.parametrize("name", list(NETWORKS))
def test_the_browser_computes_torchs_heatmaps(tmp_path, name):
    spec, data_name, loss = NETWORKS[name]
    data = load_dataset(data_name, seed=1)
    torch.manual_seed(0)
    model = build_model(spec, seed=3)
    with torch.no_grad():  # weights of a trained size, not only the small initial ones
        for p in model.parameters():
            p.mul_(3)
    program = json.loads(json.dumps(forward_program(model, spec, data, loss, STEPS)))  # as the browser gets it
    grid = decision_grid(model, spec, data, loss, STEPS)
    js = run_js(tmp_path, program)
    probability = np.array(js["probability"]).reshape(STEPS, STEPS)
    assert np.abs(probability - grid.probability.numpy()).max() < TOLERANCE
    assert len(js["hidden"]) == len(grid.hidden) > 0
    for mine, (_path, theirs) in zip(js["hidden"], grid.hidden):
        assert np.abs(np.array(mine).reshape(theirs.shape) - theirs.numpy()).max() < TOLERANCE
    pixels = np.array(js["pixels"], dtype=np.uint8).reshape(STEPS, STEPS, 4)
    expected = diverging_rgb(upright(grid.probability.numpy()), 0.0, 1.0)
    shade_steps = np.abs(pixels[..., :3].astype(int) - expected.astype(int)).max()
    assert shade_steps <= 2  # the same table; a value on a shade's edge may round to its neighbour
    assert (pixels[..., 3] == 255).all()
    p = 2 * grid.probability.numpy() - 1
    tiles = np.array(js["tiles"]).reshape(-1, STEPS, STEPS)
    assert np.abs(tiles[-1] - p).max() < 2 * TOLERANCE


@needs_node
def test_more_than_two_classes_paint_the_predicted_class(tmp_path):
    spec = mlp([6], L("Tanh"), out=3)
    torch.manual_seed(0)
    xs = torch.randn(60, 2)
    data = TensorData("three", "classification", xs, torch.arange(60) % 3, xs[:10], torch.arange(10) % 3,
                      ("a", "b", "c"))
    model = build_model(spec, seed=0)
    program = forward_program(model, spec, data, "cross_entropy", STEPS)
    js = run_js(tmp_path, program)
    grid = decision_grid(model, spec, data, "cross_entropy", STEPS)
    assert np.array_equal(np.array(js["probability"]).reshape(STEPS, STEPS), grid.probability.numpy())
    pixels = np.array(js["pixels"], dtype=np.uint8).reshape(STEPS, STEPS, 4)[..., :3]
    assert np.array_equal(pixels, classes_rgb(upright(grid.probability.numpy())))
    assert js["tiles"] is None  # three outputs: the output column stays plain boxes


def test_networks_the_browser_does_not_know_are_painted_by_the_server():
    data = load_dataset("circle", seed=1)
    gelu = mlp([4], L("GELU"))
    assert forward_program(build_model(gelu, seed=0), gelu, data, "cross_entropy", STEPS) is None
    batch_softmax = mlp([4], L("Tanh"), last=L("Softmax", dim=0))
    assert forward_program(build_model(batch_softmax, seed=0), batch_softmax, data, "cross_entropy", STEPS) is None
    dropout = ModelSpec((2,), (L("Flatten"), L("Linear", in_features=2, out_features=3), L("Dropout", p=0.5),
                               L("ReLU"), L("Linear", in_features=3, out_features=2)))
    program = forward_program(build_model(dropout, seed=0), dropout, data, "cross_entropy", STEPS)
    assert [layer["kind"] for layer in program["layers"]] == ["Linear", "ReLU", "Linear"]  # eval mode: no dropout


def test_a_network_the_browser_does_not_know_is_painted_by_the_server_while_it_trains():
    app = open_page("pages/train.py", "en")
    spec = mlp([4], L("GELU"))
    app.session_state["model_spec"] = spec
    app.session_state["model_module"] = build_model(spec, seed=0)
    app.run()
    app.radio(key="train_source").set_value("current").run()
    app.selectbox(key="train_data").set_value("circle").run()
    app.number_input(key="train_epochs").set_value(10_000).run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    try:
        deadline = time.monotonic() + 60
        while job.trainer.epoch < 1 and time.monotonic() < deadline:  # the shared pool may start it late
            time.sleep(0.05)
        assert job.running and job.trainer.epoch >= 1
        app.run()  # a repaint while it trains
        assert not app.exception
        (data,) = [json.loads(element.proto.json) for element in app.get("bidi_component")
                   if any(panel["id"] == "boundary" for panel in json.loads(element.proto.json).get("panels", []))]
        assert data["paint"] is None  # no weights for the browser: it could not paint GELU
        panels = {panel["id"]: panel for panel in data["panels"]}
        assert panels["boundary"]["src"].startswith("data:image/svg+xml") and "layout" not in panels["boundary"]
    finally:
        job.stop()
        job.wait(timeout=60)
