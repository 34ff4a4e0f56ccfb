"""When a run's live view may poll rarely (ui/train/queue_views.py): only while nothing on its page can move
before the next poll."""

from ui.train.queue_views import QUEUE_POLL_SECONDS, off_pace, polls_rarely

FAR, NEAR = QUEUE_POLL_SECONDS + 5, QUEUE_POLL_SECONDS / 2


def test_a_run_training_now_or_next_in_line_polls_at_the_live_pace():
    assert not polls_rarely(0, False, 0.0)  # training now
    assert not polls_rarely(1, False, FAR)  # next: its turn may come any moment
    assert not polls_rarely(None, False, None)  # not in the queue


def test_a_run_far_back_in_line_polls_rarely_until_its_turn_is_near():
    assert polls_rarely(5, False, FAR)
    assert polls_rarely(5, False, None)  # whole runs ahead: nobody knows how long
    assert not polls_rarely(5, False, NEAR)


def test_a_run_resting_between_turns_polls_rarely_until_its_next_turn_is_near():
    assert polls_rarely(0, True, FAR)
    assert not polls_rarely(0, True, NEAR)


def test_a_live_view_takes_a_new_pace_only_when_it_is_twice_off():
    assert not off_pace(0.25, 0.25) and not off_pace(0.25, 0.4) and not off_pace(1.0, 0.6)
    assert off_pace(0.25, 1.0)  # thirty train now: poll four times slower
    assert off_pace(1.0, 0.25)  # the class has gone home: back to the live pace
