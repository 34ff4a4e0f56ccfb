"""The arithmetic of issue 16's load-test classes (bench/load_scenarios.py): what a page's progress line says,
which runs waited behind another's whole run, and fair shares. The classes themselves run in
bench/load_test.py --scenario (timed, not a test)."""

from bench.load_scenarios import Run, counters, fair_shares, is_done, whole_run_waits


def test_counters_read_the_epoch_and_batch_in_either_language():
    assert counters("Training · epoch 3/10000 · batch 5/20") == (3, 5)
    assert counters("학습 중 · 에폭 0/2 · 배치 17/938") == (0, 17)
    assert counters("Ready") is None


def test_a_run_is_done_once_its_line_says_anything_but_training_or_ready():
    assert is_done("Done · epoch 2/2 · batch 0/938")
    assert is_done("Paused · epoch 40/10000 · batch 3/20")
    assert not is_done("Training · epoch 0/2 · batch 17/938")
    assert not is_done(None)


def _job(submitted: float, started: float, ended: float, turns: int) -> dict:
    return {"submitted_at": submitted, "started_at": started, "ended_at": ended, "turns": turns,
            "ran": ended - started, "waited": started - submitted}


def test_a_run_that_waited_through_another_whole_run_is_counted():
    long = _job(0.0, 0.0, 20.0, turns=1)
    behind = _job(1.0, 20.0, 23.0, turns=1)
    assert whole_run_waits([long, behind]) == 1


def test_runs_taking_turns_wait_behind_no_whole_run():
    first = _job(0.0, 0.0, 20.0, turns=30)  # many turns: it yielded whenever another waited
    second = _job(1.0, 1.6, 23.0, turns=25)
    short = _job(2.0, 2.1, 2.6, turns=1)  # one short turn (a tiny run) overlapping another's wait
    assert whole_run_waits([first, second, short]) == 0


def test_fair_share_counts_the_runs_training_beside_it_over_its_life():
    fashion = Run("f", "fashion", played=0.0, moved=0.5, ended=10.0, done=True)
    beside = Run("a", "2d", played=0.0, moved=0.0, ended=5.0)  # trained for the first half of its life
    never = Run("b", "2d", played=0.0)  # never moved: not training beside it
    [share] = fair_shares([fashion, beside, never], alone_seconds=4.0, step=0.01)
    assert abs(share["beside"] - 1.5) < 0.02
    assert abs(share["ratio"] - 10.0 / 6.0) < 0.02
