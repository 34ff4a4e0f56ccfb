"""Tutorial 003's `CustomImageDataset`, run on real files (cells 003-20 to 003-24).

A few training images are written as PNG files beside a `labels.csv` (`tshirt1.png,0`, as the handout's
`tshirt1.jpg, 0`) in a fresh temporary folder, the tutorial's class reads them back, and the folder is
removed. The class is the handout's code with its two typos fixed (`name=` -> `names=`, `lable` -> `label`);
`read_image` is torchvision.io's, rewritten with Pillow because the app does without torchvision.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset

from engine.data.base import TensorData
from engine.errors import PlaygroundError

PER_CLASS = 2  # images written per class: tshirt1.png, tshirt2.png, trouser1.png, ...
HEAD_LINES = 5  # lines of labels.csv shown on the page


def read_image(path: str) -> torch.Tensor:
    """torchvision.io.read_image for a grayscale PNG: a uint8 tensor (1, H, W)."""
    with Image.open(path) as image:
        pixels = np.array(image.convert("L"))
    return torch.from_numpy(pixels).unsqueeze(0)


class CustomImageDataset(Dataset):
    """The handout's class (tutorial 003), its two typos fixed."""

    def __init__(self, annotations_file, img_dir, transform=None, target_transform=None):
        self.img_labels = pd.read_csv(annotations_file, names=['file_name', 'label'])
        self.img_dir = img_dir
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.img_labels)

    def __getitem__(self, idx):
        img_path = os.path.join(self.img_dir, self.img_labels.iloc[idx, 0])
        image = read_image(img_path)
        label = self.img_labels.iloc[idx, 1]
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


@dataclass(frozen=True)
class FolderRun:
    """What the tutorial's class gave back from the files: `len(ds)`, `ds[0]`, and labels.csv itself."""

    length: int
    image: torch.Tensor  # ds[0][0], uint8 (1, H, W)
    label: int  # ds[0][1]
    labels_csv: str  # the whole annotations file, for download
    folder: str  # where the files were (removed by now)

    @property
    def head(self) -> str:
        """The first lines of labels.csv, as the handout shows them."""
        return "\n".join(self.labels_csv.splitlines()[:HEAD_LINES])


def file_stem(class_name: str) -> str:
    """"T-Shirt" -> "tshirt", "Ankle Boot" -> "ankleboot" (the handout's names); a digit "3" -> "digit3"."""
    stem = re.sub(r"[^a-z0-9]", "", class_name.lower())
    return f"digit{stem}" if stem.isdigit() or not stem else stem


def write_image_folder(data: TensorData, folder: str, per_class: int = PER_CLASS) -> str:
    """Write the first `per_class` training images of each class as PNG into `folder`, then labels.csv
    (`file_name,label` per line, no header, as the handout's); return the path of labels.csv."""
    if data.task != "classification" or data.train_x[0].squeeze().dim() != 2:
        raise PlaygroundError("image_folder_not_images", name=data.name)
    lines = []
    for label, name in enumerate(data.class_names):
        picks = torch.nonzero(data.train_y == label).flatten()[:per_class]
        for number, index in enumerate(picks.tolist(), start=1):
            pixels = (data.as_float(data.train_x[index]).squeeze() * 255).round().clamp(0, 255).to(torch.uint8)
            file_name = f"{file_stem(name)}{number}.png"
            Image.fromarray(pixels.numpy(), mode="L").save(os.path.join(folder, file_name))
            lines.append(f"{file_name},{label}")
    annotations = os.path.join(folder, "labels.csv")
    with open(annotations, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return annotations


def run_custom_dataset(data: TensorData, per_class: int = PER_CLASS) -> FolderRun:
    """Write the files into a new private temporary folder (mkdtemp: mode 0700, a fresh name per call),
    run `CustomImageDataset` on them, and remove the folder whatever happens."""
    folder = tempfile.mkdtemp(prefix="torch_playground_images_")
    try:
        annotations = write_image_folder(data, folder, per_class)
        ds = CustomImageDataset(annotations, folder)
        image, label = ds[0]
        with open(annotations, encoding="utf-8") as handle:
            text = handle.read()
        return FolderRun(len(ds), image, int(label), text, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
