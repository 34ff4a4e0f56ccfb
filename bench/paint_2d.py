"""Server CPU of one live 2-D repaint on the Train page, painted on the server (before) and in the browser (now).

While a run trains, every repaint sees new weights, so each timed repaint follows one optimizer step.
Painted on the server (what a network the browser cannot paint still gets): the 100x100 pass through
every neuron (GridCache), the boundary and network drawings (PNG heatmaps in SVG) as data URIs.
Painted in the browser (ui/train/playground_program.py): the weights as plain lists, and the panels'
entries as ui/train/live_panels.render_panels sends them once the browser keeps the drawings. Both
include the JSON the component's data becomes; the SVG loss and accuracy curves over a few hundred
epochs of history (sent either way) are timed apart. Streamlit's own per-element cost (protobuf,
websocket) comes on top. CPU time (the box is shared), median of `--repaints`; at 4 repaints a second,
a live 2-D student costs the server 4 x (drawings + curves) ms of CPU a second. With Node installed it
also times the browser's own work per repaint (ui/train/playground_forward.js in V8, Chromium's engine).

Before these drawings (plotly figures, validated and serialised as st.plotly_chart does) the same
repaint cost, on this 2-core box, in CPU time: circle 61 ms (143 kB of JSON), spiral 71 ms (293 kB).

Run: nice .venv/bin/python bench/paint_2d.py [--repaints 30]
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit.logger  # noqa: E402

streamlit.logger.set_log_level("error")  # t() outside a server run: its session-state warnings are noise here

import torch  # noqa: E402

from engine import PRESETS  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.training import TrainConfig, Trainer  # noqa: E402
from engine.training.analysis import GridCache  # noqa: E402
from ui.train.live_curves import chart_panel  # noqa: E402
from ui.train.playground_paint import DIVERGING  # noqa: E402
from ui.train.playground_program import forward_program  # noqa: E402
from ui.train.playground_svg import svg_uri  # noqa: E402
from ui.train.playground_views import boundary_panel, network_panel, painted_panels  # noqa: E402
from ui.train.views import _live_lines  # noqa: E402

SETUPS = {"circle 4-2 tanh": ("playground_circle", "circle"), "spiral 8x6 relu": ("playground_spiral", "spiral")}
REPAINTS_PER_SECOND = 4  # pages/train.py's LIVE_2D_SECONDS
FORWARD_JS = Path(__file__).resolve().parent.parent / "ui" / "train" / "playground_forward.js"


def cpu_ms(build, *args) -> tuple[float, int]:
    """CPU milliseconds of `build(*args)` (what it costs the server, whatever else the box runs) and its length."""
    start = time.thread_time()
    size = len(build(*args))
    return (time.thread_time() - start) * 1000, size


def server_painted(trainer: Trainer, cache: GridCache) -> str:
    """The drawings as the server paints them: the grid, then both panels as SVG data URIs, as JSON."""
    grid = cache.get(trainer)
    panels = [boundary_panel(trainer, grid), network_panel(trainer, grid, live=True)]
    return json.dumps({"panels": [{**asdict(panel), "src": svg_uri(panel.svg), "svg": None} for panel in panels]})


def browser_painted(trainer: Trainer, painted: list) -> str:
    """What the server does when the browser paints: the weights as lists, the kept drawings' entries, as JSON."""
    program = forward_program(trainer.model, trainer.spec, trainer.data, trainer.config.loss, 100)
    entries = [{**asdict(panel), "svg": None, "layout": f"{hash(panel.svg):x}", "markup": None} for panel in painted]
    return json.dumps({"panels": entries, "paint": {**program, "version": trainer.steps}, "palette": None})


NODE_TIMER = """
import { forwardGrid, outputTiles, paintDiverging } from "./forward.mjs";
import { readFileSync } from "node:fs";
const { program, table, repaints } = JSON.parse(readFileSync(0, "utf8"));
const pixels = new Uint8ClampedArray(program.steps * program.steps * 4);
const times = [];
for (let i = 0; i < repaints; i++) {
  const start = performance.now();
  const grid = forwardGrid(program);
  paintDiverging(pixels, grid.probability, program.steps, 1, table, 0, 1);
  for (const column of [...grid.hidden, outputTiles(grid, program)]) {
    const n = program.steps * program.steps;
    for (let unit = 0; unit < column.length / n; unit++) {
      paintDiverging(pixels, column.subarray(unit * n, (unit + 1) * n), program.steps, 5, table, -1, 1);
    }
  }
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(times[Math.floor(times.length / 2)]);
"""


def browser_ms(program: dict, repaints: int) -> float | None:
    """Median milliseconds of the browser's work for one repaint (forward pass and every picture's pixels),
    in Node's V8 (Chromium's engine), or None without Node."""
    if shutil.which("node") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "forward.mjs").write_text(FORWARD_JS.read_text(encoding="utf-8"), encoding="utf-8")
        (Path(folder) / "timer.mjs").write_text(NODE_TIMER, encoding="utf-8")
        payload = json.dumps({"program": program, "table": DIVERGING.reshape(-1).tolist(), "repaints": repaints})
        done = subprocess.run(["node", str(Path(folder) / "timer.mjs")], input=payload, capture_output=True,
                              text=True, check=True, timeout=300)
    return float(done.stdout)


def curves(trainer: Trainer) -> str:
    """The live loss and accuracy curves as SVG data URIs (the same either way)."""
    return "".join(svg_uri(chart_panel("c", "loss", "epoch", lines).svg) for lines in _live_lines(trainer))


def main() -> None:
    """Train each setup a little (a history to draw), then time repaints, one optimizer step apart."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repaints", type=int, default=30)
    parser.add_argument("--epochs", type=int, default=200, help="history drawn by the curves")
    args = parser.parse_args()
    torch.set_num_threads(1)
    print(f"one live 2-D repaint, server side: CPU ms, median of {args.repaints}; per student at "
          f"{REPAINTS_PER_SECOND} repaints/s")
    for name, (preset, data_name) in SETUPS.items():
        config = TrainConfig(data_name, lr=0.03, batch_size=10, epochs=10_000)
        trainer = Trainer(PRESETS[preset], load_dataset(data_name), config)
        for _ in range(args.epochs):
            trainer.run_epoch()
        cache = GridCache()
        painted = painted_panels(trainer, forward_program(trainer.model, trainer.spec, trainer.data,
                                                          trainer.config.loss, cache.steps))
        rounds = []
        for _ in range(args.repaints):
            trainer.step()  # new weights, as at every repaint while training
            rounds.append({"server": cpu_ms(server_painted, trainer, cache),
                           "browser": cpu_ms(browser_painted, trainer, painted), "curves": cpu_ms(curves, trainer)})
        median = {part: statistics.median(r[part][0] for r in rounds) for part in rounds[0]}
        size = {part: rounds[-1][part][1] / 1000 for part in rounds[0]}
        for part in ("server", "browser"):
            per_second = REPAINTS_PER_SECOND * (median[part] + median["curves"])
            print(f"  {name:16s} painted on the {part:7s}: drawings {median[part]:5.2f} ms ({size[part]:5.1f} kB) "
                  f"+ curves {median['curves']:4.1f} ms = {per_second:5.1f} ms of CPU a second "
                  f"({per_second / 10:.1f}% of a core)", flush=True)
        program = forward_program(trainer.model, trainer.spec, trainer.data, trainer.config.loss, cache.steps)
        in_browser = browser_ms(program, args.repaints)
        if in_browser is not None:
            print(f"  {name:16s} the browser's own work per repaint (Node): {in_browser:.2f} ms", flush=True)


if __name__ == "__main__":
    main()
