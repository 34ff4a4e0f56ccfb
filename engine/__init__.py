"""Pure PyTorch core of the playground: specs, registries, builder, code and summaries. No streamlit."""

from engine.builder import build_model
from engine.codegen import model_source
from engine.errors import PlaygroundError
from engine.layers import ACTIVATIONS, LAYERS
from engine.presets import PRESETS
from engine.spec import LayerSpec, ModelSpec, SpecError
from engine.summary import summarize

__all__ = [
    "ACTIVATIONS", "LAYERS", "PRESETS", "LayerSpec", "ModelSpec", "PlaygroundError", "SpecError",
    "build_model", "model_source", "summarize",
]
