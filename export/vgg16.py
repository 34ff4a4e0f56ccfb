"""Seed 003, section 7's `models.vgg16()`: the same architecture from torch.nn, built on the meta device.

torchvision is not a dependency, and VGG16's 138M parameters would take 528 MB. On the meta device a
tensor has a shape but no storage, so the structure prints exactly as the handout shows it for free.
"""

from __future__ import annotations

import torch
from torch import nn

# torchvision's configuration "D": channels of each 3 x 3 convolution, "M" for a 2 x 2 max pooling.
VGG16_LAYERS = (64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M")


class VGG(nn.Module):
    """torchvision.models.VGG's attributes and order (features, avgpool, classifier), so print(model) matches."""

    def __init__(self, num_classes: int = 1000) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        channels = 3
        for item in VGG16_LAYERS:
            if item == "M":
                layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
            else:
                layers += [nn.Conv2d(channels, item, kernel_size=3, padding=1), nn.ReLU(inplace=True)]
                channels = item
        self.features = nn.Sequential(*layers)
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 4096), nn.ReLU(True), nn.Dropout(p=0.5),
            nn.Linear(4096, 4096), nn.ReLU(True), nn.Dropout(p=0.5),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """features, then avgpool to 7 x 7, flatten, classifier: torchvision's forward."""
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


def vgg16_structure() -> VGG:
    """`models.vgg16()` without torchvision and without memory: every parameter lives on the meta device."""
    with torch.device("meta"):
        return VGG()
