"""The take-it-home download in a real browser: open the Train page's expander, click the button, and the
file that lands is the script (it compiles, its comments are in the page's language, an extra ticked before
folding and unfolding the expander is in it); screenshots of both."""

import pytest

from i18n import translate
from tests.browser import browser_page, needs_chromium, screenshot, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_train_page_downloads_the_script(app_url, lang):
    with browser_page(locale="ko-KR" if lang == "ko" else "en-US") as page:
        page.goto(f"{app_url}/train?lang={lang}")
        wait_for_app(page)
        title = page.get_by_text(translate("script.title", lang))
        title.click()
        button = page.get_by_role("button", name=translate("script.download_py", lang))
        button.wait_for(timeout=30_000)
        page.get_by_text(translate("script.save_weights", lang)).click()
        saving = page.get_by_role("checkbox", name=translate("script.save_weights", lang))
        page.wait_for_function("box => box.checked", arg=saving.element_handle(), timeout=30_000)
        title.click()  # folded: nothing in it is drawn (ui/lazy.py); the box keeps its tick (persist_state)
        button.wait_for(state="detached", timeout=30_000)
        title.click()
        button.wait_for(timeout=30_000)
        page.wait_for_timeout(1000)  # the expander's opening animation
        assert saving.is_checked()
        screenshot(page, f"train-script-{lang}")
        with page.expect_download(timeout=30_000) as download:
            button.click()
        assert download.value.suggested_filename == "torch_playground.py"
        script = open(download.value.path(), encoding="utf-8").read()
        compile(script, "torch_playground.py", "exec")
        assert ("# 역전파" if lang == "ko" else "# backpropagation") in script
        assert "torch.save(model.state_dict()" in script  # the ticked extra
        assert page.refused == []
