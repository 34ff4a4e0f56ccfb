"""A classroom on one server: N simulated students open pages and train a small model at the same time.

    nice .venv/bin/python bench/load_test.py --students 1 10 30
    nice .venv/bin/python bench/load_test.py --students 30 100 --store sqlite   # or postgresql, none
    nice .venv/bin/python bench/load_test.py --students 100 --replicas 2       # two servers behind nginx

Each student is a websocket client that speaks Streamlit's own protocol (bench/load_client.py): to the
server it is a browser tab (it sends the same rerun requests, widget values and fragment polls, and
gets every element of every run), but it costs the machine next to nothing, so the 2 cores measure the
server and not thirty Chromium tabs. For each class size a fresh server starts as the class starts it
(ui/startup.py, which warms it up) on a free port of 127.0.0.1 (loopback only), is then visited by one
tab that opens the students' pages and trains 1 epoch (so no first-of-its-kind run lands in the
students' figures), and is always stopped at the end.

A student: opens a teacher's link to the Train page (TF Playground's 2-D network), sets a number of
epochs nobody else uses (20 + their number), presses Play, then reads the Train page (its live view
polls while the run waits or trains), looks at another page (Tensors, Build a model), comes back, and so
on until their run is done; they keep browsing until the whole class is done (and 3 visits at least).
Between two actions a student thinks 2-5 s (uniform). Students arrive spread over --ramp seconds.

Printed per class size:
- errors: exceptions or error messages on a page, interactions not answered within 30 s, lost
  websockets, a run not finished in time, and a Train page showing another student's epochs (one
  session seeing another's state);
- interactions: the time from sending an interaction (open, set epochs, Play, a page change) until the
  server's script_finished for it: median, 95th percentile, max; and the same for the live view's polls;
- the queue (TORCH_PLAYGROUND_QUEUE_LOG): runs done, waiting time median and max, running time median;
- the machine's 1-minute load average while the class ran, and before it started (the machine is shared);
- the store (--store: a fresh SQLite file, a fresh database on a throwaway PostgreSQL server, or none):
  lost saves (a student whose finished run is not in the database, as done with their epochs, once the
  class is over), the writer's writes per student per minute and their p95 time, the database's size.

--replicas N: N servers behind Debian's nginx with the route cookie of deploy/nginx.conf.template,
sharing the store, each warmed up and keeping its pages to a core of its own (TORCH_PLAYGROUND_PAGES_CORE,
replica i on core i); the students reach them through nginx. One server's pages run in one Python
process, which uses at most one core (the GIL).

Bounded: at most 100 students; each class size stops by itself after --seconds.

--scenario circle / mixed: issue 16's classes instead (bench/load_scenarios.py): everyone presses Play
within --ramp seconds and watches the live view for --watch seconds (circle: all on playground_circle;
mixed: 2-D networks of different shapes and a third on fashion_fast). Printed: each run's time from Play
to its first move, epochs/s (median and worst student), interactions, errors, whole-run waits, and each
FashionMNIST run's Play-to-done time against its fair share.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_client import BROWSE, EPOCHS_SHOWN, Lesson, Record, Tab, student  # noqa: E402
from bench.load_scenarios import Plan, run_scenario, scenario_table  # noqa: E402
from classroom.processes import PAGES_CORE_ENV  # noqa: E402
from tests.browser import running_app  # noqa: E402

MAX_STUDENTS = 100
FIRST_EPOCHS = 20  # student i trains 20 + i epochs: a number no other student of the class uses
CLIENT_NICE = 5  # the simulated students run below the server: in a classroom they are other machines


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0..1) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def server_cpu_seconds() -> float:
    """CPU seconds used so far by the server this bench started and everything it started (training
    processes too): the server's work, whatever else the shared machine runs."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    todo = _children(os.getpid())
    while todo:
        pid = todo.pop()
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(value) for value in fields[11:15]) / tick  # utime stime cutime cstime
            todo += _children(pid)
    return total


async def _sample_load(samples: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.append(os.getloadavg()[0])
        await asyncio.sleep(2)


async def warm_up(url: str) -> None:
    """One tab opens the pages the students visit and trains 1 epoch: whatever a server does once, on its
    first visits and first Play, is done before the students come."""
    tab = Tab(url, "lang=en&preset=playground_2d", Record(), "warm-up", timeout=120)
    await tab.open("train")
    await tab.set_value("train_epochs", 1)
    for page in (*BROWSE, "train"):  # back on the Train page the settings are folded: not drawn, kept
        await tab.go_to(page)
    await tab.press("train_play")
    for _ in range(120):
        if tab.last_progress and EPOCHS_SHOWN.search(tab.last_progress).group(1) == "1":
            break
        await asyncio.sleep(0.5)
    await tab.close()


@contextlib.contextmanager
def served(env: dict, replicas: int = 1):
    """`replicas` app servers with `env` (one: the server itself; more: behind nginx, as
    deploy/nginx.conf.template routes a class, each keeping its pages to a core of its own); yields the
    students' URL and the servers' own URLs."""
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(running_app({**env, PAGES_CORE_ENV: str(index)}))
                for index in range(max(1, replicas))]
        if len(urls) == 1:
            yield urls[0], urls
            return
        from tests.nginx import nginx_in_front

        yield stack.enter_context(nginx_in_front(urls)), urls


async def run_class(url: str, replicas: list[str], students: int, seconds: float, ramp: float,
                    first_epochs: int = FIRST_EPOCHS) -> tuple[Record, list[float], float, float]:
    """All students of one class against the server (or nginx) at `url`, whose `replicas` are each warmed
    up first: the students' record, load samples, wall time and the servers' CPU seconds."""
    for replica in replicas:
        await warm_up(replica)
    cpu_before, client_before = server_cpu_seconds(), time.process_time()
    record, load, stop = Record(), [], asyncio.Event()
    sampler = asyncio.create_task(_sample_load(load, stop))
    started = time.monotonic()
    lesson = Lesson(deadline=started + seconds, class_size=students)

    async def arrive(index: int) -> None:
        await asyncio.sleep(index * ramp / students)
        await student(url, index, first_epochs + index, lesson, record)

    await asyncio.gather(*(arrive(i) for i in range(students)))
    wall = time.monotonic() - started
    cpu = server_cpu_seconds() - cpu_before
    record.client_cpu = time.process_time() - client_before  # what simulating the students cost
    stop.set()
    await sampler
    return record, load, wall, cpu


async def scenario_class(url: str, scenario: str, students: int, args, queue_log: Path) -> dict:
    """One class of issue 16's `scenario` against the server at `url`: its figures, the server's cores and
    the machine's load average."""
    await warm_up(url)
    cpu_before, load, stop = server_cpu_seconds(), [], asyncio.Event()
    sampler = asyncio.create_task(_sample_load(load, stop))
    started, record = time.monotonic(), Record()
    plan = Plan(students, args.ramp, args.watch, args.epochs, deadline=started + args.seconds)
    result = await run_scenario(url, scenario, plan, record, queue_log, args.alone_runs)
    wall = time.monotonic() - started
    stop.set()
    await sampler
    cores = (server_cpu_seconds() - cpu_before) / wall
    result.update(scenario=scenario, wall_s=round(wall, 1), server_cores=round(cores, 2),
                  load_1min={"mean": round(statistics.mean(load), 2), "max": round(max(load), 2)} if load else None)
    return result


def spread(values: list[float], digits: int = 3) -> dict:
    """Count, median, 95th percentile and max of `values`."""
    if not values:
        return {"count": 0}
    return {"count": len(values), "median": round(statistics.median(values), digits),
            "p95": round(percentile(values, 0.95), digits), "max": round(max(values), digits)}


def summary(students: int, record: Record, load: list[float], wall: float, cpu: float, queue_log: Path,
            load_before: float, warm_jobs: int = 1) -> dict:
    """The figures for one class size, as one JSON-ready dict."""
    jobs = [json.loads(line) for line in queue_log.read_text().splitlines()] if queue_log.exists() else []
    jobs = jobs[warm_jobs:]  # the warm-up's run came first
    waited = [job["waited"] for job in jobs]
    ran = [job["ran"] for job in jobs if job["state"] == "done"]
    return {
        "students": students, "wall_s": round(wall, 1), "errors": record.errors,
        "runs_finished": record.finished,  # seen as done, with the student's own epochs, on their Train page
        "interaction_s": spread(record.all_interactions),
        "by_kind_s": {kind: spread(times) for kind, times in sorted(record.interactions.items())},
        "poll_s": spread(record.polls), "polls_sent": record.polls_sent, "feed_s": spread(record.feeds),
        "jobs_logged": len(jobs), "jobs_done": sum(job["state"] == "done" for job in jobs),
        "queue_wait_s": spread(waited, 2), "run_s": spread(ran, 2),
        "server_cores": round(cpu / wall, 2),  # the server's CPU seconds per second of the class
        "client_cores": round(record.client_cpu / wall, 2),  # the simulated students' own share
        "load_before": round(load_before, 2),
        "load_1min": {"mean": round(statistics.mean(load), 2), "max": round(max(load), 2)} if load else None,
    }


def _store_columns(store: dict | None) -> str:
    if store is None:
        return f"{'-':>10} {'-':>13} {'-':>11} {'-':>6}"
    return (f"{store['lost_saves']:>10} {store['writes_per_student_min']:>13.2f} "
            f"{store['write_s'].get('p95', 0):>11.4f} {store['db_mb']:>6.2f}")


def table(results: list[dict]) -> str:
    """The figures of every class size as a plain-text table, with a legend."""
    head = (f"{'students':>8} {'errors':>6} {'runs done':>9} {'interactions':>12} {'median s':>8} {'p95 s':>6} "
            f"{'max s':>6} {'poll p95':>8} {'wait med':>8} {'wait max':>8} {'server cores':>12} {'client cores':>12} "
            f"{'load before':>11} {'load mean/max':>13} {'lost saves':>10} {'writes/st/min':>13} {'write p95 s':>11} "
            f"{'db MB':>6}")
    lines = [head]
    for r in results:
        i, wait = r["interaction_s"], r["queue_wait_s"]
        load = r["load_1min"] or {"mean": 0, "max": 0}
        lines.append(
            f"{r['students']:>8} {len(r['errors']):>6} {str(r['runs_finished']) + '/' + str(r['students']):>9} "
            f"{i['count']:>12} {i.get('median', 0):>8.3f} {i.get('p95', 0):>6.3f} {i.get('max', 0):>6.3f} "
            f"{r['poll_s'].get('p95', 0):>8.3f} {wait.get('median', 0):>8.1f} {wait.get('max', 0):>8.1f} "
            f"{r['server_cores']:>12.2f} {r['client_cores']:>12.2f} {r['load_before']:>11.2f} "
            f"{load['mean']:>6.2f}/{load['max']:<6.2f} " + _store_columns(r["store"]))
    lines += ["",
              "interactions: open, set epochs, Play, page changes; seconds from the request to its script_finished",
              "poll p95: the Train page's live-view fragment reruns (what a browser sends by itself)",
              "runs done: seen done with the student's own epochs; wait: seconds in the training queue",
              "server cores: the server's CPU seconds (its training processes included) per second of the class;",
              "  client cores: the same for the simulated students (this process)",
              "load: the machine's 1-minute load average (2 cores, shared with other work), before and during",
              "store: finished runs missing from the database, the writer's writes per student per minute and",
              "  their p95 seconds, the database's size after the class"]
    return "\n".join(lines)


def store_env(kind: str, folder: Path, postgres) -> dict:
    """The server's environment for the store kind: its database URL and the writer's log of writes."""
    if kind == "none":
        return {"TORCH_PLAYGROUND_DATABASE_URL": "none"}
    url = f"sqlite:///{folder / 'playground.db'}" if kind == "sqlite" else postgres.create_database()
    return {"TORCH_PLAYGROUND_DATABASE_URL": url, "TORCH_PLAYGROUND_STORE_LOG": str(folder / "store.jsonl")}


def store_figures(env: dict, students: int, first_epochs: int, wall: float, folder: Path) -> dict | None:
    """After the class: lost saves (each student's finished run, as done, in the database), writes per
    student per minute and their p95 time (the writer's log), and the database's size in MB."""
    from sqlalchemy import create_engine, text

    url = env["TORCH_PLAYGROUND_DATABASE_URL"]
    if url == "none":
        return None
    engine = create_engine(url)
    wanted = {first_epochs + index for index in range(students)}
    query = text("SELECT DISTINCT epochs FROM runs WHERE status = 'done' AND epoch = epochs")
    for _ in range(30):  # the server's writer thread writes within moments of the last page
        with engine.connect() as connection:
            saved = {row[0] for row in connection.execute(query)}
        if wanted <= saved:
            break
        time.sleep(0.5)
    with engine.connect() as connection:
        if url.startswith("sqlite"):
            size = sum(path.stat().st_size for path in folder.glob("playground.db*"))
        else:
            size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
        rows = connection.execute(text("SELECT count(*) FROM students")).scalar()
    engine.dispose()
    log = folder / "store.jsonl"
    writes = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return {"lost_saves": len(wanted - saved), "students_saved": rows, "writes": len(writes),
            "writes_per_student_min": round(len(writes) / students / (wall / 60), 2),
            "write_s": spread([write["seconds"] for write in writes], 4), "db_mb": round(size / 1e6, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--seconds", type=float, default=300, help="bound for each class size")
    parser.add_argument("--ramp", type=float, default=10, help="students arrive spread over this many seconds")
    parser.add_argument("--first-epochs", type=int, default=FIRST_EPOCHS,
                        help="student i trains this + i epochs (more: longer runs, a queue busy all class long)")
    parser.add_argument("--store", choices=("sqlite", "postgresql", "none"), default="sqlite",
                        help="where the students' work is saved (postgresql: Debian's, started for the test)")
    parser.add_argument("--replicas", type=int, default=1,
                        help="class: this many servers behind nginx, sharing the store (one per core)")
    parser.add_argument("--out", type=Path, help="also write the figures here as JSON")
    parser.add_argument("--scenario", choices=("class", "circle", "mixed"), default="class",
                        help="class: the lesson above; circle, mixed: issue 16's (bench/load_scenarios.py)")
    parser.add_argument("--watch", type=float, default=60, help="circle, mixed: seconds a 2-D student watches")
    parser.add_argument("--epochs", type=int, default=10_000, help="circle, mixed: a 2-D student's epochs")
    parser.add_argument("--alone-runs", type=int, default=2,
                        help="mixed: fashion_fast runs alone before the class (after one that loads the data)")
    args = parser.parse_args()
    if args.scenario != "class":
        return scenarios(args)
    results = []
    postgres = None
    if args.store == "postgresql":
        from tests.postgres import PostgresServer, binaries

        postgres = PostgresServer(binaries())
        postgres.start()
    for students in args.students:
        students = max(1, min(students, MAX_STUDENTS))
        with tempfile.TemporaryDirectory() as folder:
            queue_log = Path(folder) / "queue.jsonl"
            load_before = os.getloadavg()[0]
            env = {"TORCH_PLAYGROUND_QUEUE_LOG": str(queue_log), **store_env(args.store, Path(folder), postgres)}
            with served(env, args.replicas) as (url, replicas):
                pid = os.getpid()
                niceness = os.getpriority(os.PRIO_PROCESS, pid)
                os.setpriority(os.PRIO_PROCESS, pid, min(19, niceness + CLIENT_NICE))  # the server keeps its own
                try:
                    record, load, wall, cpu = asyncio.run(
                        run_class(url, replicas, students, args.seconds, args.ramp, args.first_epochs))
                finally:
                    with contextlib.suppress(PermissionError):  # back up for the next server (root only)
                        os.setpriority(os.PRIO_PROCESS, pid, niceness)
            results.append(summary(students, record, load, wall, cpu, queue_log, load_before,
                                   warm_jobs=len(replicas)))
            results[-1]["replicas"] = len(replicas)
            results[-1]["store"] = store_figures(env, students, args.first_epochs, wall, Path(folder))
        print(json.dumps(results[-1]), flush=True)
    if postgres is not None:
        postgres.remove()
    print(table(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    ok = all(not r["errors"] and r["runs_finished"] == r["students"] == r["jobs_done"]
             and not (r["store"] or {}).get("lost_saves") for r in results)
    return 0 if ok else 1


def scenarios(args) -> int:
    """--scenario circle or mixed: one fresh server per class size, as for the lesson; 0 when no errors."""
    results = []
    for students in args.students:
        students = max(1, min(students, MAX_STUDENTS))
        with tempfile.TemporaryDirectory() as folder:
            queue_log = Path(folder) / "queue.jsonl"
            load_before = os.getloadavg()[0]
            env = {"TORCH_PLAYGROUND_QUEUE_LOG": str(queue_log), **store_env(args.store, Path(folder), None)}
            with running_app(env) as url:
                result = asyncio.run(scenario_class(url, args.scenario, students, args, queue_log))
        result["load_before"] = round(load_before, 2)
        results.append(result)
        print(json.dumps(result), flush=True)
        print(scenario_table(result), f"server cores {result['server_cores']}, load before {result['load_before']}, "
              f"during {result['load_1min']}", sep="\n", flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    return 0 if all(not result["errors"] for result in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
