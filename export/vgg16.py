"""Seed 003, section 7's `models.vgg16()`: the same architecture from torch.nn, built on the meta device.

torchvision is not a dependency, and VGG16's 138M parameters would take 528 MB. On the meta device a
tensor has a shape but no storage, so the structure prints exactly as the handout shows it for free.

`models.vgg16(pretrained=True)` then `torch.save(model.state_dict(), 'model_weights.pth')` (cell 003-54)
runs when torchvision's weight file is in torch's hub cache, where torchvision itself keeps it; the app
downloads it (528 MB) only when the teacher sets TORCH_PLAYGROUND_VGG16_DOWNLOAD=1.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from engine.data.download import download_file
from engine.errors import PlaygroundError

WEIGHTS_FILE = "vgg16-397923af.pth"  # torchvision's VGG16_Weights.IMAGENET1K_V1, named by its SHA-256 prefix
WEIGHTS_URL = "https://download.pytorch.org/models/" + WEIGHTS_FILE
WEIGHTS_SHA256_PREFIX = "397923af"
DOWNLOAD_ENV = "TORCH_PLAYGROUND_VGG16_DOWNLOAD"
_LOADING = threading.Lock()  # 528 MB each: one load at a time per server process

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


def weights_path() -> Path:
    """Where torchvision keeps the pretrained weights: `torch.hub.get_dir()`/checkpoints/vgg16-397923af.pth."""
    return Path(torch.hub.get_dir()) / "checkpoints" / WEIGHTS_FILE


def downloads_allowed() -> bool:
    """True when the teacher has turned the 528 MB download on (TORCH_PLAYGROUND_VGG16_DOWNLOAD=1)."""
    return os.environ.get(DOWNLOAD_ENV, "").strip() == "1"


@dataclass(frozen=True)
class PretrainedRun:
    """What cell 003-54 did: where the weights came from, load_state_dict's answer, and the file it saved."""

    path: str
    downloaded: bool
    load_result: str  # "<All keys matched successfully>"
    parameters: int
    saved_bytes: int  # size of torch.save(model.state_dict(), 'model_weights.pth')
    seconds: float


def pretrained_vgg16(progress: Callable[[int, int | None], None] | None = None, url: str = WEIGHTS_URL,
                     sha256_prefix: str = WEIGHTS_SHA256_PREFIX) -> PretrainedRun:
    """`model = models.vgg16(pretrained=True)`; `torch.save(model.state_dict(), 'model_weights.pth')`.

    The weights come from the hub cache, or are downloaded there when downloads are allowed (`progress`
    gets the bytes so far and the total); otherwise a PlaygroundError says why not. The saved file goes to
    a private temporary folder, is measured, and is removed; the model is dropped afterwards.
    """
    path = weights_path()
    if not _LOADING.acquire(blocking=False):
        raise PlaygroundError("vgg_busy")
    try:
        started, downloaded = time.perf_counter(), False
        if not path.exists():
            if not downloads_allowed():
                raise PlaygroundError("vgg_not_cached", path=str(path), env=DOWNLOAD_ENV)
            download_file(url, path, None, progress=progress, sha256_prefix=sha256_prefix)
            downloaded = True
        model = vgg16_structure()
        try:
            state_dict = torch.load(path, map_location="cpu", weights_only=True)
            # assign: the loaded tensors become the parameters, no second 528 MB copy
            result = model.load_state_dict(state_dict, assign=True)
        except (RuntimeError, OSError, ValueError, KeyError, AttributeError) as error:
            reason = " ".join(str(error).split())  # torch's message spans lines and lists every key
            raise PlaygroundError("vgg_bad_file", path=str(path),
                                  reason=reason if len(reason) <= 200 else reason[:200] + "...") from error
        with tempfile.TemporaryDirectory(prefix="torch_playground_vgg16_") as folder:
            saved = os.path.join(folder, "model_weights.pth")
            torch.save(model.state_dict(), saved)
            size = os.path.getsize(saved)
        count = sum(p.numel() for p in model.parameters())
        return PretrainedRun(str(path), downloaded, str(result), count, size, time.perf_counter() - started)
    finally:
        _LOADING.release()
