"""ONNX export and parity against torch itself, for every preset, every activation and every opset offered.

The dynamo exporter takes about a second per model here, so each model is exported once per module.
"""

import copy
import os

import numpy as np
import onnx
import pytest
import torch
from torch import nn

from engine import ACTIVATIONS, PRESETS, LayerSpec, ModelSpec, PlaygroundError, build_model
from export import SUPPORTED_OPSETS, THRESHOLD, check_parity, describe_onnx, export_and_check, to_onnx
from export.parity import ParityInput, ParityReport, compare_outputs, parity_inputs
from export.runtime import run_onnx, session_for
from tests.cnn_helpers import trained, untuned_cnn

NON_DEFAULT_ARGS = {"Hardtanh": {"min_val": -2.0, "max_val": 3.0}, "LeakyReLU": {"negative_slope": 0.2},
                    "ELU": {"alpha": 0.5}, "Softplus": {"beta": 2.0}}


@pytest.fixture(scope="module")
def exported():
    return {name: export_and_check(build_model(spec, seed=0), spec.input_shape) for name, spec in PRESETS.items()}


def activation_chain() -> ModelSpec:
    """Every registered activation behind its own Linear, so one export covers them all."""
    layers = []
    for kind in ACTIVATIONS:
        layers += [LayerSpec.of("Linear", in_features=6, out_features=6),
                   LayerSpec.of(kind, **NON_DEFAULT_ARGS.get(kind, {}))]
    return ModelSpec((6,), tuple(layers))


def wide_inputs(shape, seed=1):
    generator = torch.Generator().manual_seed(seed)
    return [ParityInput("random", 3 * torch.randn(size, *shape, generator=generator)) for size in (1, 5, 32)]


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_matches_torch_within_threshold(exported, name):
    report = exported[name].report
    assert report.passed, report.max_abs_diff
    assert report.max_abs_diff <= THRESHOLD
    assert {case.batch_size for case in report.cases} >= {1, 8}
    classes = PRESETS[name].output_shape[-1] > 1
    assert (report.argmax_agreement == 1.0) if classes else report.argmax_agreement is None
    if PRESETS[name].input_shape == (1, 28, 28) and os.environ.get("FASHION_MNIST_DIR"):
        assert "real" in {case.source for case in report.cases}


def test_the_file_is_one_self_contained_checked_model(exported):
    data = exported["fashion_mlp"].onnx_bytes
    model = onnx.load_from_string(data)
    onnx.checker.check_model(model, full_check=True)
    assert all(init.data_location == onnx.TensorProto.DEFAULT for init in model.graph.initializer)
    assert [i.name for i in model.graph.input] == ["input"] and [o.name for o in model.graph.output] == ["output"]
    assert model.graph.input[0].type.tensor_type.shape.dim[0].dim_param == "batch"


def test_graph_description_of_fashion_mlp(exported):
    result = exported["fashion_mlp"]
    graph = describe_onnx(result.onnx_bytes)
    assert graph.opset == 18 and graph.file_size == len(result.onnx_bytes)
    assert graph.weights == 669_706  # the seeds' parameter count, every weight inside the file
    assert [node.op_type for node in graph.nodes] == ["Reshape", "Gemm", "Relu", "Gemm", "Relu", "Gemm"]
    assert graph.inputs[0].shape == ("batch", 1, 28, 28) and graph.outputs[0].shape == ("batch", 10)
    assert graph.nodes[1].outputs[0].shape == ("batch", 512)


@pytest.mark.parametrize("batch", [1, 2, 3, 17, 64])
def test_batch_dimension_is_dynamic(exported, batch):
    result = exported["fashion_mlp"]
    x = torch.rand(batch, 1, 28, 28, generator=torch.Generator().manual_seed(batch))
    got = torch.from_numpy(run_onnx(result.onnx_bytes, x.numpy()))
    torch.testing.assert_close(got, result.snapshot(x).detach(), atol=THRESHOLD, rtol=0)


def test_the_bound_is_1e_5_up_to_outputs_of_10_then_1e_6_of_the_largest():
    x = np.zeros((1, 3))
    small = ParityReport((compare_outputs("random", x + [[9.0, 0, 0]], x + [[9.0, 0, 9e-6]]),))
    assert small.bound == THRESHOLD and small.passed
    large = ParityReport((compare_outputs("random", x + [[20.0, 0, 0]], x + [[20.0 + 1.5e-5, 0, 0]]),))
    assert large.bound == pytest.approx(2e-5) and large.passed
    assert not ParityReport((compare_outputs("random", x + [[20.0, 0, 0]], x + [[20.0, 0, 3e-5]]),)).passed


def test_a_wrong_model_fails_the_parity_check(exported):
    other = build_model(PRESETS["walkthrough"], seed=0)  # same input and output shapes, other network
    report = check_parity(other, exported["fashion_mlp"].onnx_bytes, parity_inputs((1, 28, 28)))
    assert not report.passed and report.max_abs_diff > 1e-3


def test_sessions_are_cached_per_model(exported):
    data = exported["walkthrough"].onnx_bytes
    assert session_for(data) is session_for(bytes(data))
    assert session_for(data) is not session_for(exported["fashion_mlp"].onnx_bytes)


@pytest.mark.parametrize("opset", SUPPORTED_OPSETS)
def test_every_activation_at_every_offered_opset(opset):
    spec = activation_chain()
    model = build_model(spec, seed=opset)
    data = to_onnx(model, torch.rand(2, 6), opset=opset)
    assert describe_onnx(data).opset == opset
    report = check_parity(model, data, wide_inputs(spec.input_shape))
    assert report.passed, (opset, report.max_abs_diff)


@pytest.mark.parametrize("last", ["Hardtanh", "Softmax", "LogSoftmax"])
def test_activation_at_the_end(last):
    spec = ModelSpec((1, 28, 28), (LayerSpec.of("Flatten"), LayerSpec.of("Linear", in_features=784, out_features=10),
                                   LayerSpec.of(last, **NON_DEFAULT_ARGS.get(last, {}))))
    result = export_and_check(build_model(spec, seed=1), spec.input_shape)
    assert result.report.passed and result.report.argmax_agreement == 1.0
    out = run_onnx(result.onnx_bytes, np.random.default_rng(0).random((4, 1, 28, 28), dtype=np.float32))
    if last == "Softmax":
        np.testing.assert_allclose(out.sum(axis=1), 1.0, atol=1e-6)
    if last == "Hardtanh":
        assert out.min() >= -2.0 and out.max() <= 3.0


def test_trained_model_still_matches():
    """A model after real SGD steps (larger, less regular weights) keeps parity within 1e-5."""
    spec = PRESETS["fashion_mlp"]
    model = build_model(spec, seed=0)
    generator = torch.Generator().manual_seed(0)
    x = torch.rand(64, 1, 28, 28, generator=generator)
    y = torch.randint(0, 10, (64,), generator=generator)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    for _ in range(30):
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    result = export_and_check(model, spec.input_shape)
    assert result.report.passed, result.report.max_abs_diff
    assert result.report.argmax_agreement == 1.0


def test_dropout_is_exported_as_in_eval_and_the_students_model_keeps_training_mode():
    spec = ModelSpec((8,), (LayerSpec.of("Linear", in_features=8, out_features=8), LayerSpec.of("Dropout", p=0.5),
                            LayerSpec.of("Linear", in_features=8, out_features=3)))
    model = build_model(spec, seed=0).train()
    data = to_onnx(model, torch.rand(2, 8))
    assert check_parity(model, data, wide_inputs(spec.input_shape)).passed
    assert model.training
    assert "Dropout" not in {node.op_type for node in describe_onnx(data).nodes}


def test_bad_opset_is_refused_before_exporting():
    with pytest.raises(PlaygroundError) as caught:
        to_onnx(nn.Linear(2, 2), torch.rand(2, 2), opset=9)
    assert caught.value.key == "export_bad_opset"


class Eigenvalues(nn.Module):
    """A layer with no ONNX translation (torch.linalg.eigvals)."""

    def forward(self, x):
        return torch.linalg.eigvals(x.reshape(x.shape[0], 4, 4)).real


def test_a_model_that_cannot_be_exported_names_the_layer():
    model = nn.Sequential(nn.Flatten(), nn.Linear(16, 16), Eigenvalues())
    with pytest.raises(PlaygroundError) as caught:
        to_onnx(model, torch.rand(2, 1, 4, 4))
    assert caught.value.key == "export_failed_layer"
    assert caught.value.params["layer"] == "2" and caught.value.params["kind"] == "Eigenvalues"
    assert model.training, "the student's module is left as it was"


@pytest.mark.parametrize("name", ["fashion_cnn", "net"])
def test_trained_cnn_presets_match_torch_in_eval_mode(name):
    spec = PRESETS[name]
    model = trained(spec)
    result = export_and_check(model, spec.input_shape)
    assert result.report.passed, (result.report.max_abs_diff, result.report.bound)
    assert result.report.bound <= 3 * THRESHOLD  # logits below 30: at most 3e-5
    assert result.report.argmax_agreement == 1.0
    assert model.training  # exported as in eval; the student's model keeps training


def test_a_cnn_the_trainer_trained_in_channels_last_exports_with_parity():
    # The Trainer lays a CNN out channels-last on the CPU (engine/training/trainer.channels_last): the model the
    # Export page gets from a run has NHWC weights, and must export and match as any other.
    from engine.data.base import TensorData
    from engine.training import TrainConfig, Trainer

    generator = torch.Generator().manual_seed(2)
    images = torch.randint(0, 256, (64, 1, 28, 28), dtype=torch.uint8, generator=generator)
    labels = torch.randint(0, 10, (64,), generator=generator)
    data = TensorData("tiny", "classification", images, labels, images[:16], labels[:16],
                      tuple(str(i) for i in range(10)), 1 / 255)
    trainer = Trainer(PRESETS["fashion_cnn"], data, TrainConfig("tiny", optimizer="adam", lr=0.01, batch_size=16,
                                                                 epochs=1, schedule="onecycle"))
    trainer.run()
    conv = trainer.model.features[4]  # 16 -> 32 channels (with one input channel both layouts are the same)
    assert conv.weight.is_contiguous(memory_format=torch.channels_last) and not conv.weight.is_contiguous()
    result = export_and_check(trainer.model, PRESETS["fashion_cnn"].input_shape)
    assert result.report.passed, (result.report.max_abs_diff, result.report.bound)
    assert result.report.argmax_agreement == 1.0


@pytest.mark.parametrize("opset", SUPPORTED_OPSETS)
def test_an_untuned_cnn_matches_torch_at_every_offered_opset(opset):
    spec = untuned_cnn()
    model = trained(spec, seed=opset)
    batchnorm = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)][0]
    assert not torch.allclose(batchnorm.running_var, torch.ones_like(batchnorm.running_var))
    data = to_onnx(model, torch.rand(2, *spec.input_shape), opset=opset)
    inputs = [*parity_inputs(spec.input_shape), *wide_inputs(spec.input_shape)]
    report = check_parity(model, data, inputs)
    bound = report.bound  # 1e-5, or 1e-6 of the largest logit past 10 (export/parity.py says why)
    assert report.passed and bound <= 3 * THRESHOLD, (opset, report.max_abs_diff, bound)
    ops = {node.op_type for node in describe_onnx(data).nodes}
    assert {"Conv", "MaxPool", "AveragePool"} <= ops and "Dropout" not in ops
    eval_model = copy.deepcopy(model).eval()
    x = wide_inputs(spec.input_shape)[1].batch
    torch.testing.assert_close(torch.from_numpy(run_onnx(data, x.numpy())), eval_model(x).detach(),
                               atol=bound, rtol=0)
