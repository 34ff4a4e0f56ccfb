"""Issue 8: epochs per second on TF Playground's settings, beside TF Playground's own figures.

Headless (engine only), per setup: the Trainer alone (its fast mode: on these plain MLPs with plain
SGD, the hand-written step of engine/training/mlp_step.py, bit-equal to autograd's; each line says
which step ran); the Trainer in a training process, as the app runs it (classroom/processes.py),
while this process repaints every 2-D view 4 times a second (the grid for the boundary and all
neurons, the drawings, the curves: bench/paint_2d.py); and a bare PyTorch loop (autograd,
torch.optim.SGD) at the same settings, in the same run, so the ratios mean something on a loaded
machine.
With --app: the real page in headless Chromium, reading its epoch counter over 20 s and counting the
new boundary images it shows (the live views' repaints). Chromium stands for a student's browser,
which runs on their own computer: it gets nice 19 and the pages' core, never the training core
(bench/cpu_share.browser_to_background; --browser-anywhere lets it use every core). Medians of
several runs; the load average and the cores each part used are printed with every figure.

Run: .venv/bin/python bench/playground_speed.py [--runs 3] [--seconds 3] [--app | --app-only]
     [--browser-anywhere]
"""

import argparse
import os
import re
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402
from torch import nn  # noqa: E402

from bench.paint_2d import browser_painted, curves  # noqa: E402
from classroom.processes import ProcessPool, RemoteRun  # noqa: E402
from engine import PRESETS, LayerSpec, ModelSpec, build_model  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.data.batching import epoch_order  # noqa: E402
from engine.training import TrainConfig, Trainer  # noqa: E402
from engine.training.analysis import GridCache  # noqa: E402
from ui.train.playground_program import forward_program  # noqa: E402
from ui.train.playground_views import painted_panels  # noqa: E402

TF_PLAYGROUND = {"circle": 60, "spiral": 20}  # epochs/s in headless Chromium, all views drawn (issue 8)
TF_LOOP_ONLY = "600-700"  # its training loop alone
TARGET = {"circle": 120, "spiral": 40}
SPIRAL_TANH = ModelSpec((2,), tuple(part for i in range(6) for part in (
    LayerSpec.of("Linear", in_features=2 if i == 0 else 8, out_features=8), LayerSpec.of("Tanh")))
    + (LayerSpec.of("Linear", in_features=8, out_features=2),))
SETUPS = {  # name: (spec, data, batch size)
    "circle 4-2 tanh, batch 10": (PRESETS["playground_circle"], "circle", 10),
    "spiral 8x6 relu, batch 10": (PRESETS["playground_spiral"], "spiral", 10),
    "spiral 8x6 tanh, batch 10": (SPIRAL_TANH, "spiral", 10),
    "circle 4-2 tanh, batch 1": (PRESETS["playground_circle"], "circle", 1),
    "spiral 8x6 relu, batch 1": (PRESETS["playground_spiral"], "spiral", 1),
}


def load() -> str:
    """The 1-minute load average, as the report prints it beside each figure."""
    return f"{os.getloadavg()[0]:.1f}"


def trainer(spec, data_name: str, batch: int) -> Trainer:
    """TF Playground's settings: SGD, learning rate 0.03, shuffled, as many epochs as a run may have."""
    config = TrainConfig(data_name, lr=0.03, batch_size=batch, epochs=10_000, shuffle=True)
    return Trainer(spec, load_dataset(data_name), config)


def epochs_done(run: Trainer) -> float:
    """Epochs trained, with the current epoch's fraction."""
    return run.epoch + run.batch / run.batches_per_epoch


def trainer_alone(spec, data_name: str, batch: int, seconds: float) -> float:
    """Epochs/s of Trainer.run_epoch back to back (the fast mode), nothing drawn."""
    run = trainer(spec, data_name, batch)
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        run.run_epoch()
    return epochs_done(run) / (time.perf_counter() - start)


def trainer_with_views(pool: ProcessPool, spec, data_name: str, batch: int, seconds: float) -> tuple[float, float]:
    """Epochs/s of a training process while this process recomputes the views 4 times a second.

    Returns (epochs/s, repaints/s). The views: everything the page's live 2-D fragment draws
    (bench/paint_2d.py's browser_painted and curves: the weights for the browser, the curves), on the
    weights the process sent. The clock starts once the process reports training.
    """
    run = trainer(spec, data_name, batch)
    painted = painted_panels(run, forward_program(run.model, run.spec, run.data, run.config.loss, GridCache().steps))
    remote = RemoteRun(pool, run, "done")
    worker = threading.Thread(target=remote.work)
    worker.start()
    while run.status != "running":
        time.sleep(0.01)
    start, first = time.perf_counter(), epochs_done(run)
    repaints = 0
    while time.perf_counter() - start < seconds:
        browser_painted(run, painted)
        curves(run)
        repaints += 1
        time.sleep(max(0.0, start + repaints * 0.25 - time.perf_counter()))
    done, elapsed = epochs_done(run), time.perf_counter() - start  # as mirrored: up to 0.1 s late at both ends
    remote.pause()
    worker.join()
    return (done - first) / elapsed, repaints / elapsed


def bare_pytorch(spec, data_name: str, batch: int, seconds: float) -> float:
    """Epochs/s of the plainest loop: randperm, index, forward, loss, backward, SGD step."""
    data = load_dataset(data_name)
    model = build_model(spec, seed=0)
    optimizer, loss_fn = torch.optim.SGD(model.parameters(), lr=0.03), nn.CrossEntropyLoss()
    x, y, generator = data.train_x, data.train_y, torch.Generator().manual_seed(0)
    epochs, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        order = epoch_order(len(x), True, generator)
        for first in range(0, len(x), batch):
            index = order[first:first + batch]
            optimizer.zero_grad()
            loss_fn(model(x[index]), y[index]).backward()
            optimizer.step()
        epochs += 1
    return epochs / (time.perf_counter() - start)


def headless(runs: int, seconds: float) -> None:
    """Print the engine-only figures, each the median of `runs`, with the load average."""
    torch.set_num_threads(1)  # as inside the app's training process: one thread per tiny run
    print(f"headless, engine only: median of {runs} runs of {seconds:g} s each; TF Playground (issue 8): "
          f"circle {TF_PLAYGROUND['circle']}/s, spiral {TF_PLAYGROUND['spiral']}/s with views, "
          f"its loop alone {TF_LOOP_ONLY}/s")
    pool = ProcessPool(1, threads=1, nice=0)  # the same priority as the runs in this process
    for name, (spec, data_name, batch) in SETUPS.items():
        alone, viewed, rate, bare = [], [], [], []
        for _ in range(runs):  # interleaved, so a load spike hits all of them alike
            alone.append(trainer_alone(spec, data_name, batch, seconds))
            epochs, repaints = trainer_with_views(pool, spec, data_name, batch, seconds)
            viewed.append(epochs)
            rate.append(repaints)
            bare.append(bare_pytorch(spec, data_name, batch, seconds))
        a, v, b = statistics.median(alone), statistics.median(viewed), statistics.median(bare)
        step = "hand-written" if trainer(spec, data_name, batch).hand_written else "autograd"
        print(f"  {name:28s} [{step}] trainer {a:7.1f}/s  trainer+views {v:7.1f}/s ({statistics.median(rate):.1f} "
              f"repaints/s)  bare torch {b:7.1f}/s  trainer/bare {a / b:.2f}  load {load()}", flush=True)
    pool.close()


COUNTER = re.compile(r"(\d+)\D+(\d+)")  # "Epoch 12 · step 300" (or Korean): epoch, then steps


def _read(counter) -> tuple[int, int]:
    found = COUNTER.search(counter.inner_text())
    return (int(found[1]), int(found[2])) if found else (0, 0)


def _pictures(page) -> int:
    # How many different boundary images the page has shown (ui/train/live_panels.js counts them).
    return int(page.locator('[data-panel="boundary"]').get_attribute("data-frames") or 0)


def app(seconds: float, runs: int, pin_browser: bool = True) -> None:
    """The page in headless Chromium: Play, then read its epoch counter and boundary repaints over `seconds`."""
    from bench.cpu_share import CpuShare, browser_to_background
    from tests.browser import SCREENSHOTS, browser_page, running_app, set_epochs, wait_for_app

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"in the app (headless Chromium), epoch counter over {seconds:g} s, median of {runs} runs")
    with running_app() as url:
        for preset, data_name in (("playground_circle", "circle"), ("playground_spiral", "spiral")):
            rates, repaints, pictures, shares = [], [], [], []
            for _ in range(runs):
                with browser_page() as page:
                    browser_to_background(pin_browser)  # as in live_view_overhead: a student's browser
                    page.goto(f"{url}/train?lang=en&preset={preset}")
                    wait_for_app(page)
                    set_epochs(page, 10_000)  # as many as a run may have: it outlasts the measurement
                    page.get_by_role("button", name="Play", exact=True).click()
                    counter = page.locator(".live .counter")  # the live view, fed by the run's live feed
                    counter.wait_for(timeout=60_000)
                    page.wait_for_timeout(2000)  # past the first repaints

                    (epoch0, _), changes, last, shown = _read(counter), 0, None, _pictures(page)
                    start, share = time.perf_counter(), CpuShare()
                    while time.perf_counter() - start < seconds:
                        now = _read(counter)
                        changes += now != last
                        last = now
                        page.wait_for_timeout(250)  # a light touch: the page, not this loop, should use the CPU
                    elapsed = time.perf_counter() - start
                    rates.append((_read(counter)[0] - epoch0) / elapsed)
                    repaints.append(changes / elapsed)
                    pictures.append((_pictures(page) - shown) / elapsed)
                    shares.append(share.cores())
                    page.screenshot(path=str(SCREENSHOTS / f"playground-live-{preset}.png"), full_page=True)
                    page.get_by_role("button", name="Pause", exact=True).click()
            print(f"  {preset:18s} {statistics.median(rates):7.1f} epochs/s  counter repaints "
                  f"{statistics.median(repaints):.1f}/s  new boundary images {statistics.median(pictures):.1f}/s  "
                  f"(TF Playground {TF_PLAYGROUND[data_name]}/s, target "
                  f"{TARGET[data_name]}/s)  load {load()}", flush=True)
            print(f"    cores used (median): {_median_cores(shares)}", flush=True)


def _median_cores(shares: list[dict[str, float]]) -> str:
    return ", ".join(f"{name} {statistics.median(s[name] for s in shares):.2f}" for name in shares[0])


def main() -> None:
    """Headless figures always; the app's with --app."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--app", action="store_true", help="also measure the page in headless Chromium")
    parser.add_argument("--app-only", action="store_true")
    parser.add_argument("--app-seconds", type=float, default=20.0)
    parser.add_argument("--browser-anywhere", action="store_true",
                        help="let Chromium run on the training core too (it still gets nice 19)")
    args = parser.parse_args()
    if not args.app_only:
        headless(args.runs, args.seconds)
    if args.app or args.app_only:
        app(args.app_seconds, args.runs, not args.browser_anywhere)


if __name__ == "__main__":
    main()
