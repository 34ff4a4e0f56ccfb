"""The take-it-home download in a real browser: open the Train page's expander, click the button, and the
file that lands is the script (it compiles, its comments are in the page's language); screenshots of both."""

import pytest

from i18n import translate
from tests.browser import browser_page, needs_chromium, screenshot, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_train_page_downloads_the_script(app_url, lang):
    with browser_page(locale="ko-KR" if lang == "ko" else "en-US") as page:
        page.goto(f"{app_url}/train?lang={lang}")
        wait_for_app(page)
        page.get_by_text(translate("script.title", lang)).click()
        button = page.get_by_role("button", name=translate("script.download_py", lang))
        button.wait_for(timeout=30_000)
        page.wait_for_timeout(1000)  # the expander's opening animation
        screenshot(page, f"train-script-{lang}")
        with page.expect_download(timeout=30_000) as download:
            button.click()
        assert download.value.suggested_filename == "torch_playground.py"
        script = open(download.value.path(), encoding="utf-8").read()
        compile(script, "torch_playground.py", "exec")
        assert ("# 역전파" if lang == "ko" else "# backpropagation") in script
        assert page.refused == []
