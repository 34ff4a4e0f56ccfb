"""Save a model as its weights (state_dict, .pth) with its spec (JSON) in one zip; load one back safely.

Loading never runs code from the file: `torch.load(..., weights_only=True)` only rebuilds tensors and
plain containers. Everything is checked (size, keys, shapes, dtypes, finite values) on a fresh module,
so a refused file leaves the student's current model exactly as it was.
"""

from __future__ import annotations

import io
import json
import pickle
import re
import zipfile
from dataclasses import dataclass

import torch
from torch import nn

from engine.errors import PlaygroundError
from engine.network.builder import build_model
from engine.network.spec import MAX_PARAMETERS, ModelSpec

WEIGHTS_NAME = "model.pth"
SPEC_NAME = "spec.json"
MAX_FILE_BYTES = MAX_PARAMETERS * 4 + 2 * 1024**2  # float32 weights of the largest model, plus room
MAX_SPEC_BYTES = 256 * 1024
_WRAPPERS = ("state_dict", "model_state_dict")  # common checkpoint dicts that hold the weights inside


@dataclass(frozen=True)
class LoadedModel:
    """A model rebuilt from a file: its spec and the module with the file's weights."""

    spec: ModelSpec
    model: nn.Module


def state_dict_bytes(model: nn.Module) -> bytes:
    """`torch.save(model.state_dict(), ...)` as bytes: the .pth the seeds save."""
    buffer = io.BytesIO()
    torch.save({name: tensor.detach().cpu() for name, tensor in model.state_dict().items()}, buffer)
    return buffer.getvalue()


def whole_model_bytes(model: nn.Module) -> bytes:
    """`torch.save(model, ...)` as bytes: the whole module pickled (seed 003, section 7), for the refusal demo."""
    buffer = io.BytesIO()
    torch.save(model, buffer)
    return buffer.getvalue()


def whole_model_round_trip(model: nn.Module) -> tuple[bytes, nn.Module]:
    """Seed 003's `torch.save(model, ...)` then `torch.load(..., weights_only=False)`: the file and the model.

    The unpickled bytes are the ones made on the line above, never an upload: that is what makes
    weights_only=False safe here, and why this takes a module, not bytes.
    """
    data = whole_model_bytes(model)
    return data, torch.load(io.BytesIO(data), map_location="cpu", weights_only=False)


def save_checkpoint(spec: ModelSpec, model: nn.Module) -> bytes:
    """One zip holding model.pth (the state_dict) and spec.json (the architecture) side by side."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(SPEC_NAME, json.dumps(spec.to_dict(), indent=2))
        archive.writestr(WEIGHTS_NAME, state_dict_bytes(model))
    return buffer.getvalue()


def load_checkpoint(data: bytes, current_spec: ModelSpec) -> LoadedModel:
    """Rebuild a model from our zip (spec + weights) or from a bare .pth state_dict for `current_spec`.

    Raises PlaygroundError with a clear reason for anything that is not plain, matching weights.
    """
    if len(data) > MAX_FILE_BYTES:
        raise PlaygroundError("checkpoint_too_large", size=len(data), limit=MAX_FILE_BYTES)
    spec, weights = _split(data, current_spec)
    state = _read_state_dict(weights)
    model = build_model(spec, seed=0)  # a private generator: the file's weights replace these
    _check_fits(model, state)
    model.load_state_dict({name: tensor.to(torch.float32) for name, tensor in state.items()}, strict=True)
    return LoadedModel(spec, model)


def _split(data: bytes, current_spec: ModelSpec) -> tuple[ModelSpec, bytes]:
    """(spec, weights bytes): from our zip, or the current spec with the whole file as weights."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except zipfile.BadZipFile:
        return current_spec, data  # maybe a legacy (non-zip) torch.save file; torch.load decides
    if not {SPEC_NAME, WEIGHTS_NAME} <= names:
        return current_spec, data  # torch.save's own format is a zip too
    spec_info, weights_info = archive.getinfo(SPEC_NAME), archive.getinfo(WEIGHTS_NAME)
    if spec_info.file_size > MAX_SPEC_BYTES or weights_info.file_size > MAX_FILE_BYTES:
        raise PlaygroundError("checkpoint_too_large", size=spec_info.file_size + weights_info.file_size,
                              limit=MAX_FILE_BYTES)
    try:
        spec_data = json.loads(archive.read(spec_info).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, zipfile.BadZipFile) as error:
        raise PlaygroundError("checkpoint_bad_spec_json") from error
    return ModelSpec.from_dict(spec_data), archive.read(weights_info)


def _read_state_dict(weights: bytes) -> dict[str, torch.Tensor]:
    try:
        loaded = torch.load(io.BytesIO(weights), map_location="cpu", weights_only=True)
    except Exception as error:  # garbage, truncated, foreign or hostile files fail in many ways inside torch
        # weights_only refuses every global it does not know (os.system, a class): the file wants to run code.
        # A module class first (torch.nn's, a script's own, this app's): `torch.save(model)` pickled the whole
        # model (seed 003, section 7). Refused all the same; the message just says what the file is.
        message = str(error)
        unsafe = isinstance(error, pickle.UnpicklingError) and "unsupported global" in message.lower()
        whole = unsafe and re.search(r"GLOBAL (torch\.nn\.modules\.|__main__\.|engine\.network\.)", message)
        raise PlaygroundError("checkpoint_whole_model" if whole else "checkpoint_unsafe" if unsafe
                              else "checkpoint_not_readable") from error
    if isinstance(loaded, dict):
        for wrapper in _WRAPPERS:
            if isinstance(loaded.get(wrapper), dict):
                loaded = loaded[wrapper]
                break
    if not isinstance(loaded, dict) or not all(
            isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in loaded.items()):
        raise PlaygroundError("checkpoint_not_state_dict")
    return loaded


def _check_fits(model: nn.Module, state: dict[str, torch.Tensor]) -> None:
    expected = model.state_dict()
    missing, unexpected = sorted(expected.keys() - state.keys()), sorted(state.keys() - expected.keys())
    if missing or unexpected:
        raise PlaygroundError("checkpoint_wrong_keys", missing=", ".join(missing) or "-",
                              unexpected=", ".join(unexpected) or "-")
    for name, tensor in state.items():
        if tuple(tensor.shape) != tuple(expected[name].shape):
            raise PlaygroundError("checkpoint_wrong_shape", name=name, got=list(tensor.shape),
                                  expected=list(expected[name].shape))
        if not tensor.is_floating_point():
            raise PlaygroundError("checkpoint_bad_dtype", name=name, dtype=str(tensor.dtype))
        if not torch.isfinite(tensor).all():
            raise PlaygroundError("checkpoint_not_finite", name=name)
