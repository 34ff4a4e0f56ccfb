"""Seed 001's temperature data: 11 readings in Celsius (t_c) and an unknown unit (t_u).

As the seed does: (11, 1) tensors, a random 20 % (2 samples) held out for validation with
`torch.randperm`, and the input scaled by 0.1 (`t_un = 0.1 * t_u`). The seed's randperm used the
global RNG; here a torch.Generator seeded by `seed` makes the split reproducible.
"""

from __future__ import annotations

import torch

from engine.data.base import TensorData

T_C = (0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0)
T_U = (35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4)
INPUT_SCALE = 0.1


def split_indices(n_samples: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The seed's split: `n_val = int(0.2 * n)`, a randperm, the last n_val for validation."""
    n_val = int(0.2 * n_samples)
    shuffled_indices = torch.randperm(n_samples, generator=torch.Generator().manual_seed(seed))
    return shuffled_indices[:-n_val], shuffled_indices[-n_val:]


def readings() -> tuple[torch.Tensor, torch.Tensor]:
    """The seed's `t_c` and `t_u`: the 11 readings as (11, 1) float32 tensors (`torch.tensor(t_c).unsqueeze(1)`)."""
    return torch.tensor(T_C).unsqueeze(1), torch.tensor(T_U).unsqueeze(1)


def load_temperature(seed: int = 0) -> TensorData:
    """Train/validation split of the 11 pairs; x = 0.1 * t_u, y = t_c, both (N, 1) float32."""
    t_c, t_u = readings()
    train_indices, val_indices = split_indices(t_u.shape[0], seed)
    return TensorData("temperature", "regression",
                      INPUT_SCALE * t_u[train_indices], t_c[train_indices],
                      INPUT_SCALE * t_u[val_indices], t_c[val_indices])
