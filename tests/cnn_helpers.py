"""CNNs for the export checks (tests/test_export.py) and their figures (bench/export_parity.py)."""

import torch
from torch import nn

from engine import LayerSpec, ModelSpec, build_model


def untuned_cnn() -> ModelSpec:
    """A CNN nobody tuned: kernel 5 with padding 2 and stride 2, pooling 3 with stride 2, an AvgPool with
    padding, a conv without bias, BatchNorm2d and BatchNorm1d, Dropout, on a 3-channel odd-sized input."""
    L = LayerSpec.of
    return ModelSpec((3, 29, 27), (
        L("Conv2d", in_channels=3, out_channels=8, kernel_size=5, stride=2, padding=2),  # (8, 15, 14)
        L("BatchNorm2d", num_features=8), L("ReLU"),
        L("MaxPool2d", kernel_size=3, stride=2),  # (8, 7, 6)
        L("Conv2d", in_channels=8, out_channels=12, kernel_size=3, padding=1, bias=False),
        L("AvgPool2d", kernel_size=2, stride=1, padding=1),  # (12, 8, 7)
        L("BatchNorm2d", num_features=12, momentum=0.5), L("Tanh"),
        L("Flatten"), L("BatchNorm1d", num_features=12 * 8 * 7), L("Dropout", p=0.3),
        L("Linear", in_features=12 * 8 * 7, out_features=10),
    ))


def trained(spec: ModelSpec, steps: int = 15, seed: int = 0) -> nn.Module:
    """A model after a few Adam steps in train mode: weights off their start, BatchNorm's running
    statistics moved away from 0 and 1, so eval mode really uses them."""
    model = build_model(spec, seed=seed)
    generator = torch.Generator().manual_seed(seed)
    x = 2 * torch.rand(32, *spec.input_shape, generator=generator)
    y = torch.randint(0, 10, (32,), generator=generator)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(steps):
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    return model

