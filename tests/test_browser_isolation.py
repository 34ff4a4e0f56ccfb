"""Two students on one server (two browser contexts, two sessions): neither sees the other's model or upload."""

import pytest

from engine.data.bundled import iris_csv
from i18n import translate
from tests.browser import browser_page, needs_chromium, running_app, screenshot, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]

TWO_D_INPUT = "2"  # playground_2d takes two numbers per example


def small_csv() -> bytes:
    """Twenty rows of iris (the header and every seventh row): a different upload from the whole file."""
    lines = iris_csv().decode().splitlines()
    return "\n".join([lines[0], *lines[1::7]]).encode() + b"\n"


def open_fresh(page, url: str, path: str) -> None:
    page.goto(url)  # the entry script first, as tests/test_browser_data.py does
    wait_for_app(page)
    page.goto(f"{url}/{path}?lang=en")
    wait_for_app(page)


def upload(page, name: str, content: bytes) -> str:
    page.get_by_role("tab", name=translate("data.tab_csv", "en")).click()
    page.locator('input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    page.get_by_text(translate("data.csv_source", "en", name=name)).wait_for(timeout=30_000)
    page.get_by_role("button", name=translate("data.csv_load", "en")).click()
    loaded = page.get_by_text("Your data set:")
    loaded.wait_for(timeout=30_000)
    return loaded.inner_text()


def input_shape(page) -> str:
    return page.get_by_role("textbox", name=translate("model.input_shape", "en"), exact=True).input_value()


def go_to(page, nav_key: str) -> None:
    """In-app navigation (same session), not a new page load (which would be a new session)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_text(translate(nav_key, "en"), exact=True).click()
    wait_for_app(page)


def test_two_sessions_keep_their_own_model_and_upload():
    with running_app() as url, browser_page() as ann:
        bob = ann.context.browser.new_context(locale="en-US", viewport={"width": 1400, "height": 1000}).new_page()
        open_fresh(ann, url, "model")
        open_fresh(bob, url, "model")
        default_shape = input_shape(bob)
        assert default_shape != TWO_D_INPUT

        # Ann loads another network; Bob's model page, redrawn, still shows his own.
        ann.get_by_role("combobox", name=translate("model.preset", "en")).click()
        ann.get_by_role("option", name=f"playground_2d — {translate('preset.playground_2d', 'en')}").click()
        wait_for_app(ann)
        assert input_shape(ann) == TWO_D_INPUT
        go_to(bob, "nav.train")  # Bob's session runs again, after Ann's change
        go_to(bob, "nav.model")
        assert input_shape(bob) == default_shape

        # Ann uploads the whole iris file; Bob sees no upload, then uploads his own smaller one.
        go_to(ann, "nav.data")
        ann_text = upload(ann, "iris.csv", iris_csv())
        go_to(bob, "nav.data")
        bob.get_by_role("tab", name=translate("data.tab_csv", "en")).click()
        assert bob.get_by_text("Your data set:").count() == 0
        bob_text = upload(bob, "few.csv", small_csv())
        assert "120 training" in ann_text and "120 training" not in bob_text

        # Back and forth inside Ann's session: her upload and her model are still hers.
        go_to(ann, "nav.train")
        go_to(ann, "nav.data")
        ann.get_by_role("tab", name=translate("data.tab_csv", "en")).click()
        assert ann.get_by_text("Your data set:").inner_text() == ann_text
        go_to(ann, "nav.model")
        assert input_shape(ann) == TWO_D_INPUT
        screenshot(bob, "classroom-isolation-bob-en")
        for page in (ann, bob):
            assert page.locator('[data-testid="stException"]').count() == 0
        assert ann.refused == []
