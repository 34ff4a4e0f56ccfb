"""Small real data files that scikit-learn ships inside its package, read without importing it.

Importing scikit-learn pulls in SciPy (tens of MB per server process); finding its folder does not.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

IRIS_COLUMNS = ("sepal_length", "sepal_width", "petal_length", "petal_width", "species")


def sklearn_data_file(name: str) -> Path:
    """The path of `sklearn/datasets/data/<name>` (e.g. "digits.csv.gz"), found without importing scikit-learn."""
    spec = importlib.util.find_spec("sklearn")
    return Path(spec.origin).parent / "datasets" / "data" / name


def iris_csv() -> bytes:
    """Fisher's iris (150 flowers, 4 measurements in cm, 3 species) as a plain CSV with a header row:
    the example a student can try the upload with."""
    with open(sklearn_data_file("iris.csv"), newline="") as handle:
        rows = list(csv.reader(handle))
    species = rows[0][2:]  # scikit-learn's first row: count, features, then the class names
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(IRIS_COLUMNS)
    writer.writerows(row[:4] + [species[int(row[4])]] for row in rows[1:])
    return out.getvalue().encode()
