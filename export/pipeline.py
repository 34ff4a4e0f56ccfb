"""Export a model, describe the file and check it against torch in one call, timed (what the page runs)."""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass

import torch
from torch import nn

from export.graph import GraphInfo, describe_onnx
from export.onnx_export import DEFAULT_OPSET, to_onnx
from export.parity import ParityInput, ParityReport, check_parity, parity_inputs
from export.runtime import model_digest

EXAMPLE_BATCH = 2  # an example batch of 1 could be specialised to 1; the batch stays dynamic anyway


@dataclass(frozen=True)
class ExportResult:
    """The .onnx bytes, their identity, what is inside, the parity report and how long each step took."""

    onnx_bytes: bytes
    digest: str
    opset: int
    graph: GraphInfo
    report: ParityReport
    inputs: tuple[ParityInput, ...]
    snapshot: nn.Module  # the exact weights that were exported (the student's model may train on)
    export_seconds: float
    parity_seconds: float


def export_and_check(model: nn.Module, input_shape: tuple[int, ...], opset: int = DEFAULT_OPSET,
                     seed: int = 0) -> ExportResult:
    """to_onnx (with checker) on a frozen copy, then parity on random and real batches of sizes 1 and 8."""
    snapshot = copy.deepcopy(model).eval()
    generator = torch.Generator().manual_seed(seed)
    example = torch.rand(EXAMPLE_BATCH, *input_shape, generator=generator)
    started = time.perf_counter()
    onnx_bytes = to_onnx(snapshot, example, opset=opset)
    exported = time.perf_counter()
    inputs = tuple(parity_inputs(input_shape, seed=seed))
    report = check_parity(snapshot, onnx_bytes, inputs)
    finished = time.perf_counter()
    return ExportResult(onnx_bytes, model_digest(onnx_bytes), opset, describe_onnx(onnx_bytes), report, inputs,
                        snapshot, exported - started, finished - exported)
