"""What students type is parsed one thread at a time (engine/inside/parsing.py): Python 3.11's AST
constructor fails now and then ("recursion depth mismatch") when two threads parse at once."""

from __future__ import annotations

import subprocess
import sys
import threading

from engine.inside import parsing
from engine.inside.tensors import parse_data
from tests.browser import ROOT

# Eight threads, as eight students' page runs, each parsing a table of numbers 300 times while making
# garbage that the collector (set to run often) finalizes with Python code, which switches threads.
STRESS = r"""
import gc, threading
from engine.inside.parsing import parse_expression

text = repr([[i * 0.5 for i in range(30)] for _ in range(10)])
errors = []


class Finalized:
    def __del__(self):
        sum(range(50))


def page_runs():
    for _ in range(300):
        junk = [Finalized() for _ in range(20)]
        junk.append([junk])
        try:
            parse_expression(text)
        except SystemError as error:
            errors.append(str(error))


gc.set_threshold(100, 2, 2)
threads = [threading.Thread(target=page_runs) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(len(errors))
"""


def test_eight_threads_parsing_at_once_never_fail():
    # In a fresh interpreter: the collector's thresholds are process-wide. Unlocked, this failed 35 times.
    result = subprocess.run([sys.executable, "-c", STRESS], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


def test_a_parse_waits_while_another_thread_parses():
    done = []
    with parsing._ONE_AT_A_TIME:  # another page run, parsing now
        student = threading.Thread(target=lambda: done.append(parse_data("[[1, 2], [3, 4]]")))
        student.start()
        student.join(0.3)
        assert student.is_alive() and not done  # waiting its turn
    student.join(10)
    assert done == [[[1, 2], [3, 4]]]
