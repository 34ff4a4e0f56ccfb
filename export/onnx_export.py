"""torch -> ONNX with the current (dynamo) exporter: one self-contained file, a dynamic batch, checked.

The student's module is copied before export (a training job may be changing it) and exported in eval
mode, so Dropout is off exactly as it is when the model predicts.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import threading
import warnings

import onnx
import torch
from torch import nn

from engine.errors import PlaygroundError

SUPPORTED_OPSETS = (18, 19, 20, 21, 22, 23)  # each passes checker and parity for every layer (tests)
DEFAULT_OPSET = 18  # the exporter's native opset: no version conversion step
INPUT_NAME = "input"
OUTPUT_NAME = "output"

# The dynamo exporter keeps process-wide state (tracing contexts, registries): one export at a time.
_EXPORT_LOCK = threading.Lock()


def to_onnx(model: nn.Module, example_input: torch.Tensor, opset: int = DEFAULT_OPSET) -> bytes:
    """The model as ONNX bytes: weights inside, batch dimension dynamic, inputs/outputs named.

    `example_input` is a batch (its first dimension is the batch). Raises PlaygroundError naming the
    layer when the model cannot be exported, or when `opset` is not one of SUPPORTED_OPSETS.
    """
    if opset not in SUPPORTED_OPSETS:
        raise PlaygroundError("export_bad_opset", opset=opset, supported=", ".join(map(str, SUPPORTED_OPSETS)))
    frozen = copy.deepcopy(model).eval()
    try:
        data = _export(frozen, example_input, opset)
        onnx.checker.check_model(onnx.load_from_string(data), full_check=True)
    except Exception as error:  # the exporter raises many kinds; all mean "this model cannot be exported"
        raise _explain(frozen, example_input, opset, error) from error
    return data


def _export(model: nn.Module, example_input: torch.Tensor, opset: int) -> bytes:
    with _EXPORT_LOCK, _quiet():
        program = torch.onnx.export(
            model, (example_input,), dynamo=True, opset_version=opset, verbose=False, optimize=True,
            input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
            dynamic_shapes=({0: torch.export.Dim("batch")},),  # tuple form: works for nn.Sequential too
        )
    # Serialising the proto keeps every weight inside the one file (no NAME.onnx.data beside it).
    return program.model_proto.SerializeToString()


@contextlib.contextmanager
def _quiet():
    # The exporter logs its progress and warns about optional packages (torchvision); the page shows results.
    logger = logging.getLogger("torch.onnx")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _explain(model: nn.Module, example_input: torch.Tensor, opset: int, error: Exception) -> PlaygroundError:
    """Find the first layer that cannot be exported on its own and name it; else blame the model."""
    for path, layer, layer_input in _leaf_calls(model, example_input):
        try:
            _export(layer, layer_input, opset)
        except Exception as layer_error:
            return PlaygroundError("export_failed_layer", layer=path, kind=type(layer).__name__,
                                   reason=_first_line(layer_error))
    return PlaygroundError("export_failed_model", kind=type(model).__name__, reason=_first_line(error))


def _leaf_calls(model: nn.Module, example_input: torch.Tensor) -> list[tuple[str, nn.Module, torch.Tensor]]:
    """(path, module, the input it received) for each leaf module, in the order the forward pass calls them."""
    calls, handles = [], []
    for path, module in model.named_modules():
        if path and not list(module.children()):
            handles.append(module.register_forward_hook(
                lambda mod, args, _out, path=path: calls.append((path, mod, args[0].detach().clone()))))
    try:
        with torch.no_grad():
            model(example_input)
    except Exception:  # torch itself fails: the layers it reached before are still worth checking
        pass
    finally:
        for handle in handles:
            handle.remove()
    first = {}
    for path, module, layer_input in calls:
        first.setdefault(path, (path, module, layer_input))
    return list(first.values())


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:300] if text else type(error).__name__
