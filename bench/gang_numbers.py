"""Issue 16: how far a gang member's numbers drift from its run alone, epoch after epoch.

The gang's batched products (baddbmm/bmm) round differently from the mm/addmm a run alone uses (and
autograd, and the take-home script) whenever a product is small enough for torch's own CPU loop
(contraction x rows x columns < 400); the rest of the step gives the same bits. Per setup, K members
of one shape with different seeds and learning rates train together, epoch by epoch, beside the same
runs trained alone; after 1, 10, 100 (and --epochs) epochs this prints the largest difference of any
weight, of any batch loss since the start, and of the epoch's test loss, absolute and relative to the
largest weight or loss.

Run: .venv/bin/python bench/gang_numbers.py [--epochs 300] [--members 4]
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from engine import PRESETS, LayerSpec, ModelSpec  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.training import TrainConfig, Trainer  # noqa: E402
from engine.training.gang import Gang  # noqa: E402

L = LayerSpec.of


def chain(*hidden: int, activation: str = "Tanh", outputs: int = 2) -> ModelSpec:
    """2 -> hidden... -> outputs, `activation` after each hidden layer."""
    sizes, layers = (2, *hidden), []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        layers += [L("Linear", in_features=fan_in, out_features=fan_out), L(activation)]
    return ModelSpec((2,), (*layers, L("Linear", in_features=sizes[-1], out_features=outputs)))


SETUPS = {  # name: (spec, data set, loss, batch size)
    "circle 2-4-2-2 tanh, batch 10": (PRESETS["playground_circle"], "circle", "cross_entropy", 10),
    "spiral 2-8x6-2 relu, batch 10": (PRESETS["playground_spiral"], "spiral", "cross_entropy", 10),
    "xor 2-8-8-8-2 sigmoid, batch 1": (chain(8, 8, 8, activation="Sigmoid"), "xor", "cross_entropy", 1),
    "gauss 2-6-6-6-2 leaky relu, batch 30": (chain(6, 6, 6, activation="LeakyReLU"), "gauss", "cross_entropy", 30),
    "circle 2-5-5-5-2 identity, batch 10": (chain(5, 5, 5, activation="Identity"), "circle", "cross_entropy", 10),
    "reg_plane 2-8-8-1 tanh, MSE, batch 10": (chain(8, 8, outputs=1), "reg_plane", "mse", 10),
}
LEARNING_RATES = (0.03, 0.1, 0.01, 0.3)


def largest(pairs) -> tuple[float, float]:
    """The largest absolute difference over (ours, alone) tensor pairs, and relative to the largest |alone|."""
    pairs = list(pairs)
    difference = max(float((a - b).abs().max()) for a, b in pairs)
    scale = max(float(b.abs().max()) for _, b in pairs)
    return difference, difference / scale if scale else 0.0


def drift(spec: ModelSpec, data_name: str, loss: str, batch_size: int, members: int, checkpoints: list[int]):
    """Yield (epochs, weight, loss, test loss differences) at each checkpoint."""
    data = load_dataset(data_name)
    configs = [TrainConfig(data_name, loss=loss, lr=LEARNING_RATES[k % len(LEARNING_RATES)], batch_size=batch_size,
                           epochs=max(checkpoints), shuffle=True, seed=k) for k in range(members)]
    ours = [Trainer(spec, data, config) for config in configs]
    alone = [Trainer(spec, data, config) for config in configs]
    gang = Gang()
    for epoch in range(1, max(checkpoints) + 1):
        for k, trainer in enumerate(ours):
            gang.add(str(k), trainer, "epoch")
        while len(gang):
            gang.train(1.0)
        for trainer in alone:
            trainer.run_epoch()
        if epoch in checkpoints:
            weights = largest((p.detach(), q.detach()) for a, b in zip(ours, alone)
                              for p, q in zip(a.model.parameters(), b.model.parameters()))
            losses = largest((torch.tensor(a.batch_losses), torch.tensor(b.batch_losses)) for a, b in zip(ours, alone))
            tests = largest((torch.tensor([r.test_loss for r in a.history]),
                             torch.tensor([r.test_loss for r in b.history])) for a, b in zip(ours, alone))
            yield epoch, weights, losses, tests


def main() -> None:
    """Print the drift table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--members", type=int, default=4)
    args = parser.parse_args()
    torch.set_num_threads(1)
    checkpoints = sorted({n for n in (1, 10, 100, args.epochs) if n <= args.epochs})
    print(f"{args.members} members per setup, learning rates {LEARNING_RATES[:args.members]}; largest difference "
          "gang vs alone: absolute (relative to the largest value)")
    for name, (spec, data_name, loss, batch_size) in SETUPS.items():
        for epoch, weights, losses, tests in drift(spec, data_name, loss, batch_size, args.members, checkpoints):
            print(f"{name:40s} epoch {epoch:4d}: weights {weights[0]:.2e} ({weights[1]:.1e}), batch losses "
                  f"{losses[0]:.2e} ({losses[1]:.1e}), test loss {tests[0]:.2e} ({tests[1]:.1e})", flush=True)


if __name__ == "__main__":
    main()
