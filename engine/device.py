"""Which devices torch can train on here, described for people."""

from __future__ import annotations

import os
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class DeviceInfo:
    """A device a student may choose: its torch name ("cuda", "mps", "cpu") and what it is.

    `label` is the English description; pages say it in the session's language from `name` and `cores`
    (ui/language.py's device_label).
    """

    name: str
    label: str  # "NVIDIA H100", "Apple MPS", "CPU (2 cores)"
    cores: int | None = None  # the CPU's core count; None for a GPU


def available_devices() -> list[DeviceInfo]:
    """Every device torch can use here, best first (CUDA, then Apple MPS, then CPU)."""
    devices = []
    if torch.cuda.is_available():
        devices.append(DeviceInfo("cuda", torch.cuda.get_device_name(0)))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append(DeviceInfo("mps", "Apple MPS"))
    cores = os.cpu_count() or 1  # the machine's cores (torch's thread count is set per training job)
    devices.append(DeviceInfo("cpu", f"CPU ({cores} {'core' if cores == 1 else 'cores'})", cores))
    return devices


def default_device() -> DeviceInfo:
    """The best device available: CUDA when present, else MPS, else CPU."""
    return available_devices()[0]
