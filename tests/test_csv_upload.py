"""The student's CSV: good files become TensorData, every bad file a clear PlaygroundError, never a crash."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.data import csv_columns, dataset_from_csv
from engine.data.csv_upload import MAX_BYTES, MAX_CELLS, MAX_CLASSES, MAX_COLUMNS, MAX_ROWS
from engine.errors import PlaygroundError
from i18n import translate

GOOD = b"height,weight,kind\n1.0,2,cat\n2.5,3,dog\n3,4,cat\n4,5e1,dog\n5,6,bird\n"


def test_a_good_file_becomes_a_split_tensor_data():
    data = dataset_from_csv(GOOD, "kind", train_ratio=60, seed=0)
    assert data.task == "classification" and data.class_names == ("bird", "cat", "dog")
    assert data.input_shape == (2,) and len(data.train_x) == 3 and len(data.test_x) == 2
    rows = sorted(torch.cat([data.train_x, data.test_x]).tolist())
    assert rows == [[1.0, 2.0], [2.5, 3.0], [3.0, 4.0], [4.0, 50.0], [5.0, 6.0]]
    labels = dict(zip(torch.cat([data.train_x, data.test_x])[:, 0].tolist(),
                      torch.cat([data.train_y, data.test_y]).tolist()))
    assert labels == {1.0: 1, 2.5: 2, 3.0: 1, 4.0: 2, 5.0: 0}


def test_regression_semicolons_bom_and_numeric_class_order():
    data = dataset_from_csv("\ufeffa;b;y\n1;2;0.5\n2;3;1.5\n3;4;2.5\n4;5;3.5\n".encode(), "y", "regression")
    assert data.task == "regression" and data.train_y.shape[1:] == (1,) and data.train_y.dtype == torch.float32
    classes = dataset_from_csv(b"x,y\n1,10\n2,2\n3,10\n4,2\n", "y").class_names
    assert classes == ("2", "10")
    assert csv_columns(GOOD) == ["height", "weight", "kind"]


@pytest.mark.parametrize("data, label, task, key", [
    (b"\xff\xfe\x00binary", "y", "classification", "csv_not_text"),
    (b"a,b\x00,c\n1,2,3\n", "c", "classification", "csv_not_text"),
    (b"", "y", "classification", "csv_empty"),
    (b"x,y\n", "y", "classification", "csv_empty"),
    (b"x,x\n1,2\n", "x", "classification", "csv_bad_header"),
    (b"x,,y\n1,2,3\n", "y", "classification", "csv_bad_header"),
    (b"x,y\n1,a\n2,b\n3\n4,a\n", "y", "classification", "csv_ragged_row"),
    (b"x,y\n1,a\n2,b\n3,a\n4,b\n", "label", "classification", "csv_no_label_column"),
    (b"y\na\nb\na\nb\n", "y", "classification", "csv_no_features"),
    (b"x,y\n1,a\n,b\n3,a\n4,b\n", "y", "classification", "csv_missing_value"),
    (b"x,y\n1,a\nNA,b\n3,a\n4,b\n", "y", "classification", "csv_missing_value"),
    (b"x,y\n1,a\n2,\n3,a\n4,b\n", "y", "classification", "csv_missing_value"),
    (b"x,y\n1,a\ntwo,b\n3,a\n4,b\n", "y", "classification", "csv_not_numeric"),
    (b"x,y\n1,a\n1_000,b\n3,a\n4,b\n", "y", "classification", "csv_not_numeric"),
    (b"x,y\n1,a\n1e39,b\n3,a\n4,b\n", "y", "classification", "csv_out_of_range"),
    (b"x,y\n1,a\ninf,b\n3,a\n4,b\n", "y", "classification", "csv_out_of_range"),
    (b"x,y\n1,a\n2,a\n3,a\n4,a\n", "y", "classification", "csv_one_class"),
    (b"x,y\n1,a\n2,b\n", "y", "classification", "csv_too_few_rows"),
    (b"x,y\n1,a\n2,b\n3,a\n4,b\n", "y", "regression", "csv_not_numeric"),
    (b"x,y\n1,a\n2,b\n3,a\n4,b\n", "y", "clustering", "csv_bad_task"),
    (b'x,y\n1,"a\n', "y", "classification", "csv_too_few_rows"),
    (b'x,y\n1,"' + b"a" * 200_000 + b'"\n', "y", "classification", "csv_malformed"),
])
def test_bad_files_get_the_right_message(data, label, task, key):
    with pytest.raises(PlaygroundError) as error:
        dataset_from_csv(data, label, task)
    assert error.value.key == key
    for lang in ("ko", "en"):  # the message exists and formats in both languages
        assert translate(f"error.{key}", lang, **error.value.params)


def test_limits_on_size_rows_columns_and_classes():
    with pytest.raises(PlaygroundError, match="bytes"):
        dataset_from_csv(b"x" * (MAX_BYTES + 1), "y")
    rows = b"x,y\n" + b"1,a\n2,b\n" * (MAX_ROWS // 2 + 1)
    with pytest.raises(PlaygroundError) as error:
        dataset_from_csv(rows, "y")
    assert error.value.key == "csv_too_many_rows"
    cells = ",".join(f"c{i}" for i in range(50)).encode() + b"\n" + (b"1," * 49 + b"1\n") * (MAX_CELLS // 50 + 1)
    with pytest.raises(PlaygroundError) as error:
        dataset_from_csv(cells, "c0")
    assert error.value.key == "csv_too_many_rows" and error.value.params["limit"] == MAX_CELLS // 50
    wide = ",".join(f"c{i}" for i in range(MAX_COLUMNS + 1)).encode() + b"\n" + b"1," * MAX_COLUMNS + b"1\n"
    with pytest.raises(PlaygroundError) as error:
        dataset_from_csv(wide, "c0")
    assert error.value.key == "csv_too_many_columns"
    many = b"x,y\n" + b"".join(f"{i},{i}\n".encode() for i in range(MAX_CLASSES + 1))
    with pytest.raises(PlaygroundError) as error:
        dataset_from_csv(many, "y")
    assert error.value.key == "csv_too_many_classes"
    assert dataset_from_csv(many, "y", "regression").task == "regression"


def _check(data: bytes, label: str, task: str) -> None:
    try:
        result = dataset_from_csv(data, label, task)
    except PlaygroundError as error:
        translate(f"error.{error.key}", "ko", **error.params)  # every message formats
        return
    assert len(result.train_x) >= 1 and len(result.test_x) >= 1
    assert torch.isfinite(result.train_x).all() and torch.isfinite(result.test_x).all()


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["y", "x", ""]), st.sampled_from(["classification", "regression"]))
def test_any_bytes_give_data_or_a_playground_error(data, label, task):
    _check(data, label, task)


_cell = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(str), st.integers().map(str),
                  st.sampled_from(["", "NA", "a", "b", " 1 ", '"2"', "1,5", "ｘ", "\t"]), st.text(max_size=5))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_cell, min_size=1, max_size=4), min_size=0, max_size=12),
       st.sampled_from([",", ";", "\t"]), st.sampled_from(["classification", "regression"]))
def test_csv_shaped_text_gives_data_or_a_playground_error(rows, separator, task):
    text = "x" + separator + "y\n" + "\n".join(separator.join(row) for row in rows)
    _check(text.encode(), "y", task)
