"""Issue 16's classes for bench/load_test.py --scenario: everyone presses Play within seconds and watches.

- circle: every student opens the Train page on `playground_circle`, sets a long run (10,000 epochs,
  TF Playground's "until paused"), presses Play within --ramp seconds of the others and watches the live
  view (its fragment polls as a browser's does) for --watch seconds, then presses Pause.
- mixed: two thirds of the class train 2-D networks of different shapes (three presets' hidden layers and
  activations, four data sets, two batch sizes) as in circle; one third train FashionMNIST with
  `fashion_fast` and its recommended 2 epochs, until done. Before the class one student trains
  `fashion_fast` alone on the same server (after a first run that loads the data): its time alone.

Everything is read from what each student's page shows (the progress line "Training · epoch 3/10000 ·
batch 5/20", in either language), with the time it arrived:
- first move: seconds from sending Play until the page first shows an epoch or batch above 0;
- epochs/s: the epoch the page showed when the student paused (or saw "Done"), over the seconds since Play;
- a FashionMNIST run's Play-to-done time against its fair share: its time alone x the number of runs
  training beside it (itself included), averaged over its life; a run counts as training from its first
  move until done or paused;
- whole-run waits (the queue log, TORCH_PLAYGROUND_QUEUE_LOG, read while the class runs so each line gets
  the time it was written): a run waited behind another's whole run when that other trained one single
  turn longer than WHOLE_RUN seconds and that turn overlapped this run's wait for its first turn by more
  than OVERLAP seconds (with turns, a turn ends about a slice after another run starts waiting).
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from bench.load_client import Record, Tab

COUNTERS = re.compile(r"(\d+)/\d+\D+(\d+)/\d+")  # "epoch 3/10000 · batch 5/20": the epoch and the batch
SHAPES_2D = ("playground_2d", "playground_circle", "playground_spiral")  # hidden 16-?/4-2 Tanh, 4 layers ReLU
DATA_2D = ("circle", "xor", "gauss", "spiral")
BATCHES_2D = (10, 30)
WHOLE_RUN = 2.0  # seconds of one uninterrupted turn: longer than any turn when turns are on
OVERLAP = 1.0  # seconds that turn must have overlapped another run's first wait
LOOK_EVERY = 0.2  # seconds between a student's looks at their page (the page itself polls on its own)


def counters(text: str) -> tuple[int, int] | None:
    """The (epoch, batch) a progress line shows, or None when it shows none."""
    found = COUNTERS.search(text)
    return None if found is None else (int(found.group(1)), int(found.group(2)))


def is_done(text: str | None) -> bool:
    """True when the progress line says the run is over (done, stopped, limit reached...), not training."""
    from i18n import translate

    return bool(text) and not text.startswith((translate("train.status_running", "en"),
                                               translate("train.status_ready", "en")))


@dataclass
class Run:
    """One student's run as their page showed it (times are time.monotonic())."""

    name: str
    kind: str  # "2d" or "fashion"
    shape: str = ""
    played: float | None = None
    moved: float | None = None  # the page first showed an epoch or batch above 0
    ended: float | None = None  # done seen, or Pause pressed
    done: bool = False
    epoch: int = 0  # the epoch shown at the end

    @property
    def first_move(self) -> float | None:
        """Seconds from Play to the first sign of training on the page."""
        return None if self.moved is None or self.played is None else self.moved - self.played

    @property
    def epochs_per_second(self) -> float | None:
        """The epoch shown at the end over the seconds since Play."""
        if self.played is None or self.ended is None or self.ended <= self.played:
            return None
        return self.epoch / (self.ended - self.played)

    def read(self, tab: Tab) -> None:
        """Take in what the page showed since Play: the first move and the last epoch."""
        for when, text in tab.shown:
            shown = counters(text)
            if shown is None or self.played is None or when < self.played:
                continue
            if self.moved is None and (shown[0] > 0 or shown[1] > 0):
                self.moved = when
            self.epoch = shown[0]
        tab.shown.clear()


@dataclass
class Plan:
    """When each student acts."""

    students: int
    ramp: float  # every student opens the page within this, then presses Play within this
    watch: float  # seconds a 2-D student watches before Pause
    epochs: int  # a 2-D student's run length
    deadline: float  # time.monotonic() after which nobody waits any longer
    play_at: float = 0.0  # the first Play

    def play_time(self, index: int) -> float:
        """When student `index` presses Play: spread over the ramp."""
        return self.play_at + index * self.ramp / max(1, self.students)


async def _until(moment: float) -> None:
    await asyncio.sleep(max(0.0, moment - time.monotonic()))


async def train_and_watch(url: str, index: int, plan: Plan, record: Record, run: Run, query: str,
                          values: tuple[tuple[str, object], ...], until_done: bool) -> None:
    """One student: open the Train page at `query`, set `values`, Play at their time, watch (for plan.watch s,
    or until done), Pause if still training. Errors go to `record.errors`; the others go on."""
    tab = Tab(url, query, record, run.name)
    try:
        await asyncio.sleep(index * plan.ramp / max(1, plan.students))
        await tab.open("train")
        for key, value in values:
            await tab.set_value(key, value, kind=f"set {key.removeprefix('train_')}")
        await _until(plan.play_time(index))
        tab.shown.clear()
        run.played = time.monotonic()
        await tab.press("train_play", kind="play")
        stop = plan.deadline if until_done else min(plan.deadline, run.played + plan.watch)
        while time.monotonic() < stop and not tab.closed:
            await asyncio.sleep(LOOK_EVERY)
            run.read(tab)
            if is_done(tab.last_progress):
                run.done, run.ended = True, time.monotonic()
                return
        if tab.closed:
            raise ConnectionError("the websocket closed")
        run.ended = time.monotonic()
        if until_done:
            record.errors.append(f"{run.name}: not done in time ({tab.last_progress!r})")
        for _ in range(50):  # the page may be redrawing itself (a run's live pace changed): Pause comes back
            if "train_pause" in tab.widget_ids:
                break
            await asyncio.sleep(0.1)
        await tab.press("train_pause", kind="pause")
    except Exception as error:  # a timeout or a lost websocket: counted, and the others go on
        record.errors.append(f"{run.name}: {type(error).__name__}: {str(error)[:160]}")
    finally:
        run.read(tab)
        await tab.close()


def circle_students(plan: Plan) -> list[tuple[Run, str, tuple, bool]]:
    """The circle class: everyone on playground_circle for plan.epochs."""
    return [(Run(f"student {i}", "2d", "playground_circle/circle"), "lang=en&preset=playground_circle",
             (("train_epochs", plan.epochs),), False) for i in range(plan.students)]


def mixed_students(plan: Plan) -> list[tuple[Run, str, tuple, bool]]:
    """The mixed class: a third on fashion_fast (2 epochs), the rest on 2-D networks of different shapes,
    interleaved so that both kinds press Play all along the ramp."""
    from i18n import translate

    fashion = round(plan.students / 3)
    students = []
    for i in range(plan.students):
        if i % 3 == 2 and sum(run.kind == "fashion" for run, *_ in students) < fashion:
            students.append((Run(f"student {i}", "fashion", "fashion_fast"), "lang=en&preset=fashion_fast", (), True))
            continue
        preset, data = SHAPES_2D[i % len(SHAPES_2D)], DATA_2D[(i // 3) % len(DATA_2D)]
        batch = BATCHES_2D[(i // 12) % len(BATCHES_2D)]
        values = (("train_data", translate(f"dataset.{data}", "en")), ("train_batch_size", batch),
                  ("train_epochs", plan.epochs))
        students.append((Run(f"student {i}", "2d", f"{preset}/{data}/b{batch}"), f"lang=en&preset={preset}",
                         values, False))
    return students


async def alone(url: str, runs: int, record: Record, deadline: float) -> list[float]:
    """fashion_fast trained by one student alone, `runs` times after a first that loads the data: Play-to-done
    seconds as the page shows it."""
    seconds = []
    for number in range(runs + 1):
        run = Run(f"alone {number}", "fashion")
        plan = Plan(1, 0.0, 0.0, 0, deadline, play_at=time.monotonic())
        await train_and_watch(url, 0, plan, record, run, "lang=en&preset=fashion_fast", (), True)
        if number and run.done:
            seconds.append(run.ended - run.played)
    return seconds


class QueueTail:
    """Reads the queue log while the class runs: each line with the time it was seen (its job's end)."""

    def __init__(self, path: Path):
        self.path, self.jobs, self._offset = path, [], 0

    def look(self) -> None:
        """Take in the lines written since the last look."""
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as log:
            log.seek(self._offset)
            text = log.read()
        complete = text[:text.rfind("\n") + 1]
        self._offset += len(complete.encode())
        now = time.monotonic()
        for line in complete.splitlines():
            job = json.loads(line)
            job["ended_at"] = now
            job["started_at"] = now - job.get("ran", 0.0)
            job["submitted_at"] = job["started_at"] - job.get("waited", 0.0)
            self.jobs.append(job)

    async def follow(self, stop: asyncio.Event) -> None:
        """Look every LOOK_EVERY seconds until `stop`, and once more after."""
        while not stop.is_set():
            self.look()
            await asyncio.sleep(LOOK_EVERY)
        self.look()


def whole_run_waits(jobs: list[dict]) -> int:
    """How many jobs waited behind another's whole run (see the module's docstring)."""
    whole = [job for job in jobs if job.get("turns", 1) == 1 and job.get("ran", 0.0) >= WHOLE_RUN]
    count = 0
    for job in jobs:
        for other in whole:
            overlap = min(other["ended_at"], job["started_at"]) - max(other["started_at"], job["submitted_at"])
            if other is not job and overlap > OVERLAP:
                count += 1
                break
    return count


def fair_shares(runs: list[Run], alone_seconds: float, step: float = 0.05) -> list[dict]:
    """Each finished FashionMNIST run: Play to done, the runs training beside it (itself included) on average
    over its life, its fair share (alone x that) and the ratio of the two."""
    training = [run for run in runs if run.moved is not None and run.ended is not None]
    shares = []
    for run in runs:
        if run.kind != "fashion" or not run.done:
            continue
        samples, moment = [], run.played
        while moment < run.ended:
            beside = sum(other.moved <= moment < other.ended for other in training if other is not run)
            samples.append(1 + beside)
            moment += step
        took, beside = run.ended - run.played, statistics.mean(samples or [1])
        shares.append({"name": run.name, "seconds": round(took, 2), "beside": round(beside, 2),
                       "fair_s": round(alone_seconds * beside, 2), "ratio": round(took / (alone_seconds * beside), 2)})
    return shares


def _median_worst(values: list[float], worst=max, digits: int = 2) -> dict:
    if not values:
        return {"count": 0}
    return {"count": len(values), "median": round(statistics.median(values), digits),
            "worst": round(worst(values), digits)}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def figures(runs: list[Run], record: Record, jobs: list[dict], alone_seconds: list[float]) -> dict:
    """The scenario's figures, JSON-ready: per kind, first moves and epochs/s (median and worst student),
    interactions and polls, errors, whole-run waits, every run's own figures and, for FashionMNIST, fair
    shares."""
    from bench.load_test import spread  # not at the top: load_test imports this module

    result = {"students": len(runs), "errors": record.errors, "interaction_s": spread(record.all_interactions),
              "by_kind_s": {kind: spread(times) for kind, times in sorted(record.interactions.items())},
              "poll_s": spread(record.polls), "polls_sent": record.polls_sent, "feed_s": spread(record.feeds),
              "jobs_logged": len(jobs), "whole_run_waits": whole_run_waits(jobs)}
    for kind in sorted({run.kind for run in runs}):
        mine = [run for run in runs if run.kind == kind]
        moves = [run.first_move for run in mine if run.first_move is not None]
        result[kind] = {"runs": len(mine), "never_moved": len(mine) - len(moves),
                        "first_move_s": _median_worst(moves),
                        "epochs_per_s": _median_worst([run.epochs_per_second for run in mine
                                                       if run.epochs_per_second is not None], worst=min, digits=1),
                        "done": sum(run.done for run in mine)}
    result["runs"] = [{"name": run.name, "shape": run.shape, "first_move_s": _rounded(run.first_move),
                       "epochs_per_s": _rounded(run.epochs_per_second), "done": run.done} for run in runs]
    if alone_seconds:
        alone_median = statistics.median(alone_seconds)
        shares = fair_shares(runs, alone_median)
        result["fashion_alone_s"] = [round(s, 2) for s in alone_seconds]
        result["fair_shares"] = shares
        result["worst_fair_ratio"] = max((share["ratio"] for share in shares), default=None)
    return result


async def run_scenario(url: str, scenario: str, plan: Plan, record: Record, queue_log: Path,
                       alone_runs: int) -> dict:
    """One class of `scenario` ("circle" or "mixed") against the server at `url`: its figures."""
    alone_seconds = await alone(url, alone_runs, record, plan.deadline) if scenario == "mixed" else []
    students = (mixed_students if scenario == "mixed" else circle_students)(plan)
    tail, stop = QueueTail(queue_log), asyncio.Event()
    follower = asyncio.create_task(tail.follow(stop))
    plan.play_at = time.monotonic() + plan.ramp + 2.0  # everyone has opened the page before the first Play
    await asyncio.gather(*(train_and_watch(url, index, plan, record, run, query, values, until_done)
                           for index, (run, query, values, until_done) in enumerate(students)))
    stop.set()
    await follower
    return figures([run for run, *_ in students], record, tail.jobs, alone_seconds)


def scenario_table(result: dict) -> str:
    """A few lines a person reads: per kind, first moves and speeds; interactions; fair shares."""
    lines = [f"students {result['students']}, errors {len(result['errors'])}, "
             f"whole-run waits {result['whole_run_waits']} of {result['jobs_logged']} jobs logged"]
    for kind in ("2d", "fashion"):
        if kind in result:
            r = result[kind]
            move, speed = r["first_move_s"], r["epochs_per_s"]
            lines.append(f"{kind:>7}: {r['runs']} runs, never moved {r['never_moved']}, done {r['done']}; "
                         f"Play to first move median {move.get('median')} s, worst {move.get('worst')} s; "
                         f"epochs/s median {speed.get('median')}, worst {speed.get('worst')}")
    i, p, f = result["interaction_s"], result["poll_s"], result["feed_s"]
    lines.append(f"interactions: {i.get('count')}, median {i.get('median')} s, p95 {i.get('p95')} s, "
                 f"max {i.get('max')} s; live-view polls {p.get('count')}, p95 {p.get('p95')} s; "
                 f"live-feed reads {f.get('count')}, median {f.get('median')} s, p95 {f.get('p95')} s")
    if "fair_shares" in result:
        lines.append(f"fashion_fast alone: {result['fashion_alone_s']} s; worst Play-to-done / fair share "
                     f"{result['worst_fair_ratio']} (must be <= 1.5)")
        lines += [f"  {s['name']}: {s['seconds']} s beside {s['beside']} runs, fair {s['fair_s']} s, "
                  f"ratio {s['ratio']}" for s in result["fair_shares"]]
    return "\n".join(lines)
