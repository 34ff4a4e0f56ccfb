"""The playground's PyTorch core: networks, data, training, what the pages look inside, and code generation.

Pure PyTorch and NumPy: no streamlit, no processes or sockets (those are `classroom/`'s).

    network/   ModelSpec, the layer registry and shape rules, presets, builder, editing, summary
    data/      data sets as tensors (FashionMNIST, TF Playground's 2-D sets, a CSV, the temperatures)
    training/  TrainConfig, losses and optimizers, guards, the Trainer and its progress record
    inside/    what the Tensors, Layers, Activations and Autograd pages compute (data, not drawings)
    codegen/   model source in the tutorials' style, the take-home script and notebook
"""

from engine.codegen.model_source import model_source
from engine.errors import PlaygroundError
from engine.network.builder import build_model
from engine.network.layers import ACTIVATIONS, LAYERS
from engine.network.presets import PRESETS
from engine.network.spec import LayerSpec, ModelSpec, SpecError
from engine.network.summary import summarize

__all__ = [
    "ACTIVATIONS", "LAYERS", "PRESETS", "LayerSpec", "ModelSpec", "PlaygroundError", "SpecError",
    "build_model", "model_source", "summarize",
]
