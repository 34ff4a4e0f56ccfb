"""TensorData: the one shape every data set takes once loaded, whatever its source.

Images are kept as uint8 (one copy per server process, shared read-only by every student) and
become float32 in [0, 1] only batch by batch, as `ToTensor()` would make them.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

TASKS = ("classification", "regression")


@dataclass(frozen=True)
class TensorData:
    """A train/test split in memory. `x` tensors are (N, *input_shape); `y` are class indices
    (int64, classification) or targets (float32 (N, outputs), regression)."""

    name: str
    task: str
    train_x: torch.Tensor
    train_y: torch.Tensor
    test_x: torch.Tensor
    test_y: torch.Tensor
    class_names: tuple[str, ...] = ()  # English names; pages translate through the catalog
    scale: float = 1.0  # multiply after .float(): 1/255 for uint8 images

    @property
    def input_shape(self) -> tuple[int, ...]:
        """Shape of one example, without the batch dimension."""
        return tuple(self.train_x.shape[1:])

    @property
    def num_classes(self) -> int | None:
        """How many classes a classifier must tell apart; None for regression."""
        return len(self.class_names) if self.task == "classification" else None

    def as_float(self, x: torch.Tensor) -> torch.Tensor:
        """A batch as float32 model input (uint8 images scaled to [0, 1] like ToTensor)."""
        return x.float() * self.scale if self.scale != 1.0 else x.float()
