"""The data step of a generated script: code that loads a data set exactly as engine.data does.

Each function returns (imports, code). The code leaves float inputs `train_x`, `test_x` and labels
`train_y`, `test_y` behind, equal to what the app's TensorData gives the trainer batch by batch
(`as_float`: uint8 images times 1/255 or 1/16). TF Playground's generators are copied from
engine.data.playground2d with `inspect.getsource`, so the script runs the very code the app runs.
"""

from __future__ import annotations

import inspect
import json
from dataclasses import dataclass
from functools import partial

from engine.codegen.script_comments import comment
from engine.data import playground2d
from engine.data.registry import DATASETS, dataset_options
from engine.data.temperature import T_C, T_U
from engine.errors import PlaygroundError


@dataclass(frozen=True)
class CsvSource:
    """An uploaded CSV as the Data page read it: its file name, label column, task, split and seed."""

    file_name: str
    label_column: str
    task: str = "classification"
    train_ratio: int = 80
    seed: int = 0


def data_code(name: str, options: dict, lang: str, csv: CsvSource | None = None) -> tuple[set[str], str]:
    """The imports and code that load data set `name` with `options` (registry names, or "csv")."""
    if name == "csv":
        if csv is None:
            raise PlaygroundError("script_no_csv")
        return _csv(csv, lang)
    known = {key: value for key, value in options.items() if key != "data_dir"}  # a folder is the script's own
    checked = dataset_options(name, **known)
    if name == "fashion_mnist":
        return _fashion(lang)
    if name == "digits":
        return _digits(checked, lang)
    if name == "temperature":
        return _temperature(checked, lang)
    if DATASETS[name].kind == "2d":
        return _two_d(name, checked, lang)
    raise PlaygroundError("data_unknown", name=name, known=", ".join(DATASETS))  # a new kind needs its code here


def _fashion(lang: str) -> tuple[set[str], str]:
    c = partial(comment, lang)
    code = f'''DATA_DIR = os.environ.get("FASHION_MNIST_DIR", "data")  # {c("data_dir")}


def read_idx_gz(path):
    """{c("read_idx")}"""
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(f">{{dims}}I", data[4 : 4 + 4 * dims])
    return torch.frombuffer(bytearray(data[4 + 4 * dims :]), dtype=torch.uint8).reshape(shape)


def load_fashion_mnist(train):
    """{c("load_fashion")}"""
    part = "train" if train else "t10k"
    images = os.path.join(DATA_DIR, f"{{part}}-images-idx3-ubyte.gz")
    labels = os.path.join(DATA_DIR, f"{{part}}-labels-idx1-ubyte.gz")
    if os.path.exists(images) and os.path.exists(labels):
        return read_idx_gz(images), read_idx_gz(labels).long()
    from torchvision import datasets

    data = datasets.FashionMNIST(root=DATA_DIR, train=train, download=True)
    return data.data, data.targets


train_images, train_y = load_fashion_mnist(train=True)
test_images, test_y = load_fashion_mnist(train=False)
train_x = train_images.unsqueeze(1).float() * (1 / 255)  # {c("scale")}
test_x = test_images.unsqueeze(1).float() * (1 / 255)
'''
    return {"import gzip", "import os", "import struct"}, code


def _digits(options: dict, lang: str) -> tuple[set[str], str]:
    c = partial(comment, lang)
    code = f'''train_ratio = {options["train_ratio"]}  # {c("train_ratio")}
data_seed = {options["seed"]}  # {c("data_seed")}
digits = load_digits()  # {c("digits")}
images = torch.tensor(digits.images, dtype=torch.uint8).unsqueeze(1).float() * (1 / 16)
labels = torch.tensor(digits.target, dtype=torch.int64)
order = torch.randperm(len(images), generator=torch.Generator().manual_seed(data_seed))  # {c("split")}
split = len(order) * train_ratio // 100
train_x, train_y = images[order[:split]], labels[order[:split]]
test_x, test_y = images[order[split:]], labels[order[split:]]
'''
    return {"from sklearn.datasets import load_digits"}, code


def _temperature(options: dict, lang: str) -> tuple[set[str], str]:
    c = partial(comment, lang)
    code = f'''data_seed = {options["seed"]}  # {c("data_seed")}
# {c("temperature")}
t_c = torch.tensor({list(T_C)}).unsqueeze(1)
t_u = torch.tensor({list(T_U)}).unsqueeze(1)
# {c("temperature_split")}
n_samples = t_u.shape[0]
n_val = int(0.2 * n_samples)
shuffled_indices = torch.randperm(n_samples, generator=torch.Generator().manual_seed(data_seed))
train_indices = shuffled_indices[:-n_val]
val_indices = shuffled_indices[-n_val:]
train_x, train_y = 0.1 * t_u[train_indices], t_c[train_indices]
test_x, test_y = 0.1 * t_u[val_indices], t_c[val_indices]
'''
    return set(), code


def _two_d(name: str, options: dict, lang: str) -> tuple[set[str], str]:
    c = partial(comment, lang)
    generator = playground2d.GENERATORS[name]
    source = inspect.getsource(generator)
    helpers = ""
    if "_uniform(" in source:
        helpers += inspect.getsource(playground2d._uniform) + "\n\n"
    if "_GAUSSIANS" in source:
        helpers += f"_GAUSSIANS = {playground2d._GAUSSIANS!r}\n\n\n"
    regression = name in playground2d.REGRESSION
    samples = playground2d.REGRESS_SAMPLES if regression else playground2d.CLASSIFY_SAMPLES
    if regression:
        labels = "y = torch.from_numpy(labels.astype(np.float32)).unsqueeze(1)  # (N, 1)"
    else:
        labels = f"y = torch.from_numpy((labels > 0).astype(np.int64))  # {c('two_d_labels')}"
    code = f'''noise = {options["noise"]}  # {c("noise")}
train_ratio = {options["train_ratio"]}  # {c("train_ratio")}
data_seed = {options["seed"]}  # {c("data_seed")}


# {comment(lang, "two_d", name=name)}
{helpers}{source}

rng = np.random.default_rng(data_seed)
points, labels = {name}(rng, {samples}, noise / 100)
order = rng.permutation(len(points))  # {c("two_d_shuffle")}
points, labels = points[order], labels[order]
split = len(points) * train_ratio // 100
x = torch.from_numpy(points.astype(np.float32))
{labels}
train_x, train_y = x[:split], y[:split]
test_x, test_y = x[split:], y[split:]
'''
    return {"import numpy as np"}, code


def _csv(csv: CsvSource, lang: str) -> tuple[set[str], str]:
    c = partial(comment, lang)
    if csv.task == "regression":
        labels = ("y = torch.tensor([[float(row[label_at])] for row in rows[1:]], dtype=torch.float32)")
    else:
        labels = f'''labels = [row[label_at].strip() for row in rows[1:]]
try:  # {c("csv_classes")}
    class_names = sorted(set(labels), key=float)
except ValueError:
    class_names = sorted(set(labels))
y = torch.tensor([class_names.index(label) for label in labels], dtype=torch.int64)'''
    code = f'''CSV_FILE = {json.dumps(csv.file_name, ensure_ascii=False)}  # {c("csv_file")}
LABEL_COLUMN = {json.dumps(csv.label_column, ensure_ascii=False)}
train_ratio = {csv.train_ratio}  # {c("train_ratio")}
data_seed = {csv.seed}  # {c("data_seed")}
with open(CSV_FILE, encoding="utf-8-sig") as f:
    text = f.read()
delimiter = max(",;\\t", key=text.split("\\n", 1)[0].count)  # {c("csv_delimiter")}
rows = [row for row in csv.reader(text.splitlines(), delimiter=delimiter) if any(cell.strip() for cell in row)]
header = [name.strip() for name in rows[0]]
label_at = header.index(LABEL_COLUMN)
features = [i for i in range(len(header)) if i != label_at]
x = torch.tensor([[float(row[i]) for i in features] for row in rows[1:]], dtype=torch.float32)
{labels}
order = torch.randperm(len(x), generator=torch.Generator().manual_seed(data_seed))  # {c("split")}
split = min(max(len(x) * train_ratio // 100, 1), len(x) - 1)
train_x, train_y = x[order[:split]], y[order[:split]]
test_x, test_y = x[order[split:]], y[order[split:]]
'''
    return {"import csv"}, code
