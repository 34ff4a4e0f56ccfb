"""Builder, presets, code generation and summary, checked against PyTorch itself and the seeds."""

import re

import pytest
import torch
from torch import nn

from engine import PRESETS, SpecError, build_model, model_source, summarize
from engine.network.editing import rows_from_spec, spec_from_rows
from engine.network.parameters import check_linear_formula, module_expression, parameter_table
from engine.network.spec import LayerSpec, ModelSpec
from engine.network.summary import summary_text
from tests.seed_text import seed_text

EXPECTED_PARAMETERS = {
    "fashion_mlp": 669_706, "fashion_mlp_fc": 1_333_770, "walkthrough": 15_910, "dense_128": 9_313,
    "dense_128_model": 9_313,
    "temperature_linear": 2, "temperature_tanh": 40, "temperature_named": 37,
    # Beyond the seeds: the fast FashionMNIST preset (784-128-10) and the 2-D one (2-8-8-2).
    "fashion_fast": 784 * 128 + 128 + 128 * 10 + 10, "playground_2d": 2 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2,
    # TF Playground's default (2-4-2 Tanh) and its spiral benchmark (six hidden layers of 8).
    "playground_circle": (2 * 4 + 4) + (4 * 2 + 2) + (2 * 2 + 2),
    "playground_spiral": (2 * 8 + 8) + 5 * (8 * 8 + 8) + (8 * 2 + 2),
    # Issue 17's CNNs: three conv (k*k*in*out + out) + BatchNorm (2 * channels) stages and a Linear; and the
    # tutorial's Net (LeNet) with conv1 padded for 28x28.
    "fashion_cnn": (9 * 1 * 16 + 16 + 32) + (9 * 16 * 32 + 32 + 64) + (9 * 32 * 64 + 64 + 128) + 576 * 10 + 10,
    "net": (25 * 6 + 6) + (25 * 6 * 16 + 16) + (400 * 120 + 120) + (120 * 84 + 84) + (84 * 10 + 10),
}

SEED_000_PRINT = """NeuralNetwork(
  (flatten): Flatten(start_dim=1, end_dim=-1)
  (linear_relu_stack): Sequential(
    (0): Linear(in_features=784, out_features=512, bias=True)
    (1): ReLU()
    (2): Linear(in_features=512, out_features=512, bias=True)
    (3): ReLU()
    (4): Linear(in_features=512, out_features=10, bias=True)
  )
)"""

SEED_001_NAMED_PRINT = """Sequential(
  (hidden_linear): Linear(in_features=1, out_features=12, bias=True)
  (hidden_activation): Tanh()
  (output_linear): Linear(in_features=12, out_features=1, bias=True)
)"""


SEED_002_MODEL_PRINT = """Model(
  (layers): Sequential(
    (0): Linear(in_features=128, out_features=64, bias=True)
    (1): Tanh()
    (2): Linear(in_features=64, out_features=16, bias=True)
    (3): Tanh()
    (4): Linear(in_features=16, out_features=1, bias=True)
    (5): Sigmoid()
  )
)"""


def test_every_preset_has_the_seeds_parameter_count():
    assert set(PRESETS) == set(EXPECTED_PARAMETERS)
    for name, spec in PRESETS.items():
        model = build_model(spec)
        assert sum(p.numel() for p in model.parameters()) == EXPECTED_PARAMETERS[name], name
        assert spec.parameter_count() == EXPECTED_PARAMETERS[name], name


def test_print_model_reads_like_the_seeds():
    assert str(build_model(PRESETS["fashion_mlp"])) == SEED_000_PRINT
    assert str(build_model(PRESETS["temperature_named"])) == SEED_001_NAMED_PRINT
    assert str(build_model(PRESETS["dense_128_model"])) == SEED_002_MODEL_PRINT


def test_seed_002_model_class_source_and_summary():
    source = model_source(PRESETS["dense_128_model"])
    assert "class Model(nn.Module):" in source
    assert "self.layers = nn.Sequential(" in source
    assert "x = self.layers(x)" in source
    # The same torchsummary table as the Sequential version: summary(model, (128,)).
    assert summarize(PRESETS["dense_128_model"]) == summarize(PRESETS["dense_128"])
    names = [name for name, _ in build_model(PRESETS["dense_128_model"]).named_parameters()]
    assert names[:2] == ["layers.0.weight", "layers.0.bias"]


def test_fashion_mlp_fc_forward_equals_the_seeds_neuralnetwork2():
    model = build_model(PRESETS["fashion_mlp_fc"], seed=0)
    x = torch.rand(3, 1, 28, 28)
    flat = x.view(x.size(0), -1)
    expected = model.fc3(model.relu(model.fc2(model.relu(model.fc1(flat)))))
    torch.testing.assert_close(model(x), expected)


def test_every_preset_runs_on_a_batch_and_gives_its_output_shape():
    for spec in PRESETS.values():
        out = build_model(spec)(torch.rand(5, *spec.input_shape))
        assert tuple(out.shape) == (5, *spec.output_shape)


def test_seeded_build_equals_manual_seed_then_construct():
    for spec in PRESETS.values():
        torch.manual_seed(7)
        namespace = {}
        exec(model_source(spec), namespace)
        reference = namespace["model"]
        built = build_model(spec, seed=7)
        for (name_a, a), (name_b, b) in zip(reference.state_dict().items(), built.state_dict().items()):
            assert name_a == name_b
            assert torch.equal(a, b)


def test_generated_source_defines_the_same_model():
    for name, spec in PRESETS.items():
        namespace = {}
        exec(model_source(spec), namespace)
        generated = namespace["model"]
        built = build_model(spec)
        assert str(generated).replace(type(generated).__name__, "X", 1) == str(built).replace(
            built._get_name(), "X", 1), name
        assert sum(p.numel() for p in generated.parameters()) == EXPECTED_PARAMETERS[name]
        generated.load_state_dict(built.state_dict())  # same names and shapes
        x = torch.rand(2, *spec.input_shape)
        torch.testing.assert_close(generated(x), built(x))


def test_generated_class_source_is_in_the_tutorial_style():
    source = model_source(PRESETS["fashion_mlp"])
    assert "class NeuralNetwork(nn.Module):" in source
    assert "def forward(self, x):" in source
    assert "self.linear_relu_stack = nn.Sequential(" in source
    assert "nn.Linear(img_height*img_width*num_channels, 512)," in source


def _seed_lines(text: str) -> set[str]:
    """The tutorial's code lines without their comments and indentation."""
    return {line.split("#")[0].strip() for line in text.splitlines()} - {""}


def test_tutorial_000_networks_are_written_with_the_seeds_image_size_names():
    seed = _seed_lines(seed_text(0))
    for name in ("fashion_mlp", "fashion_mlp_fc"):
        source = _seed_lines(model_source(PRESETS[name]))
        constants = {"img_height = 28", "img_width = 28", "num_channels = 1", "num_classes = 10"}
        assert constants <= seed and constants <= source, name
        sized = {line for line in source if "img_height*img_width*num_channels" in line or "num_classes)" in line}
        assert len(sized) == 2 and sized <= seed, (name, sized - seed)  # the seed's own lines, verbatim
    assert "x = x.view(x.size(0), -1)" in seed & _seed_lines(model_source(PRESETS["fashion_mlp_fc"]))
    assert "img_height" not in model_source(PRESETS["net"])  # only tutorial 000's own networks


def test_neuralnetwork2_defines_its_layers_in_the_seeds_order():
    seed = seed_text(0)
    cell = seed[seed.index("class NeuralNetwork2"):seed.index("def forward", seed.index("class NeuralNetwork2"))]
    defined = re.findall(r"self\.(\w+) = nn\.", cell)
    model = build_model(PRESETS["fashion_mlp_fc"], seed=0)
    assert [name for name, _ in model.named_children()] == defined == ["fc1", "fc2", "fc3", "relu"]
    assert "Flatten" not in str(model)  # the seed flattens with x.view in forward, no module


def test_view_is_only_a_default_flatten_inside_a_class():
    linear = LayerSpec.of("Linear", "view", in_features=4, out_features=2)
    for layer, class_name in ((linear, "Net"), (LayerSpec.of("Flatten", "view"), None),
                              (LayerSpec.of("Flatten", "view", start_dim=2), "Net")):
        with pytest.raises(SpecError) as error:
            ModelSpec((4, 4), (layer,), class_name)
        assert error.value.key == "spec_view_flatten"
    assert ModelSpec((4, 4), (LayerSpec.of("Flatten", "view"),), "Net").output_shape == (16,)


def test_summary_matches_seed_002():
    summary = summarize(PRESETS["dense_128"])
    linear_params = [row.parameters for row in summary.rows if row.label.startswith("Linear")]
    assert linear_params == [8256, 1040, 17]
    assert [row.label for row in summary.rows] == ["Linear-1", "Tanh-2", "Linear-3", "Tanh-4", "Linear-5", "Sigmoid-6"]
    assert summary.rows[0].output_shape == (-1, 64)
    assert summary.total_parameters == summary.trainable_parameters == 9313
    assert round(summary.params_mb, 2) == 0.04  # "Params size (MB): 0.04"


SEED_002_SUMMARY_LINES = [
    "        Layer (type)               Output Shape         Param #",
    "            Linear-1                   [-1, 64]           8,256",
    "              Tanh-2                   [-1, 64]               0",
    "            Linear-3                   [-1, 16]           1,040",
    "              Tanh-4                   [-1, 16]               0",
    "            Linear-5                    [-1, 1]              17",
    "           Sigmoid-6                    [-1, 1]               0",
    "Total params: 9,313",
    "Trainable params: 9,313",
    "Non-trainable params: 0",
    "Input size (MB): 0.00",
    "Forward/backward pass size (MB): 0.00",
    "Params size (MB): 0.04",
    "Estimated Total Size (MB): 0.04",
]


def test_summary_text_has_every_line_the_seed_prints_in_order():
    summary = summarize(PRESETS["dense_128_model"])
    assert summary.non_trainable_parameters == 0
    lines = summary_text(summary).splitlines()
    # torchsummary also prints "====" rules, which the handout's copy leaves out.
    assert [line for line in lines if line in SEED_002_SUMMARY_LINES] == SEED_002_SUMMARY_LINES


def test_summary_counts_frozen_parameters_as_non_trainable():
    model = build_model(PRESETS["dense_128"])
    model[0].requires_grad_(False)
    summary = summarize(PRESETS["dense_128"], model)
    assert summary.non_trainable_parameters == 8256 and summary.trainable_parameters == 1057
    assert summary.rows[0].parameters == 8256  # torchsummary's row counts them all; only the totals split
    assert "Non-trainable params: 8,256" in summary_text(summary)


def test_summary_counts_a_shared_layer_once():
    summary = summarize(PRESETS["fashion_mlp_fc"])
    assert sum(row.parameters for row in summary.rows) == summary.total_parameters == 1_333_770


def test_parameter_table_lists_named_parameters():
    rows = parameter_table(build_model(PRESETS["fashion_mlp"], seed=0))
    assert [row.name for row in rows][:2] == ["linear_relu_stack.0.weight", "linear_relu_stack.0.bias"]
    assert rows[0].size == (512, 784) and rows[0].count == 512 * 784
    assert len(rows[0].first_values) == 2 and len(rows[0].first_values[0]) == 4


def test_parameter_values_read_like_torch_prints_them():
    model = nn.Sequential(nn.Linear(3, 2))
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor([[-0.0003, 0.123456789, 1e-6], [2.5, -7.0, 0.1]]))
    values = parameter_table(model)[0].first_values
    assert values == [[-0.0003, 0.1235, 1e-6], [2.5, -7.0, 0.1]]  # not -0.0003000000142492354
    assert str(values) == "[[-0.0003, 0.1235, 1e-06], [2.5, -7.0, 0.1]]"


def test_linear_formula_check_agrees_with_the_module():
    check = check_linear_formula(build_model(PRESETS["dense_128"], seed=0))
    assert check.layer_name == "0" and check.max_abs_diff < 1e-6
    assert check_linear_formula(nn.Sequential(nn.ReLU())) is None


@pytest.mark.parametrize("preset, expression", [
    ("walkthrough", "model[1]"), ("fashion_mlp", "model.linear_relu_stack[0]"), ("fashion_mlp_fc", "model.fc1"),
    ("temperature_named", "model.hidden_linear"),
])
def test_linear_check_names_its_layer_in_python_that_runs(preset, expression):
    model = build_model(PRESETS[preset], seed=0)
    check = check_linear_formula(model)
    assert check.expression == expression  # `model.1(x)` is a syntax error
    layer = eval(check.expression, {"model": model})
    torch.testing.assert_close(layer(check.input), check.module_output)
    assert module_expression("") == "model"


def test_editor_rows_round_trip_and_auto_connect():
    spec = PRESETS["fashion_mlp"]
    rows = rows_from_spec(spec)
    assert spec_from_rows(spec.input_shape, rows, spec.class_name) == spec
    rows[1]["args"]["in_features"] = 3  # wrong on purpose: auto-connect fixes it
    assert spec_from_rows(spec.input_shape, rows, spec.class_name, auto_connect=True) == spec


def test_auto_connect_chains_a_cnns_channels_and_the_linear_after_flatten():
    spec = PRESETS["fashion_cnn"]
    rows = rows_from_spec(spec)
    rows[0]["args"]["out_channels"] = 8  # the student narrows the first convolution
    rows[8]["args"]["kernel_size"] = 5  # and widens the third one's kernel (padding 1: 7 -> 5, pooled to 2)
    connected = spec_from_rows(spec.input_shape, rows, spec.class_name, auto_connect=True)
    assert connected.layers[2].arguments["num_features"] == 8  # BatchNorm2d (after the pooling) follows the channels
    assert connected.layers[4].arguments["in_channels"] == 8  # so does the next convolution
    assert connected.shapes[12] == (64, 2, 2)
    assert connected.layers[-1].arguments["in_features"] == 64 * 2 * 2  # Flatten: channels * height * width
    build_model(connected)(torch.rand(2, 1, 28, 28))
    with pytest.raises(SpecError, match="Layer 2 \\(BatchNorm2d\\)"):
        spec_from_rows(spec.input_shape, rows, spec.class_name, auto_connect=False)
