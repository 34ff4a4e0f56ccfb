"""A model's weights as bytes and back, never by running pickle code (torch.load with weights_only=True)."""

from __future__ import annotations

import io

import torch


def encode_weights(state: dict[str, torch.Tensor]) -> bytes:
    """A state_dict as bytes (torch's zip format; tensors moved to the CPU)."""
    buffer = io.BytesIO()
    torch.save({name: value.detach().cpu() for name, value in state.items()}, buffer)
    return buffer.getvalue()


def decode_weights(data: bytes) -> dict[str, torch.Tensor]:
    """The state_dict `encode_weights` wrote; ValueError when the bytes are not one (a damaged row)."""
    try:
        state = torch.load(io.BytesIO(data), weights_only=True, map_location="cpu")
    except Exception as error:  # torch raises many kinds for damaged bytes: one kind for the caller
        raise ValueError(f"not a saved state_dict: {error}") from error
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise ValueError("not a saved state_dict")
    return state
