"""Many students on one server, in headless Chromium: a closed tab frees its place for the next student,
and a second student's run moves while the first one's goes on (2-D runs train together in the gang)."""

import time

import pytest

from classroom.queue import SLICE_SECONDS
from tests.browser import browser_page, needs_chromium, running_app, screenshot, set_epochs, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]

# Waiting: Streamlit's progress bar; training: the live view's line (in the component's shadow root, which
# Playwright's locators reach and document.querySelector does not).
PROGRESS = ('.live .status', '[data-testid="stProgress"]')

def open_train(page, url: str) -> None:
    page.goto(f"{url}/train?lang=en&preset=playground_2d")
    wait_for_app(page)

def progress_text(page) -> str:
    """The page's progress line now, or "" when it has none (read without waiting: a rerun may remove it)."""
    for selector in PROGRESS:
        texts = page.locator(selector).all_inner_texts()
        if texts:
            return texts[0]
    return ""


def wait_for_progress(page, check, timeout: float) -> None:
    """Wait until `check(progress_text(page))` holds, for at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not check(progress_text(page)):
        assert time.monotonic() < deadline, f"the progress line still says {progress_text(page)!r}"
        page.wait_for_timeout(100)

def open_long_run(page, url: str) -> None:
    """Open the Train page with a run of many minutes set: it ends early only if something stops it."""
    open_train(page, url)
    set_epochs(page, 10_000)


def start_long_run(page, url: str) -> None:
    open_long_run(page, url)
    page.get_by_role("button", name="Play", exact=True).click()
    wait_for_progress(page, lambda text: "Training" in text, timeout=60)


def test_closing_a_tab_stops_its_run_and_the_next_student_starts():
    # A gang of one (2-D runs train in the gang): the second student waits until the first tab's run is stopped.
    with running_app({"TORCH_PLAYGROUND_GANG_SIZE": "1", "TORCH_PLAYGROUND_SLICE": "0"}) as url, \
            browser_page() as first:
        second = first.context.browser.new_context(locale="en-US", viewport={"width": 1400, "height": 1000}).new_page()
        start_long_run(first, url)

        open_long_run(second, url)  # still training when the test looks (100 epochs end within a poll)
        second.get_by_role("button", name="Play", exact=True).click()
        queued = second.get_by_text("Place 1 in the queue")
        queued.wait_for(timeout=30_000)  # the gang's only place is the first student's run
        time.sleep(3)
        assert queued.count() == 1 and "epoch 0/" in progress_text(second)  # still waiting, nothing trained
        screenshot(second, "classroom-queued-en")

        first.close()  # the student closes the tab mid-run
        closed = time.monotonic()
        queued.wait_for(state="detached", timeout=20_000)
        wait_for_progress(second, lambda text: text and "epoch 0/" not in text, timeout=20)
        waited = time.monotonic() - closed
        # The watchdog forgives 3 s (a reconnecting tab), looks every 0.5 s, the page redraws every 1 s.
        assert waited < 10, f"the second student waited {waited:.1f} s after the first tab closed"
        assert second.locator('[data-testid="stException"]').count() == 0
        assert first.refused == []


def test_a_second_students_run_moves_while_the_first_ones_goes_on():
    with running_app({"TORCH_PLAYGROUND_WORKERS": "1", "TORCH_PLAYGROUND_SLICE": str(SLICE_SECONDS)}) as url, \
            browser_page() as first:
        second = first.context.browser.new_context(locale="en-US", viewport={"width": 1400, "height": 1000}).new_page()
        start_long_run(first, url)
        open_train(second, url)
        pressed = time.monotonic()
        second.get_by_role("button", name="Play", exact=True).click()
        wait_for_progress(second, lambda text: "Training" in text and "epoch 0/" not in text, timeout=30)
        moved = time.monotonic() - pressed
        assert "Training" in progress_text(first)  # the first run goes on: the two train together in the gang
        # The page redraws every 0.25-1 s; a busy shared box adds its share.
        assert moved < 8, f"the second student's run first moved {moved:.1f} s after Play"
        assert second.locator('[data-testid="stException"]').count() == 0
