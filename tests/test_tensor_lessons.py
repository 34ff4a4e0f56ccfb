"""The Tensors page's lessons run the code they show and give what torch itself gives."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import PlaygroundError
from engine.inside.tensors import (
    CREATE_METHODS,
    add_in_place,
    create_tensor,
    in_place_breaks_autograd,
    index_tensor,
    join_tensors,
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
