"""Streamlit's own English texts, and numbers typed out of range, in the student's language."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.test_pages import open_tab


def _app(lang: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.session_state["lang"] = lang
    return app.run()


@pytest.mark.parametrize(("lang", "words"), [("ko", "대신 10,000(으)로"), ("en", "to the nearest, 10,000")])
def test_an_epoch_count_over_the_limit_is_put_back_in_range_with_a_message(lang, words):
    app = _app(lang)
    app.switch_page("pages/train.py").run()
    app.number_input(key="train_epochs").set_value(123_456).run()
    assert app.number_input(key="train_epochs").value == 10_000
    assert app.session_state["train_epochs"] == 10_000
    assert any(words in caption.value and "123,456" in caption.value for caption in app.caption)
    assert not app.exception

    app.number_input(key="train_epochs").set_value(7).run()  # a good value clears the message
    assert app.session_state["train_epochs"] == 7
    assert not any("123,456" in caption.value for caption in app.caption)


def test_a_negative_seed_becomes_zero_and_a_float_box_keeps_floats():
    app = _app("en")
    app.switch_page("pages/tensors.py").run()
    open_tab(app, "tensors_tab", "tensors.tab_index")
    app.number_input(key="tensors_value").set_value(250.5).run()
    assert app.session_state["tensors_value"] == 100.0
    assert any("250.5" in caption.value for caption in app.caption)
    assert not app.exception


@pytest.mark.parametrize(("lang", "upload", "limit"), [("ko", "파일 올리기", "파일 하나에"), ("en", None, None)])
def test_the_uploader_and_enter_hint_speak_korean_on_the_korean_side(lang, upload, limit):
    app = _app(lang)
    app.switch_page("pages/data.py").run()
    styles = " ".join(block.proto.body for block in app.get("html"))
    if upload is None:
        assert "stFileUploaderDropzone" not in styles and "InputInstructions" not in styles
    else:
        assert upload in styles and limit in styles and "Enter 키를 누르면" in styles
    assert not app.exception
