"""ModelSpec: exact round trips and every rejection, with messages that name the problem."""

import json

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from engine import LAYERS, PRESETS, LayerSpec, ModelSpec, SpecError, build_model
from engine.network.spec import MAX_LAYERS, MAX_PARAMETERS

L = LayerSpec.of


@pytest.mark.parametrize("name", PRESETS)
def test_presets_round_trip_through_json(name):
    spec = PRESETS[name]
    assert ModelSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec


def test_defaults_are_stored_so_equal_networks_compare_equal():
    short = ModelSpec((4,), (L("Linear", in_features=4, out_features=2),))
    explicit = ModelSpec((4,), (L("Linear", in_features=4, out_features=2, bias=True),))
    assert short == explicit
    assert short.to_dict()["layers"][0]["args"] == {"in_features": 4, "out_features": 2, "bias": True}


def _spec(layers, shape=(4,), class_name=None):
    return {"input_shape": list(shape), "layers": layers, "class_name": class_name}


def _conv(i, o, **args):
    return {"kind": "Conv2d", "args": {"in_channels": i, "out_channels": o, **args}}


def _linear(i, o, **extra):
    return {"kind": "Linear", "args": {"in_features": i, "out_features": o}, **extra}


REJECTIONS = [
    ("not a dict", [1, 2], "spec_not_mapping", "JSON object"),
    ("unknown field", {**_spec([_linear(4, 2)]), "evil": 1}, "spec_unknown_field", "evil"),
    ("missing layers", {"input_shape": [4]}, "spec_missing_field", "layers"),
    ("no layers", _spec([]), "spec_no_layers", "at least one layer"),
    ("too many layers", _spec([{"kind": "ReLU"}] * (MAX_LAYERS + 1)), "spec_too_many_layers", "too many"),
    ("unknown kind", _spec([{"kind": "Conv9d"}]), "spec_unknown_layer", "Conv9d"),
    ("unknown arg", _spec([{"kind": "ReLU", "args": {"inplace": True}}]), "spec_unknown_arg", "inplace"),
    ("string size", _spec([_linear(4, "10")]), "spec_bad_arg_type", "out_features"),
    ("bool size", _spec([_linear(4, True)]), "spec_bad_arg_type", "out_features"),
    ("zero size", _spec([_linear(4, 0)]), "spec_arg_out_of_range", "out_features"),
    ("negative size", _spec([_linear(4, -3)]), "spec_arg_out_of_range", "-3"),
    ("absurd size", _spec([_linear(4, 10**9)]), "spec_arg_out_of_range", "1000000000"),
    ("nan", _spec([{"kind": "Dropout", "args": {"p": float("nan")}}]), "spec_bad_arg_type", "'p'"),
    ("sizes do not chain", _spec([_linear(4, 8), _linear(9, 2)]), "spec_shape", "in_features to 8"),
    ("first size wrong", _spec([_linear(5, 2)]), "spec_shape", "receives 4"),
    ("too many parameters", _spec([_linear(4, 8192), _linear(8192, 8192)]), "spec_too_many_parameters", "at most"),
    ("bad input shape", _spec([_linear(4, 2)], shape=[]), "spec_bad_input_shape", "Input shape"),
    ("zero input", _spec([_linear(4, 2)], shape=[0]), "spec_bad_input_shape", "Input shape"),
    ("huge input", _spec([{"kind": "ReLU"}], shape=[1000, 1000]), "spec_input_too_large", "too large"),
    ("hardtanh order", _spec([{"kind": "Hardtanh", "args": {"min_val": 2.0, "max_val": 1.0}}]),
     "spec_hardtanh_order", "min_val 2.0"),
    ("softmax dim", _spec([{"kind": "Softmax", "args": {"dim": 9}}]), "spec_arg_out_of_range", "dim"),
    ("softmax dim shape", _spec([{"kind": "Softmax", "args": {"dim": 2}}]), "spec_shape", "out of range"),
    ("bad name", _spec([_linear(4, 2, name="1abc")]), "spec_bad_name", "1abc"),
    ("keyword name", _spec([_linear(4, 2, name="class")]), "spec_bad_name", "class"),
    ("dotted without class", _spec([_linear(4, 2, name="a.b")]), "spec_dotted_needs_class", "a.b"),
    ("duplicate name", _spec([_linear(4, 4, name="fc"), _linear(4, 2, name="fc")], class_name="Net"),
     "spec_duplicate_name", "'fc'"),
    ("sequential duplicate", _spec([{"kind": "ReLU", "name": "r"}, {"kind": "ReLU", "name": "r"}]),
     "spec_duplicate_name", "'r'"),
    ("group split", _spec([_linear(4, 4, name="g.0"), {"kind": "ReLU", "name": "x"}, _linear(4, 2, name="g.1")],
                          class_name="Net"), "spec_group_split", "'g'"),
    ("group order", _spec([_linear(4, 4, name="g.1")], class_name="Net"), "spec_group_order", "g.0"),
    ("group and layer clash", _spec([{"kind": "ReLU", "name": "g"}, _linear(4, 2, name="g.0")], class_name="Net"),
     "spec_duplicate_name", "'g.0'"),
    ("bad class name", _spec([_linear(4, 2)], class_name="my net"), "spec_bad_class_name", "my net"),
    ("layer not an object", _spec(["Linear"]), "spec_bad_layer", "Layer 0"),
    ("flatten batch", _spec([{"kind": "Flatten", "args": {"start_dim": 0}}]), "spec_shape", "batch"),
    # Issue 17: CNN specs that cannot work, each refused naming the layer.
    ("kernel larger than input", _spec([_conv(1, 4, kernel_size=7)], shape=[1, 5, 5]), "spec_shape",
     "Layer 0 (Conv2d): the 7x7 kernel is larger than its 5x5 input"),
    ("kernel larger than padded input", _spec([_conv(1, 4, kernel_size=8, padding=1)], shape=[1, 5, 5]), "spec_shape",
     "padding 1"),
    ("channels do not chain", _spec([_conv(1, 8), _conv(6, 4)], shape=[1, 28, 28]), "spec_shape",
     "Layer 1 (Conv2d): expects 6 input channels but receives 8"),
    ("zero stride", _spec([_conv(1, 4, stride=0)], shape=[1, 28, 28]), "spec_stride_zero", "Layer 0 (Conv2d)"),
    ("zero pool stride", _spec([{"kind": "MaxPool2d", "args": {"stride": 0}}], shape=[1, 28, 28]),
     "spec_stride_zero", "Layer 0 (MaxPool2d)"),
    ("negative padding", _spec([_conv(1, 4, padding=-1)], shape=[1, 28, 28]), "spec_padding_negative",
     "Layer 0 (Conv2d): padding cannot be negative"),
    ("pool padding over half", _spec([{"kind": "AvgPool2d", "args": {"kernel_size": 2, "padding": 2}}],
                                     shape=[1, 28, 28]), "spec_shape", "Layer 0 (AvgPool2d): padding 2"),
    ("pool window too large", _spec([{"kind": "MaxPool2d", "args": {"kernel_size": 4}}], shape=[1, 3, 3]),
     "spec_shape", "Layer 0 (MaxPool2d)"),
    ("conv after flatten", _spec([{"kind": "Flatten"}, _conv(1, 4)], shape=[1, 28, 28]), "spec_shape",
     "Layer 1 (Conv2d): needs an input of (channels, height, width)"),
    ("linear after flatten", _spec([_conv(1, 4), {"kind": "Flatten"}, _linear(784, 10)], shape=[1, 28, 28]),
     "spec_shape", "Layer 2 (Linear): expects 784 input features but receives 2704"),
    ("batchnorm channels", _spec([_conv(1, 8), {"kind": "BatchNorm2d", "args": {"num_features": 16}}],
                                 shape=[1, 28, 28]), "spec_shape", "Layer 1 (BatchNorm2d): expects 16 features"),
    ("batchnorm1d on an image", _spec([{"kind": "BatchNorm1d", "args": {"num_features": 1}}], shape=[1, 28, 28]),
     "spec_shape", "Layer 0 (BatchNorm1d)"),
]


@pytest.mark.parametrize("label,data,key,fragment", REJECTIONS, ids=[r[0] for r in REJECTIONS])
def test_from_dict_rejects_with_a_clear_message(label, data, key, fragment):
    with pytest.raises(SpecError) as caught:
        ModelSpec.from_dict(data)
    assert caught.value.key == key
    assert fragment in str(caught.value)


def test_parameter_limit_is_the_documented_one():
    just_under = ModelSpec((1000,), (L("Linear", in_features=1000, out_features=4995),))
    assert just_under.parameter_count() <= MAX_PARAMETERS


def test_shared_parameter_free_layer_is_allowed_once_named():
    spec = PRESETS["fashion_mlp_fc"]
    assert spec.module_paths().count("relu") == 2


def test_shapes_follow_each_layer():
    assert PRESETS["walkthrough"].shapes == ((1, 28, 28), (784,), (20,), (20,), (10,))


def test_window_layers_follow_the_output_size_formula():
    # out = floor((in + 2*padding - kernel) / stride) + 1, checked against torch for an untuned network.
    spec = ModelSpec((3, 31, 29), (
        L("Conv2d", in_channels=3, out_channels=5, kernel_size=5, stride=2, padding=2),  # (31+4-5)//2+1 = 16
        L("BatchNorm2d", num_features=5),
        L("MaxPool2d", kernel_size=3, stride=2),  # (16-3)//2+1 = 7, (15-3)//2+1 = 7
        L("AvgPool2d", kernel_size=2, stride=1, padding=1),  # 7+2-2+1 = 8
        L("Flatten"), L("BatchNorm1d", num_features=5 * 8 * 8), L("Dropout"),
    ))
    assert spec.shapes[1] == (5, 16, 15) and spec.shapes[3] == (5, 7, 7) and spec.shapes[4] == (5, 8, 8)
    model = build_model(spec).eval()
    x = torch.rand(2, 3, 31, 29)
    for layer, shape in zip(model, spec.shapes[1:]):
        x = layer(x)
        assert tuple(x.shape[1:]) == shape
    assert spec.parameter_count() == sum(p.numel() for p in model.parameters())  # running stats are buffers
    assert spec.parameter_count() == (3 * 5 * 25 + 5) + 2 * 5 + 2 * 320


def test_batchnorm_without_affine_holds_no_parameters():
    layer = L("BatchNorm2d", num_features=8, affine=False)
    assert layer.parameter_count() == 0 == sum(p.numel() for p in nn.BatchNorm2d(8, affine=False).parameters())


def _layer_dicts():
    kinds = st.sampled_from(list(LAYERS))
    values = st.one_of(st.integers(-10, 10_000), st.floats(allow_nan=True), st.booleans(), st.text(max_size=3),
                       st.none())
    args = st.dictionaries(st.sampled_from(["in_features", "out_features", "p", "dim", "min_val", "bias", "x",
                                            "in_channels", "kernel_size", "stride", "padding", "num_features"]),
                           values, max_size=3)
    return st.fixed_dictionaries({"kind": kinds, "args": args},
                                 optional={"name": st.one_of(st.text(max_size=6), st.none())})


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({
    "input_shape": st.lists(st.integers(-2, 3000), max_size=4),
    "layers": st.lists(_layer_dicts(), max_size=6),
    "class_name": st.one_of(st.none(), st.text(max_size=8)),
}))
def test_any_input_is_a_valid_spec_or_a_spec_error(data):
    try:
        spec = ModelSpec.from_dict(data)
    except SpecError as error:
        assert str(error)
    else:
        assert ModelSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
