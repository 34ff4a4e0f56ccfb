"""The teacher's class view with a full class: how long a redraw takes.

    .venv/bin/python bench/class_view.py --students 30

Makes a throwaway SQLite store (or uses $TORCH_PLAYGROUND_DATABASE_URL), a class of N students who each
saved a model and 5 runs, then prints the median of 5: the class view's queries (`class_students` +
`leaderboard`), and the whole teacher page redrawn through AppTest (the class view's fragment included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("TORCH_PLAYGROUND_DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/playground.db")

    from streamlit.testing.v1 import AppTest

    from engine import PRESETS
    from store.classes import class_students, create_class, join_class, leaderboard
    from store.work import Run, new_token, save_run, save_work

    code, _ = create_class()
    for index in range(args.students):
        token = new_token()
        join_class(token, code, f"student{index:03d}")
        spec = PRESETS["fashion_mlp" if index % 2 else "playground_2d"]
        save_work(token, page="train", spec=spec.to_dict())
        for run in range(5):
            history = [{"epoch": e, "train_loss": 0.5, "train_accuracy": 80.0, "test_loss": 0.4,
                        "test_accuracy": 50.0 + index % 40 + run, "seconds": 0.2} for e in range(1, 21)]
            save_run(token, Run(new_token()[:32], "done", {"data": "circle", "epochs": 20}, "preset",
                                spec.to_dict(), 20, 4.0, history))

    def median_of(work) -> float:
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    app = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "streamlit_app.py"), default_timeout=120)
    app.session_state["lang"] = "ko"
    app.run()
    app.switch_page("pages/teacher.py")
    app.session_state["teacher_class"] = code
    app.run()  # first draw: imports and caches
    queries = median_of(lambda: (class_students(code), leaderboard(code)))
    page = median_of(app.run)
    assert not app.exception and len(app.dataframe[0].value) == args.students
    print(f"students {args.students} · queries median {queries:.3f} s · whole page redraw median {page:.3f} s "
          f"(of {args.repeat}) · load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
