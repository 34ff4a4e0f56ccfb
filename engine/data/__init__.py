"""Data sets the playground trains on, held in memory as tensors (no streamlit here)."""

from engine.data.base import TensorData

__all__ = ["TensorData"]
