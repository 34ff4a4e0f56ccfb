"""The Tensors page's lessons run the code they show and give what torch itself gives."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.device import available_devices
from engine.errors import PlaygroundError
from engine.inside.tensors import (
    CREATE_METHODS,
    HANDOUT_CELLS,
    add_in_place,
    create_tensor,
    handout_cell,
    in_place_breaks_autograd,
    index_tensor,
    join_tensors,
    move_to_device,
    multiply,
    numpy_bridge,
    parse_data,
    parse_index,
)


def test_created_tensors_match_torch():
    data = [[1, 2], [3, 4]]
    expected = {
        "data": torch.tensor(data),
        "numpy": torch.from_numpy(np.array(data)),
        "ones_like": torch.ones_like(torch.tensor(data)),
        "rand_like": torch.rand_like(torch.tensor(data), dtype=torch.float,
                                     generator=torch.Generator().manual_seed(3)),
        "rand": torch.rand((2, 3), generator=torch.Generator().manual_seed(3)),
        "ones": torch.ones(2, 3),
        "zeros": torch.zeros(2, 3),
    }
    for method in CREATE_METHODS:
        lesson = create_tensor(method, data, (2, 3), seed=3)
        x = lesson.values["x"]
        assert x.dtype == expected[method].dtype and torch.equal(x, expected[method]), method
        assert f"Shape of tensor: {x.shape}" in lesson.output and "Device tensor is stored on: cpu" in lesson.output
        assert lesson.code.startswith("import torch") and lesson.error is None


def test_lessons_leave_the_global_rng_alone():
    torch.manual_seed(0)
    expected = torch.rand(2)
    torch.manual_seed(0)
    create_tensor("rand", shape=(3, 3), seed=5)
    multiply(3, 2, seed=5)
    assert torch.equal(torch.rand(2), expected)


@pytest.mark.parametrize("index, expected", [
    ("0", lambda t: t[0]), (":, 0", lambda t: t[:, 0]), ("..., -1", lambda t: t[..., -1]),
    ("1:3, ::2", lambda t: t[1:3, ::2]), ("[-1]", lambda t: t[-1]),
])
def test_indexing_matches_torch(index, expected):
    reference = torch.arange(16.0).reshape(4, 4)
    lesson = index_tensor(index)
    assert f"{expected(reference)}".split("\n")[0] in lesson.output
    assert torch.equal(lesson.values["tensor"], reference)


def test_assigning_through_an_index_changes_the_tensor():
    tensor = index_tensor(":, 1", assign=0).values["tensor"]
    reference = torch.arange(16.0).reshape(4, 4)
    reference[:, 1] = 0
    assert torch.equal(tensor, reference)


@pytest.mark.parametrize("operation, dim, shape", [
    ("cat", 0, (4, 3)), ("cat", 1, (2, 6)), ("cat", -1, (2, 6)),
    ("stack", 0, (2, 2, 3)), ("stack", 1, (2, 2, 3)), ("stack", 2, (2, 3, 2)),
])
def test_cat_against_stack(operation, dim, shape):
    t = join_tensors(operation, dim).values["t"]
    assert tuple(t.shape) == shape
    assert torch.equal(t, getattr(torch, operation)([torch.zeros(2, 3), torch.ones(2, 3)], dim=dim))


@pytest.mark.parametrize("operation, dim", [("cat", 2), ("stack", 3), ("stack", -4), ("concat", 0)])
def test_bad_dims_are_playground_errors(operation, dim):
    with pytest.raises(PlaygroundError):
        join_tensors(operation, dim)


def test_matrix_and_element_wise_products():
    lesson = multiply(3, 2, seed=1)
    tensor = lesson.values["tensor"]
    assert torch.equal(lesson.values["y1"], tensor @ tensor.T) and lesson.values["y1"].shape == (3, 3)
    assert torch.equal(lesson.values["z1"], tensor * tensor) and lesson.values["z1"].shape == (3, 2)
    assert lesson.output.count("True") == 2


def test_in_place_add_and_its_autograd_warning():
    lesson = add_in_place(5)
    assert torch.equal(lesson.values["tensor"], lesson.values["before"] + 5)
    assert lesson.values["tensor"][0, 1] == 5 and lesson.values["tensor"][0, 0] == 6  # the seed's printout
    failure = in_place_breaks_autograd()
    assert failure.error and "modified by an inplace operation" in failure.error


@pytest.mark.parametrize("direction", ["tensor_to_numpy", "numpy_to_tensor"])
def test_numpy_bridge_shares_memory_unless_copied(direction):
    shared = numpy_bridge(direction, 1)
    assert np.array_equal(shared.values["n"], shared.values["t"].numpy()) and shared.values["n"][0] == 2
    assert shared.output.strip().endswith("True")
    copied = numpy_bridge(direction, 1, copy=True)
    assert not np.array_equal(copied.values["n"], copied.values["t"].numpy())
    assert copied.output.strip().endswith("False")


@pytest.mark.parametrize("text", ["", "[[1, 2], [3]]", "[[[[1]]]]", "'a'", "[True]", "__import__('os')",
                                  "[" * 200, str(list(range(65))), "1"])
def test_bad_data_is_a_playground_error(text):
    with pytest.raises(PlaygroundError):
        parse_data(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_data_or_a_playground_error(text):
    try:
        assert torch.tensor(parse_data(text)).numel() <= 64
    except PlaygroundError:
        pass
    try:
        parse_index(text)
    except PlaygroundError:
        pass


# What seed 003 prints for its own cells (copied from the handout, its 4-space output indent taken off).
HANDOUT_OUTPUT = {
    "index": """First row : tensor([1., 1., 1., 1.])
First column : tensor([1., 1., 1., 1.])
Last column : tensor([[1., 1., 1., 1.],
        [1., 1., 1., 1.],
        [1., 1., 1., 1.]])
tensor([[0., 0., 0., 0.],
        [1., 1., 1., 1.],
        [1., 1., 1., 1.],
        [1., 1., 1., 1.]])
""",
    "cat": """tensor([[0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0.],
        [1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1.],
        [1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1.],
        [1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1.]])
""",
    "multiply": """tensor([[0., 0., 0., 0.],
        [1., 1., 1., 1.],
        [1., 1., 1., 1.],
        [1., 1., 1., 1.]])
""",
    "item": "12.0 <class 'float'>\n",
    # the seed's f"{tensor} \n" leaves a space at the end of the line
    "add_": """tensor([[0., 0., 0., 0.],
        [1., 1., 1., 1.],
        [1., 1., 1., 1.],
        [1., 1., 1., 1.]])""" + " \n\n" + """tensor([[5., 5., 5., 5.],
        [6., 6., 6., 6.],
        [6., 6., 6., 6.],
        [6., 6., 6., 6.]])
""",
}
HANDOUT_CODE = {  # each cell's lines as the handout writes them (comments aside)
    "index": ["tensor = torch.ones(4, 4)", 'print(f"Last column : {tensor[: -1]}")', "tensor[: 1] = 0"],
    "cat": ["t1 = torch.cat([tensor, tensor, tensor], dim = 1)", "print(t1)"],
    "multiply": ["y1 = tensor @ tensor.T", "y2 = tensor.matmul(tensor.T)", "torch.matmul(tensor, tensor.T, out = y3)",
                 "z1 = tensor * tensor", "z2 = tensor.mul(tensor)", "torch.mul(tensor, tensor, out = z3)"],
    "item": ["agg = tensor.sum()", "agg_item = agg.item()", "print(agg_item, type(agg_item))"],
    "add_": ["tensor.add_(5)", "print(tensor)"],
}


@pytest.mark.parametrize("cell", list(HANDOUT_OUTPUT))
def test_handout_cells_print_what_the_handout_prints(cell):
    lesson = handout_cell(cell)
    assert lesson.output == HANDOUT_OUTPUT[cell] and lesson.error is None
    lines = [line.split("  #")[0] for line in lesson.code.splitlines()]  # the code's own comments aside
    assert all(line in lines for line in HANDOUT_CODE[cell]), cell


def test_handout_cells_work_on_the_handouts_tensor_and_leave_the_global_rng_alone():
    assert set(HANDOUT_CELLS) == set(HANDOUT_OUTPUT)
    assert handout_cell("cat").values["t1"].shape == (4, 12)
    assert handout_cell("multiply").values["y1"].tolist()[0] == [0.0] * 4  # row 0 is zero, so is its product
    item = handout_cell("item").values["agg_item"]
    assert item == 12.0 and type(item) is float
    torch.manual_seed(0)
    expected = torch.rand(2)
    torch.manual_seed(0)
    handout_cell("multiply")  # its rand_like is the seed's own, on the global generator
    assert torch.equal(torch.rand(2), expected)


def test_to_device_uses_the_servers_devices():
    handout = move_to_device()
    target = "cuda" if torch.cuda.is_available() else "cpu"
    assert 'if torch.cuda.is_available():\n    tensor = tensor.to("cuda")' in handout.code
    lines = handout.output.splitlines()
    assert lines[0] == "Device tensor is stored on : cpu" and lines[1].split(" : ")[1].startswith(target)
    for info in available_devices():
        moved = move_to_device(info.name)
        assert f'tensor = tensor.to("{info.name}")' in moved.code
        assert moved.values["tensor"].device.type == info.name
    with pytest.raises(ValueError):
        move_to_device("tpu")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_tensors_page_shows_the_handouts_outputs(lang):
    from i18n import translate
    from tests.test_pages import open_page, open_tab

    app = open_page("pages/tensors.py", lang)
    codes, infos, handouts = [], [], 0
    for tab in ("create", "device", "index", "join", "multiply", "item", "inplace", "numpy"):  # each drawn when open
        open_tab(app, "tensors_tab", f"tensors.tab_{tab}")
        assert not app.exception, tab
        codes += [code.value for code in app.main.code]
        infos += [info.value for info in app.info]
        handouts += sum(markdown.value == f"**{translate('tensors.handout', lang)}**" for markdown in app.markdown)
    for cell, output in HANDOUT_OUTPUT.items():
        assert output.rstrip("\n") in codes or output in codes, cell
    assert translate("tensors.handout_typo", lang) in infos
    assert handouts == 5
    open_tab(app, "tensors_tab", "tensors.tab_device")
    assert [metric.value for metric in app.metric][-2:] == ["cpu", "cpu"] or torch.cuda.is_available()
    app.radio(key="tensors_device").set_value("cpu").run()
    assert 'tensor = tensor.to("cpu")' in "\n".join(code.value for code in app.main.code)
    assert translate("tensors.device_same", lang, device="cpu") in [info.value for info in app.info]
