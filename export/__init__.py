"""ONNX export, onnx checker, onnxruntime parity, saved models, and the browser runtime bridge.

Nothing here imports streamlit except `export.browser_component`, and that only when its component
is first asked for.
"""

from export.checkpoint import LoadedModel, load_checkpoint, save_checkpoint, state_dict_bytes
from export.graph import GraphInfo, describe_onnx
from export.onnx_export import DEFAULT_OPSET, SUPPORTED_OPSETS, to_onnx
from export.parity import THRESHOLD, ParityInput, ParityReport, check_parity, parity_inputs
from export.pipeline import ExportResult, export_and_check

__all__ = [
    "DEFAULT_OPSET", "SUPPORTED_OPSETS", "THRESHOLD", "ExportResult", "GraphInfo", "LoadedModel", "ParityInput",
    "ParityReport", "check_parity", "describe_onnx", "export_and_check", "load_checkpoint", "parity_inputs",
    "save_checkpoint", "state_dict_bytes", "to_onnx",
]
