"""The student's own data: a CSV file with a header row, feature columns and one label column.

Every way a file can be wrong ends in a PlaygroundError that says where (row, column) and what to
fix; nothing else escapes. Features must be numbers; the label is a class name (classification)
or a number (regression). The rows are shuffled with a seeded torch.Generator and split.
"""

from __future__ import annotations

import csv
import math

import numpy as np
import torch

from engine.data.base import TASKS, TensorData
from engine.errors import PlaygroundError

MAX_BYTES = 2_000_000
MAX_ROWS = 20_000
MAX_COLUMNS = 256  # wide enough for seed 002's 128-feature network (dense_128); MAX_CELLS bounds the rest
MAX_CELLS = 500_000  # bounds the parsing memory of one upload (tens of MB at most) on a shared server
MIN_ROWS = 4
MAX_CLASSES = 50
_MISSING = {"", "na", "n/a", "nan", "null", "none", "?"}
_FLOAT32_MAX = float(np.finfo(np.float32).max)


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise PlaygroundError("csv_too_large", size=len(data), limit=MAX_BYTES)
    try:
        text = data.decode("utf-8-sig")  # a BOM from Excel is fine
    except UnicodeDecodeError as error:
        raise PlaygroundError("csv_not_text") from error
    if "\x00" in text:  # binary files often decode as UTF-8 by luck, but never hold NUL
        raise PlaygroundError("csv_not_text")
    return text


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return max(",;\t", key=header.count)  # comma unless the header clearly uses ; or tabs


def read_table(data: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a CSV file, checked for size and shape (not yet for types)."""
    text = _text(data)
    try:
        rows = [row for row in csv.reader(text.splitlines(), delimiter=_delimiter(text)) if any(c.strip() for c in row)]
    except csv.Error as error:
        raise PlaygroundError("csv_malformed", reason=str(error)) from error
    if len(rows) < 2:
        raise PlaygroundError("csv_empty")
    header = [name.strip() for name in rows[0]]
    if len(header) > MAX_COLUMNS:
        raise PlaygroundError("csv_too_many_columns", count=len(header), limit=MAX_COLUMNS)
    seen = set()
    for index, name in enumerate(header, start=1):
        if not name or name in seen:
            raise PlaygroundError("csv_bad_header", column=index, name=name)
        seen.add(name)
    body = rows[1:]
    row_limit = min(MAX_ROWS, MAX_CELLS // len(header))
    if len(body) > row_limit:
        raise PlaygroundError("csv_too_many_rows", limit=row_limit)
    for number, row in enumerate(body, start=2):  # row numbers as a spreadsheet shows them
        if len(row) != len(header):
            raise PlaygroundError("csv_ragged_row", row=number, count=len(row), expected=len(header))
    return header, body


def csv_columns(data: bytes) -> list[str]:
    """The column names of a CSV file, for the page's label-column choice (PlaygroundError if unreadable)."""
    return read_table(data)[0]


def _number(cell: str, row: int, column: str) -> float:
    value = cell.strip()
    if value.lower() in _MISSING:
        raise PlaygroundError("csv_missing_value", row=row, column=column)
    try:
        if "_" in value:  # Python reads 1_000 as a number; a spreadsheet never means that
            raise ValueError(value)
        number = float(value)
    except ValueError as error:
        raise PlaygroundError("csv_not_numeric", row=row, column=column, value=value[:40]) from error
    if not math.isfinite(number) or abs(number) > _FLOAT32_MAX:
        raise PlaygroundError("csv_out_of_range", row=row, column=column, value=value[:40])
    return number


def _class_order(names: set[str]) -> list[str]:
    # "2" before "10" when every class name is a number; alphabetical otherwise
    try:
        return sorted(names, key=float)
    except ValueError:
        return sorted(names)


def dataset_from_csv(data: bytes, label_column: str, task: str = "classification",
                     train_ratio: int = 80, seed: int = 0) -> TensorData:
    """A TensorData from an uploaded CSV (raises PlaygroundError with a translatable reason)."""
    if task not in TASKS:
        raise PlaygroundError("csv_bad_task", task=str(task)[:40])
    header, body = read_table(data)
    if label_column not in header:
        raise PlaygroundError("csv_no_label_column", column=str(label_column)[:40], known=", ".join(header))
    if len(body) < MIN_ROWS:
        raise PlaygroundError("csv_too_few_rows", count=len(body), limit=MIN_ROWS)
    label_at = header.index(label_column)
    features = [i for i in range(len(header)) if i != label_at]
    if not features:
        raise PlaygroundError("csv_no_features", column=label_column)
    x = torch.tensor([[_number(row[i], n, header[i]) for i in features] for n, row in enumerate(body, start=2)],
                     dtype=torch.float32)
    if task == "regression":
        y = torch.tensor([[_number(row[label_at], n, label_column)] for n, row in enumerate(body, start=2)],
                         dtype=torch.float32)
        class_names = ()
    else:
        labels = []
        for number, row in enumerate(body, start=2):
            if row[label_at].strip().lower() in _MISSING:
                raise PlaygroundError("csv_missing_value", row=number, column=label_column)
            labels.append(row[label_at].strip())
        class_names = tuple(_class_order(set(labels)))
        if len(class_names) < 2:
            raise PlaygroundError("csv_one_class", column=label_column, value=class_names[0][:40])
        if len(class_names) > MAX_CLASSES:
            raise PlaygroundError("csv_too_many_classes", column=label_column, count=len(class_names),
                                  limit=MAX_CLASSES)
        index = {name: i for i, name in enumerate(class_names)}
        y = torch.tensor([index[label] for label in labels], dtype=torch.int64)
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    split = min(max(len(x) * train_ratio // 100, 1), len(x) - 1)  # at least one row on each side
    train, test = order[:split], order[split:]
    return TensorData("csv", task, x[train], y[train], x[test], y[test], class_names=class_names)
