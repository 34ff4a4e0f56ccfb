"""A CSV upload through the real browser file input, on the running app (Chromium, loopback only)."""

import pytest

from engine.data.bundled import iris_csv
from i18n import translate
from tests.browser import browser_page, needs_chromium, running_app, screenshot, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]


def test_uploading_a_csv_in_chromium_makes_a_data_set():
    with running_app() as url, browser_page(locale="en-US") as page:
        page.goto(url)  # the entry script first: see the report on deep links to a fresh server
        wait_for_app(page)
        page.goto(f"{url}/data?lang=en")
        wait_for_app(page)
        page.get_by_role("tab", name=translate("data.tab_csv", "en")).click()
        page.locator('input[type="file"]').set_input_files(
            files=[{"name": "iris.csv", "mimeType": "text/csv", "buffer": iris_csv()}])
        page.get_by_text(translate("data.csv_source", "en", name="iris.csv")).wait_for(timeout=30_000)
        page.get_by_role("button", name=translate("data.csv_load", "en")).click()
        success = page.get_by_text("Your data set: 120 training · 30 test rows · 4 features · 3 classes")
        success.wait_for(timeout=30_000)
        screenshot(page, "data-csv-upload-en")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.refused == []
