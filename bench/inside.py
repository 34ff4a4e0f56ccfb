"""How long the inside-the-network views take to compute (medians of several runs; pages redo them on
every rerun). Run: .venv/bin/python bench/inside.py"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from engine import PRESETS, LayerSpec, ModelSpec, build_model  # noqa: E402
from engine.inside.activations import activation_curve, elementwise_activations, softmax_view  # noqa: E402
from engine.inside.autograd_demo import make_example  # noqa: E402
from engine.inside.autograd_graph import model_graph, readable  # noqa: E402
from engine.inside.graph_dot import to_dot  # noqa: E402
from engine.inside.layers import random_minibatch, seeded_images_then_model, walk_forward  # noqa: E402


def median_ms(work, runs: int = 7) -> float:
    work()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    deep = ModelSpec((8,), (*[LayerSpec.of("Linear", in_features=8, out_features=8), LayerSpec.of("Tanh")] * 15,
                            LayerSpec.of("Linear", in_features=8, out_features=2)))
    fashion = build_model(PRESETS["fashion_mlp"], seed=0)
    batch = random_minibatch(PRESETS["fashion_mlp"], 0)
    deep_model = build_model(deep, seed=0)
    cases = {
        "every activation curve, 801 points each": lambda: [activation_curve(n, {}, -6, 6, 801)
                                                            for n in elementwise_activations()],
        "softmax_view, 10 logits": lambda: softmax_view(torch.arange(10.0).tolist(), 0.5),
        "walkthrough preset: images, model, walk": lambda: walk_forward(*reversed(seeded_images_then_model(
            PRESETS["walkthrough"], 0))),
        "walk_forward fashion_mlp, 3 images": lambda: walk_forward(fashion, batch),
        "seed 003 example graph + DOT": lambda: to_dot(make_example(0).graph(True)),
        "model_graph fashion_mlp + DOT": lambda: to_dot(model_graph(fashion, batch).graph),
        "model_graph 31 layers, collapsed + DOT": lambda: to_dot(readable(model_graph(
            deep_model, random_minibatch(deep, 0)).graph)),
    }
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    for name, work in cases.items():
        print(f"{name:45s} {median_ms(work):8.1f} ms")


if __name__ == "__main__":
    main()
