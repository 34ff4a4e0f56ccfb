"""What the browser components receive and send back, as plain data (no streamlit here).

Model bytes and float32 tensors travel as base64 so every number arrives bit for bit; the browser's
outputs come back the same way and are compared with torch on exactly the inputs the browser used.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

import numpy as np

from export.parity import ParityReport, compare_outputs, torch_outputs
from export.pipeline import ExportResult

BROWSER_REPEATS = 15  # batch-1 runs timed in the browser after a warm-up; the page shows their median


def encode_floats(values) -> str:
    """float32 values (any array-like) as base64 of their little-endian bytes."""
    return base64.b64encode(np.ascontiguousarray(values, dtype="<f4").tobytes()).decode("ascii")


def decode_floats(text: str, dims: Sequence[int] | None = None) -> np.ndarray:
    """The inverse of encode_floats, reshaped to `dims` when given."""
    values = np.frombuffer(base64.b64decode(text), dtype="<f4")
    return values.reshape(tuple(dims)) if dims is not None else values


def encode_model(onnx_bytes: bytes) -> str:
    """The .onnx file as base64 text for a component's JSON data."""
    return base64.b64encode(onnx_bytes).decode("ascii")


def runner_payload(result: ExportResult, ort_base: str, run_id: int, labels: dict) -> dict:
    """Everything the browser runner needs: the model, the parity batches, where onnxruntime-web lives."""
    return {
        "digest": result.digest, "run_id": run_id, "ort_base": ort_base, "repeats": BROWSER_REPEATS,
        "model": encode_model(result.onnx_bytes), "labels": labels,
        "inputs": [{"source": item.source, "dims": list(item.batch.shape), "data": encode_floats(item.batch.numpy())}
                   for item in result.inputs],
    }


def browser_report(result: ExportResult, answer: dict) -> ParityReport:
    """Torch's outputs on the parity batches next to what the browser computed for the same batches."""
    cases = []
    for item, output in zip(result.inputs, answer["outputs"], strict=True):
        got = decode_floats(output["data"], output["dims"])
        cases.append(compare_outputs(item.source, torch_outputs(result.snapshot, item.batch), got))
    return ParityReport(tuple(cases))


def answer_matches(answer: object, digest: str, run_id: int) -> bool:
    """True when `answer` is the browser's reply to this model and this request (not an older one)."""
    return isinstance(answer, dict) and answer.get("digest") == digest and answer.get("run_id") == run_id


def output_kind(last_layer_kind: str) -> str:
    """How to read the model's output as class probabilities: softmax of logits, as is, or exp."""
    return {"Softmax": "probabilities", "LogSoftmax": "log_probabilities"}.get(last_layer_kind, "logits")


def probabilities(outputs: np.ndarray, kind: str) -> np.ndarray:
    """Class probabilities from a model's outputs, the way the browser computes them."""
    outputs = np.asarray(outputs, dtype=np.float64)
    if kind == "probabilities":
        return outputs
    if kind == "log_probabilities":
        return np.exp(outputs)
    shifted = np.exp(outputs - outputs.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)
