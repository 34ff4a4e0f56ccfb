"""The classroom remembers, as a person sees it: a student builds and trains in Chromium, reloads, and finds
the same model and history; the server is killed (SIGKILL) and started again: the same again."""

from __future__ import annotations

import os
import re
import signal

import pytest

from engine import PRESETS
from tests.browser import browser_page, needs_chromium, start_app, stop_app, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]
COUNTER = '[class*="st-key-train_epoch_counter"]'
EPOCHS = 4


def epoch_counter(page) -> str:
    """The Train page's "Epoch n · step m" line."""
    page.locator(COUNTER).first.wait_for(timeout=60_000)
    return page.locator(COUNTER).first.inner_text()


def model_parameters(page, url: str) -> bool:
    """True when the Model page shows playground_2d's parameter count (the restored model)."""
    page.goto(f"{url}/model?lang=en")
    wait_for_app(page)
    return f"{PRESETS['playground_2d'].parameter_count():,}" in page.content()


def train_a_little(page, url: str) -> str:
    """Build and train: playground_2d on the Train page for a few epochs; the epoch counter it ends on."""
    page.goto(f"{url}/train?lang=en&preset=playground_2d")
    wait_for_app(page)
    epochs = page.get_by_label("Epochs")
    epochs.fill(str(EPOCHS))
    epochs.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Play", exact=True).click()
    page.wait_for_function(f"() => (document.querySelector('{COUNTER}')?.innerText || '')"
                           f".startsWith('Epoch {EPOCHS} ')", timeout=120_000)
    wait_for_app(page)  # the run's end redraws the page, which hands the run to the writer
    trained = epoch_counter(page)
    assert re.match(rf"Epoch {EPOCHS} · step \d+", trained)
    page.wait_for_timeout(1500)  # the writer thread writes within moments
    return trained


def test_reload_and_a_killed_server_keep_the_model_and_history(tmp_path):
    env = {"TORCH_PLAYGROUND_DATABASE_URL": f"sqlite:///{tmp_path / 'playground.db'}"}
    process, url = start_app(env)
    try:
        with browser_page() as page:
            page.goto(url)
            wait_for_app(page)
            trained = train_a_little(page, url)

            page.reload()  # Streamlit starts a new session: only the store (and the cookie) remember
            wait_for_app(page)
            assert epoch_counter(page) == trained
            assert page.get_by_label("Epochs").input_value() == str(EPOCHS)
            assert model_parameters(page, url)

            os.kill(process.pid, signal.SIGKILL)  # no goodbye: whatever was saved is all there is
            process.wait(10)
            process, url = start_app(env)  # another port, the same host: the browser sends its cookie again
            page.goto(f"{url}/train?lang=en")
            wait_for_app(page)
            assert epoch_counter(page) == trained
            assert model_parameters(page, url)
            assert page.locator('[data-testid="stException"]').count() == 0
            assert page.refused == []
    finally:
        stop_app(process)
