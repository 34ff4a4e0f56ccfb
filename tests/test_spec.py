"""ModelSpec: exact round trips and every rejection, with messages that name the problem."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import LAYERS, PRESETS, LayerSpec, ModelSpec, SpecError
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


def _layer_dicts():
    kinds = st.sampled_from(list(LAYERS))
    values = st.one_of(st.integers(-10, 10_000), st.floats(allow_nan=True), st.booleans(), st.text(max_size=3),
                       st.none())
    args = st.dictionaries(st.sampled_from(["in_features", "out_features", "p", "dim", "min_val", "bias", "x"]),
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
