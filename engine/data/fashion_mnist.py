"""FashionMNIST from the four official IDX files: found locally, or downloaded once and checked.

Where the files come from, in order: the folder named by FASHION_MNIST_DIR; else the user cache
folder, downloading the missing files there from the official mirror (the one torchvision uses).
The images stay uint8, (N, 1, 28, 28), one copy per process; `TensorData.scale` turns a batch into
floats in [0, 1] exactly as `ToTensor()` would.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import torch

from engine.data.base import TensorData
from engine.data.download import Progress, download_file
from engine.data.idx import read_idx_gz
from engine.errors import PlaygroundError

ENV_DIR = "FASHION_MNIST_DIR"
BASE_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
# file -> md5 of the published .gz (Zalando Research, MIT licence)
FILES = {
    "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
    "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
    "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
    "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
}
_DOWNLOAD_LOCK = threading.Lock()
# The seeds' labels_map, in label order (Korean names live in i18n/data.py)
CLASS_NAMES = ("T-Shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle Boot")


def cache_dir() -> Path:
    """The per-user folder downloads go to (XDG_CACHE_HOME, else ~/.cache)."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "torch-playground" / "fashion-mnist"


def configured_dir() -> Path | None:
    """The folder FASHION_MNIST_DIR names, or None when it is not set."""
    value = os.environ.get(ENV_DIR, "").strip()
    return Path(value).expanduser() if value else None


def missing_files(folder: Path) -> list[str]:
    """Which of the four official files are not (yet) in `folder`."""
    return [name for name in FILES if not (folder / name).is_file()]


def local_dir() -> Path | None:
    """A folder that already holds all four files, without any download; None if there is none."""
    for folder in (configured_dir(), cache_dir()):
        if folder is not None and not missing_files(folder):
            return folder
    return None


def ensure_files(base_url: str = BASE_URL, timeout: float = 30.0, progress: Progress | None = None,
                 folder: Path | None = None) -> Path:
    """A folder with all four files, downloading the missing ones into the cache if needed.

    `progress(file_index, file_name, bytes_so_far, total)` reports each download. Offline and with no
    local copy this raises PlaygroundError("fashion_unavailable") saying what to do.
    """
    if folder is None:
        found = local_dir()
        if found is not None:
            return found
        if configured_dir() is not None:  # the teacher pointed somewhere: do not download behind their back
            raise PlaygroundError("fashion_dir_incomplete", folder=str(configured_dir()),
                                  missing=", ".join(missing_files(configured_dir())), env=ENV_DIR)
        folder = cache_dir()
    with _DOWNLOAD_LOCK:  # two students clicking at once: one download, the other waits and finds the files
        _download_missing(folder, base_url, timeout, progress)
    return folder


def _download_missing(folder: Path, base_url: str, timeout: float, progress: Progress | None) -> None:
    for index, name in enumerate(missing_files(folder)):
        def report(done: int, total: int | None, index=index, name=name) -> None:
            if progress:
                progress(index, name, done, total)
        try:
            download_file(base_url.rstrip("/") + "/" + name, folder / name, FILES[name], timeout, report)
        except PlaygroundError as error:
            raise PlaygroundError("fashion_unavailable", env=ENV_DIR, folder=str(folder),
                                  reason=str(error)) from error


@lru_cache(maxsize=2)
def _read_folder(folder: str) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    # Held once per process per folder: every student's TensorData shares these tensors.
    path = Path(folder)
    train_x = read_idx_gz(path / "train-images-idx3-ubyte.gz")
    train_y = read_idx_gz(path / "train-labels-idx1-ubyte.gz")
    test_x = read_idx_gz(path / "t10k-images-idx3-ubyte.gz")
    test_y = read_idx_gz(path / "t10k-labels-idx1-ubyte.gz")
    for images, labels, part in ((train_x, train_y, "train"), (test_x, test_y, "t10k")):
        if images.dim() != 3 or labels.dim() != 1 or len(images) != len(labels) or tuple(images.shape[1:]) != (28, 28):
            raise PlaygroundError("idx_malformed", file=f"{folder}/{part}-*",
                                  reason=f"images {list(images.shape)} and labels {list(labels.shape)} do not match")
        if labels.numel() and int(labels.max()) >= len(CLASS_NAMES):
            raise PlaygroundError("idx_malformed", file=f"{folder}/{part}-labels", reason="label above 9")
    return (train_x.unsqueeze(1), train_y.long(), test_x.unsqueeze(1), test_y.long())


def load_fashion_mnist(folder: Path | None = None) -> TensorData:
    """The 60,000 + 10,000 images as a TensorData (uint8, scale 1/255), downloading first if needed."""
    folder = ensure_files() if folder is None else Path(folder)
    train_x, train_y, test_x, test_y = _read_folder(str(folder.resolve()))
    return TensorData("fashion_mnist", "classification", train_x, train_y, test_x, test_y,
                      class_names=CLASS_NAMES, scale=1 / 255)


def load_local_fashion_mnist() -> TensorData | None:
    """FashionMNIST when a local copy is already here (never downloads); None otherwise or if unreadable."""
    folder = local_dir()
    if folder is None:
        return None
    try:
        return load_fashion_mnist(folder)
    except PlaygroundError:
        return None
