"""The forward-pass walkthrough against the seeds' own code (seeds 003/004), run directly with the same seed."""

import copy

import pytest
import torch
from torch import nn

from engine import PRESETS, LayerSpec, ModelSpec, PlaygroundError, build_model
from engine.data.sample_images import FASHION_CLASSES, fashion_test_set, pick_images
from engine.inside.layers import (
    drops_channel,
    layer_stats,
    random_minibatch,
    seeded_images_then_model,
    walk_forward,
    walkthrough_source,
)
from engine.network.parameters import module_expression


def seeds_walkthrough(image_seed: int, model_seed: int | None):
    """Seed 004's cells, verbatim but for the manual_seed calls (one at the top when model_seed is None)."""
    torch.manual_seed(image_seed)
    input_image = torch.rand(3, 28, 28)
    if model_seed is not None:
        torch.manual_seed(model_seed)
    flatten = nn.Flatten()
    layer1 = nn.Linear(in_features=28 * 28, out_features=20)
    seq_modules = nn.Sequential(flatten, layer1, nn.ReLU(), nn.Linear(20, 10))
    flat_image = flatten(input_image)
    hidden1 = layer1(flat_image)
    after = nn.ReLU()(hidden1)
    logits = seq_modules(input_image)
    pred_probab = nn.Softmax(dim=1)(logits)
    return input_image, flat_image, hidden1, after, logits, pred_probab


def test_walkthrough_equals_the_seeds_code():
    input_image, flat_image, hidden1, after, logits, pred_probab = seeds_walkthrough(7, 0)
    spec = PRESETS["walkthrough"]
    images = random_minibatch(spec, seed=7)
    torch.testing.assert_close(images, input_image, rtol=0, atol=0)
    walk = walk_forward(build_model(spec, seed=0), images, spec.input_shape)
    assert walk.shapes == [(3, 28, 28), (3, 784), (3, 20), (3, 20), (3, 10)]
    assert [step.kind for step in walk.steps] == ["Flatten", "Linear", "ReLU", "Linear"]
    torch.testing.assert_close(walk.steps[0].output, flat_image)
    torch.testing.assert_close(walk.steps[1].output, hidden1.detach())
    relu = walk.steps[2]
    torch.testing.assert_close(relu.input, hidden1.detach())
    torch.testing.assert_close(relu.output, after.detach())
    assert relu.zeroed == int((hidden1 < 0).sum()) > 0
    torch.testing.assert_close(walk.logits, logits.detach())
    torch.testing.assert_close(walk.probabilities, pred_probab.detach())
    assert walk.predicted == pred_probab.argmax(1).tolist()
    assert walk.probabilities.sum(1).tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_one_seed_for_images_then_layers_equals_the_seeds_cells_in_order():
    input_image, _, hidden1, after, logits, _ = seeds_walkthrough(0, None)
    images, model = seeded_images_then_model(PRESETS["walkthrough"], 0)
    torch.testing.assert_close(images, input_image, rtol=0, atol=0)
    walk = walk_forward(model, images)
    torch.testing.assert_close(walk.steps[2].input, hidden1.detach())
    torch.testing.assert_close(walk.steps[2].output, after.detach())
    torch.testing.assert_close(walk.logits, logits.detach())
    assert hidden1.abs().max() < 2  # pixels and weights are different draws: no image lines up with a weight row


def test_the_global_rng_is_left_alone():
    torch.manual_seed(123)
    expected = torch.rand(1)
    torch.manual_seed(123)
    random_minibatch(PRESETS["walkthrough"], seed=5)
    assert torch.rand(1) == expected


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_walks_and_agrees_with_calling_the_model(name):
    spec = PRESETS[name]
    model = build_model(spec, seed=0)
    images = random_minibatch(spec, seed=1)
    walk = walk_forward(model, images, spec.input_shape)
    with torch.no_grad():  # the walk runs in eval mode: BatchNorm uses its running statistics
        torch.testing.assert_close(walk.logits, copy.deepcopy(model).eval()(images))
    assert len(walk.steps) == len(spec.layers)  # one hook call per layer, a shared ReLU once per use
    for before, after in zip(walk.steps, walk.steps[1:]):
        torch.testing.assert_close(before.output, after.input)
    for step in walk.steps:
        if step.kind == "view":  # NeuralNetwork2 flattens in forward with x.view: no module to find
            continue
        assert eval(module_expression(step.path), {"model": model}).__class__.__name__ == step.kind
        assert sum(step.stats.counts) == step.output.numel()
    assert model.training  # the student's model is left as it was: mode, hooks
    assert not any(module._forward_hooks for module in model.modules())


def test_shared_relu_shows_up_once_per_call():
    walk = walk_forward(build_model(PRESETS["fashion_mlp_fc"], seed=0), random_minibatch(PRESETS["fashion_mlp_fc"], 0))
    assert [step.path for step in walk.steps] == ["view", "fc1", "relu", "fc2", "relu", "fc3"]
    assert walk.steps[0].code == "x = x.view(x.size(0), -1)"  # no module: the walk shows the reshape itself


def test_dropout_passes_everything_in_the_walkthrough():
    spec = ModelSpec((4,), (LayerSpec.of("Linear", in_features=4, out_features=8), LayerSpec.of("Dropout", p=0.9)))
    walk = walk_forward(build_model(spec, seed=0), random_minibatch(spec, 0), spec.input_shape)
    torch.testing.assert_close(walk.steps[1].output, walk.steps[1].input)
    assert walk.probabilities is not None and walk.probabilities.shape == (3, 8)


def test_probabilities_when_the_model_ends_in_softmax_or_is_not_a_classifier():
    soft = ModelSpec((4,), (LayerSpec.of("Linear", in_features=4, out_features=3), LayerSpec.of("Softmax")))
    walk = walk_forward(build_model(soft, seed=0), random_minibatch(soft, 0))
    torch.testing.assert_close(walk.probabilities, walk.logits)
    assert "pred_probab = x\n" in walkthrough_source(walk, "x = torch.rand(3, 4)") + "\n"
    dense = walk_forward(build_model(PRESETS["dense_128"], seed=0), random_minibatch(PRESETS["dense_128"], 0))
    assert dense.probabilities is None and dense.predicted is None


def test_stats_match_torch():
    x = torch.tensor([[-1.0, 0.0, 0.0, 3.0]])
    stats = layer_stats(x, bins=4)
    assert (stats.mean, stats.min, stats.max, stats.zero_fraction) == (0.5, -1.0, 3.0, 0.5)
    assert stats.std == pytest.approx(x.std(unbiased=False).item())
    assert stats.counts == (1, 2, 0, 1) and stats.edges == (-1.0, 0.0, 1.0, 2.0, 3.0)
    flat = layer_stats(torch.zeros(2, 3))
    assert sum(flat.counts) == 6 and flat.zero_fraction == 1.0


def test_a_wrong_minibatch_is_refused_with_a_translated_error():
    spec = PRESETS["dense_128"]
    with pytest.raises(PlaygroundError) as info:
        walk_forward(build_model(spec), torch.rand(3, 28, 28), spec.input_shape)
    assert info.value.key == "inside_bad_batch"


@pytest.mark.parametrize("name", ["fashion_mlp", "fashion_mlp_fc"])  # NeuralNetwork2: its x.view is a step too
def test_the_script_runs_and_gives_the_same_logits(name):
    spec = PRESETS[name]
    model = build_model(spec, seed=0)
    walk = walk_forward(model, random_minibatch(spec, seed=3))
    source = walkthrough_source(walk, "torch.manual_seed(3)\nx = torch.rand(3, 28, 28)")
    namespace = {"torch": torch, "nn": nn, "model": model}
    exec(source, namespace)
    torch.testing.assert_close(namespace["x"].detach(), walk.logits)
    assert namespace["y_pred"].tolist() == walk.predicted


@pytest.mark.skipif(fashion_test_set() is None, reason="FASHION_MNIST_DIR does not hold the FashionMNIST test files")
def test_real_images_walk_through_the_seeds_network():
    images, labels = fashion_test_set()
    assert images.shape == (10_000, 1, 28, 28) and labels.max().item() == len(FASHION_CLASSES) - 1
    batch, chosen = pick_images(images, labels, seed=0)
    assert batch.shape == (3, 1, 28, 28) and 0 <= batch.min() and batch.max() <= 1 and len(chosen) == 3
    spec = PRESETS["fashion_mlp"]
    walk = walk_forward(build_model(spec, seed=0), batch, spec.input_shape)
    assert walk.shapes[0] == (3, 1, 28, 28) and walk.shapes[-1] == (3, 10)


@pytest.mark.parametrize("count", [1, 32, 64])
def test_any_batch_size_flows_through_every_shape(count):
    # Seed 002: x = torch.rand(32, 128) gives out_1 [32, 64], out_2 [32, 16], out_3 [32, 1].
    spec = PRESETS["dense_128_model"]
    walk = walk_forward(build_model(spec, seed=0), random_minibatch(spec, 0, count), spec.input_shape)
    assert walk.shapes == [(count, 128), (count, 64), (count, 64), (count, 16), (count, 16), (count, 1), (count, 1)]
    images, model = seeded_images_then_model(PRESETS["walkthrough"], 1, count)
    assert walk_forward(model, images).shapes[-1] == (count, 10)


def test_the_channel_seed_000_keeps_is_dropped_only_before_a_flatten():
    assert drops_channel(PRESETS["walkthrough"]) and drops_channel(PRESETS["fashion_mlp"])
    assert not drops_channel(PRESETS["dense_128_model"])
    flat = random_minibatch(PRESETS["walkthrough"], 5)
    # Same draws either way, so torch.rand(3, 1, 28, 28) is the (3, 28, 28) batch with a channel added.
    kept = torch.rand(3, 1, 28, 28, generator=torch.Generator().manual_seed(5))
    assert torch.equal(kept[:, 0], flat)


def test_one_seed_for_images_then_a_cnns_layers_equals_torch_in_that_order():
    # The tutorials' Net (two Conv2d, three Linear): after torch.manual_seed(seed), the images, then each layer as
    # its constructor draws it from the global RNG. Conv2d weights and biases are redrawn, not only Linear's.
    images, model = seeded_images_then_model(PRESETS["net"], 3, count=2)
    with torch.random.fork_rng():
        torch.manual_seed(3)
        expected_images = torch.rand(2, 1, 28, 28)
        layers = [nn.Conv2d(1, 6, 5, padding=2), nn.Conv2d(6, 16, 5), nn.Linear(400, 120), nn.Linear(120, 84),
                  nn.Linear(84, 10)]
    torch.testing.assert_close(images, expected_images, rtol=0, atol=0)
    expected = [t for layer in layers for t in (layer.weight, layer.bias)]
    ours = list(model.parameters())
    assert len(ours) == len(expected) == 10
    for mine, theirs in zip(ours, expected):
        torch.testing.assert_close(mine, theirs, rtol=0, atol=0)
