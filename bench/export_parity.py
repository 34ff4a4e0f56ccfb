"""Export + checker + parity timings and parity figures for every preset, a trained fashion_mlp and CNNs.

Run: nice .venv/bin/python bench/export_parity.py [repeats]   (FASHION_MNIST_DIR adds real images)
Prints the median over `repeats` of export_and_check(fashion_mlp) once the exporter is warm, then the
largest torch-vs-onnxruntime differences for each preset, for a model trained on real data, and for
CNNs after a few training steps (the CNN presets and an untuned one, BatchNorm in eval mode) at every opset.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fashion-mnist"
if "FASHION_MNIST_DIR" not in os.environ and SHARED.is_dir():
    os.environ["FASHION_MNIST_DIR"] = str(SHARED)

from engine import PRESETS, build_model  # noqa: E402
from engine.data.sample_images import first_test_images  # noqa: E402
from export import SUPPORTED_OPSETS, check_parity, export_and_check, to_onnx  # noqa: E402
from export.parity import parity_inputs  # noqa: E402
from tests.cnn_helpers import trained, untuned_cnn  # noqa: E402


def timed_fashion_mlp(repeats: int) -> None:
    spec = PRESETS["fashion_mlp"]
    model = build_model(spec, seed=0)
    started = time.perf_counter()
    export_and_check(model, spec.input_shape)
    print(f"first export+check+parity (cold exporter): {time.perf_counter() - started:.2f} s")
    totals, cpus, exports, parities = [], [], [], []
    for seed in range(repeats):
        model = build_model(spec, seed=seed + 1)  # new weights each time: no cache can help
        started, cpu_started = time.perf_counter(), time.process_time()
        result = export_and_check(model, spec.input_shape)
        totals.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu_started)
        exports.append(result.export_seconds)
        parities.append(result.parity_seconds)
    print(f"fashion_mlp warm, median of {repeats}: total {statistics.median(totals):.2f} s "
          f"(export+checker {statistics.median(exports):.2f} s, parity {statistics.median(parities) * 1000:.0f} ms); "
          f"min {min(totals):.2f} s, max {max(totals):.2f} s; CPU time median {statistics.median(cpus):.2f} s "
          f"(wall minus CPU = waiting for a core on a shared machine; load average {os.getloadavg()[0]:.1f})")


def parity_of_presets() -> None:
    for name, spec in PRESETS.items():
        report = export_and_check(build_model(spec, seed=0), spec.input_shape).report
        cases = ", ".join(f"{c.source}x{c.batch_size}" for c in report.cases)
        print(f"{name:20s} max abs {report.max_abs_diff:.2e}  max rel {report.max_rel_diff:.2e}  "
              f"argmax {report.argmax_agreement}  passed {report.passed}  [{cases}]")


def parity_of_trained(steps: int = 300) -> None:
    real = first_test_images(10_000)
    if real is None:
        print("trained: FASHION_MNIST_DIR not set, skipped")
        return
    images, labels = real
    spec = PRESETS["fashion_mlp"]
    model = build_model(spec, seed=0)
    x, y = images[:, None], torch.tensor(labels)
    train_x, train_y, test_x, test_y = x[:8000], y[:8000], x[8000:], y[8000:]
    generator = torch.Generator().manual_seed(0)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):  # the seeds' loop: batch 64, SGD, cross-entropy
        index = torch.randint(0, len(train_x), (64,), generator=generator)
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(train_x[index]), train_y[index]).backward()
        optimizer.step()
    with torch.no_grad():
        accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
    report = export_and_check(model, spec.input_shape).report
    print(f"trained fashion_mlp ({steps} SGD steps on real images, held-out accuracy {accuracy:.1%}): "
          f"max abs {report.max_abs_diff:.2e}  max rel {report.max_rel_diff:.2e}  argmax {report.argmax_agreement}  "
          f"passed {report.passed}")


def parity_of_cnns() -> None:
    """Trained CNN presets, and an untuned CNN (kernel 5 padding 2 stride 2, pool 3 stride 2, BatchNorm) per opset."""
    for name in ("fashion_cnn", "net"):
        spec = PRESETS[name]
        report = export_and_check(trained(spec), spec.input_shape).report
        print(f"trained {name:12s} max abs {report.max_abs_diff:.2e}  max rel {report.max_rel_diff:.2e}  "
              f"argmax {report.argmax_agreement}  passed {report.passed}")
    spec = untuned_cnn()
    for opset in SUPPORTED_OPSETS:
        model = trained(spec, seed=opset)
        data = to_onnx(model, torch.rand(2, *spec.input_shape), opset=opset)
        report = check_parity(model, data, parity_inputs(spec.input_shape))
        print(f"untuned CNN opset {opset}: max abs {report.max_abs_diff:.2e}  max rel {report.max_rel_diff:.2e}  "
              f"passed {report.passed}")


if __name__ == "__main__":
    torch.set_num_threads(1)
    timed_fashion_mlp(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    parity_of_presets()
    parity_of_trained()
    parity_of_cnns()
