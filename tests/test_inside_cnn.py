"""Looking inside a CNN (engine/inside): the convolution explainer against F.conv2d, pooling against the
layers' own outputs, the size rule, feature-map shapes, and translated refusals."""

import io

import pytest
import torch
import torch.nn.functional as F
from PIL import Image
from torch import nn

from engine.inside.conv_sizes import InsideError, conv_output_size, size_plan
from engine.inside.convolution import explain_convolution, positions, within_float32
from engine.inside.feature_maps import first_conv_maps, image_walk, is_cnn, map_steps, relu_steps
from engine.inside.image_input import image_from_bytes
from engine.inside.pooling import explain_pooling
from i18n import translate


def _tiny_cnn() -> nn.Sequential:
    torch.manual_seed(0)
    return nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(4, 6, 5, stride=2, padding=2), nn.ReLU(), nn.AvgPool2d(3, stride=2),
                         nn.Flatten(), nn.Linear(6 * 3 * 3, 10))


CONV_VARIANTS = [
    dict(in_channels=1, out_channels=3, kernel_size=3),
    dict(in_channels=3, out_channels=4, kernel_size=5, stride=2, padding=2),
    dict(in_channels=2, out_channels=2, kernel_size=3, stride=3, padding=1, bias=False),
    dict(in_channels=4, out_channels=6, kernel_size=(3, 2), stride=(1, 2), padding=(2, 0), groups=2),
    dict(in_channels=2, out_channels=3, kernel_size=3, dilation=2, padding="same"),
    dict(in_channels=2, out_channels=3, kernel_size=3, padding=1, padding_mode="reflect"),
]


@pytest.mark.parametrize("arguments", CONV_VARIANTS, ids=lambda a: ",".join(f"{k}={v}" for k, v in a.items()))
def test_the_explained_sum_equals_f_conv2d_at_every_position(arguments):
    torch.manual_seed(1)
    conv = nn.Conv2d(**arguments)
    x = torch.randn(arguments["in_channels"], 11, 10)
    padding_mode = arguments.get("padding_mode", "zeros")
    if padding_mode == "zeros":
        expected = F.conv2d(x[None], conv.weight, conv.bias, conv.stride, conv.padding, conv.dilation, conv.groups)[0]
    else:
        expected = conv(x[None])[0]
    rows, cols = expected.shape[1:]
    for channel in range(conv.out_channels):
        for row, col in positions(rows, cols):
            step = explain_convolution(conv, x, channel, row, col)
            # float32 bound: the layer sums in float32, the explainer in float64 (stated in ConvolutionAt)
            assert abs(step.total - expected[channel, row, col].item()) <= max(step.float32_bound, 1e-6)
            assert within_float32(step)
            assert step.products.shape == step.kernel.shape == step.patches.shape
            assert step.channel_sums.sum().item() + step.bias == pytest.approx(step.total)


def test_padding_cells_are_zero_and_the_window_is_placed_in_the_input():
    conv = nn.Conv2d(1, 1, 3, padding=1)
    x = torch.arange(1.0, 17.0).reshape(1, 4, 4)
    step = explain_convolution(conv, x, 0, 0, 0)
    assert (step.top, step.left) == (-1, -1)
    assert step.patches[0, 0].tolist() == [0.0, 0.0, 0.0]
    assert step.patches[0, 1:, 1:].tolist() == [[1.0, 2.0], [5.0, 6.0]]
    assert step.input_channels == (0,)


def test_bias_false_adds_nothing_and_groups_read_their_own_channels():
    conv = nn.Conv2d(4, 2, 3, groups=2, bias=False)
    step = explain_convolution(conv, torch.rand(4, 5, 5), 1, 0, 0)
    assert step.bias == 0.0 and step.input_channels == (2, 3)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_bad_channel_and_position_are_refused_in_words(lang):
    conv = nn.Conv2d(1, 2, 3)
    with pytest.raises(InsideError) as channel:
        explain_convolution(conv, torch.rand(1, 6, 6), 2, 0, 0)
    with pytest.raises(InsideError) as position:
        explain_convolution(conv, torch.rand(1, 6, 6), 0, 4, 0)
    assert channel.value.key == "inside_bad_channel" and "1" in translate("error.inside_bad_channel", lang,
                                                                           **channel.value.params)
    assert position.value.params == {"row": 4, "col": 0, "rows": 4, "cols": 4}


def test_a_2x2_max_pool_keeps_one_of_four_and_matches_the_layer():
    x = torch.rand(3, 8, 8, generator=torch.Generator().manual_seed(2))
    explained = explain_pooling(nn.MaxPool2d(2), x, 1)
    assert explained.output.shape == (4, 4) and len(explained.windows) == 16
    assert explained.window_size == 4
    assert explained.dropped_share == pytest.approx(0.75)
    for window in explained.windows:
        assert window.values[window.kept].item() == pytest.approx(window.result)
        assert window.values.max().item() == pytest.approx(window.result)
        assert x[1][window.kept_cell].item() == pytest.approx(window.result)


@pytest.mark.parametrize("pool", [nn.MaxPool2d(3, stride=2), nn.MaxPool2d(3, stride=2, padding=1),
                                  nn.MaxPool2d(2, ceil_mode=True), nn.AvgPool2d(3, stride=2),
                                  nn.AvgPool2d(2, padding=1), nn.AvgPool2d(2, padding=1, count_include_pad=False)],
                         ids=str)
def test_every_window_reproduces_the_pooling_output(pool):
    x = torch.randn(2, 7, 9, generator=torch.Generator().manual_seed(3))
    explained = explain_pooling(pool, x, 0)
    assert explained.output.tolist() == pool(x[None])[0, 0].tolist()
    for window in explained.windows:
        if explained.kind == "MaxPool2d":
            assert window.values.max().item() == pytest.approx(window.result, abs=1e-6)
        elif pool.count_include_pad:
            assert window.values.mean().item() == pytest.approx(window.result, abs=1e-6)
    if explained.kind == "AvgPool2d":
        assert explained.dropped_share == 0.0 and explained.kept_cells == set()


def test_the_size_rule_and_its_grid():
    assert conv_output_size(28, 5) == 24
    assert conv_output_size(28, 5, stride=2, padding=2) == 14
    assert conv_output_size(24, 2, stride=2) == 12
    plan = size_plan(7, 3, stride=2, padding=1)
    assert plan.output == 4 and plan.starts == (0, 2, 4, 6) and plan.padded == 9 and plan.unused == 0
    assert plan.formula == "floor((7 + 2*1 - 3) / 2) + 1 = 4"
    assert size_plan(8, 3, stride=2).unused == 1  # the last column is never reached
    for size, kernel, stride, padding in [(9, 3, 1, 0), (28, 5, 2, 2), (13, 4, 3, 1)]:
        expected = nn.Conv2d(1, 1, kernel, stride, padding)(torch.zeros(1, 1, size, size)).shape[-1]
        assert size_plan(size, kernel, stride, padding).output == expected


@pytest.mark.parametrize("arguments, key, named", [((4, 7), "inside_kernel_too_big", "7"),
                                                   ((4, 3, 0), "inside_zero_stride", "0"),
                                                   ((4, 3, 1, -1), "inside_negative_padding", "-1"),
                                                   ((0, 1), "inside_input_not_positive", "0"),
                                                   ((4, 0), "inside_kernel_not_positive", "0"),
                                                   ((100, 3), "inside_size_too_big", "100")])
def test_impossible_sizes_are_refused_with_a_translated_error(arguments, key, named):
    with pytest.raises(InsideError) as caught:
        size_plan(*arguments)
    assert caught.value.key == key
    korean = translate(f"error.{key}", "ko", **caught.value.params)
    assert korean != str(caught.value) and named in korean and named in str(caught.value)


def test_feature_maps_of_every_conv_and_pool_layer_and_relu_before_after():
    model = _tiny_cnn()
    walk = image_walk(model, torch.rand(28, 28), (1, 28, 28))
    steps = map_steps(walk)
    assert [(s.kind, tuple(s.output.shape)) for s in steps] == [
        ("Conv2d", (1, 4, 28, 28)), ("MaxPool2d", (1, 4, 14, 14)), ("Conv2d", (1, 6, 7, 7)),
        ("AvgPool2d", (1, 6, 3, 3))]
    relus = relu_steps(walk)
    assert len(relus) == 2
    assert torch.equal(relus[0].output, relus[0].input.clamp(min=0))
    assert is_cnn(model) and not is_cnn(nn.Sequential(nn.Flatten(), nn.Linear(784, 10)))
    assert model.training  # the walk used a private copy in eval mode


def test_first_conv_maps_stop_early_and_leave_the_training_mode_alone():
    model = _tiny_cnn().train()
    image = torch.rand(1, 28, 28)
    maps = first_conv_maps(model, image, (1, 28, 28))
    assert maps.shape == (4, 28, 28) and model.training
    assert torch.allclose(maps, model[0](image[None])[0].detach())
    assert first_conv_maps(nn.Sequential(nn.Flatten(), nn.Linear(784, 2)), image, (1, 28, 28)) is None


def test_an_uploaded_picture_becomes_a_dark_28x28_image():
    picture = Image.new("RGB", (60, 40), "white")
    picture.paste((0, 0, 0), (20, 10, 40, 30))  # a dark square on white: inverted to light on black
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = image_from_bytes(buffer.getvalue())
    assert image.shape == (28, 28) and image.dtype == torch.float32
    assert image[14, 14] > 0.9 and image[0, 0] < 0.1
    with pytest.raises(InsideError) as caught:
        image_from_bytes(b"not a picture")
    assert caught.value.key == "inside_not_image"


def test_flat_windows_have_no_decisive_cell():
    x = torch.zeros(1, 4, 4)
    x[0, 0, 1] = 2.0  # only the top-left window holds a distinct maximum
    explained = explain_pooling(nn.MaxPool2d(2), x, 0)
    assert explained.decisive_cells() == [(0, 1)]
    assert len(explained.kept_cells) == 4  # every window still keeps one value, as torch does


def test_the_explorer_and_the_registry_share_one_size_rule_and_it_is_torchs():
    import itertools

    from engine import LayerSpec, ModelSpec, PlaygroundError
    from engine.network.layers import window_output_size
    for size, kernel, stride, padding in itertools.product((3, 7, 28), (1, 3, 5), (1, 2, 3), (0, 1, 2)):
        conv = LayerSpec.of("Conv2d", in_channels=1, out_channels=1, kernel_size=kernel, stride=stride,
                            padding=padding)
        if kernel > size + 2 * padding:
            assert window_output_size(size, kernel, stride, padding) is None
            with pytest.raises(InsideError):
                conv_output_size(size, kernel, stride, padding)
            with pytest.raises(PlaygroundError):
                ModelSpec((1, size, size), (conv,))  # the registry refuses it too
            continue
        out = nn.Conv2d(1, 1, kernel, stride, padding)(torch.zeros(1, 1, size, size)).shape[-1]
        assert conv_output_size(size, kernel, stride, padding) == window_output_size(size, kernel, stride, padding) \
            == ModelSpec((1, size, size), (conv,)).output_shape[-1] == out
