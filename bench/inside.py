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
from engine.inside.convolution import explain_convolution  # noqa: E402
from engine.inside.feature_maps import first_conv_maps, image_walk, map_steps  # noqa: E402
from engine.inside.graph_dot import to_dot  # noqa: E402
from engine.inside.layers import private_copy, random_minibatch, seeded_images_then_model, walk_forward  # noqa: E402
from engine.inside.pooling import explain_pooling  # noqa: E402


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
    cnn = build_model(PRESETS["fashion_cnn"], seed=0)
    image = torch.rand(28, 28, generator=torch.Generator().manual_seed(0))
    cnn_walk = image_walk(cnn, image, (1, 28, 28))
    second_conv = map_steps(cnn_walk, ("Conv2d",))[1]
    first_pool = map_steps(cnn_walk, ("MaxPool2d",))[0]
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
        # The Layers page's CNN section and the Train page's live maps (once per epoch)
        "image_walk fashion_cnn, 1 image": lambda: image_walk(cnn, image, (1, 28, 28)),
        "explain_convolution fashion_cnn features.4": lambda: explain_convolution(
            cnn.features[4], second_conv.input[0], 5, 7, 7),
        "explain_pooling fashion_cnn features.3, 1 channel": lambda: explain_pooling(
            cnn.features[3], first_pool.input[0], 0),
        "live maps: private copy + first_conv_maps": lambda: first_conv_maps(private_copy(cnn), image, (1, 28, 28)),
    }
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    for name, work in cases.items():
        print(f"{name:45s} {median_ms(work):8.1f} ms")


if __name__ == "__main__":
    main()
