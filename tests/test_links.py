"""Lesson links: a setup survives the URL exactly, and a broken or hostile link falls back safely."""

import base64
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from engine import PRESETS, PlaygroundError
from engine.links import MAX_LINK_CHARS, decode_setup, encode_setup
from tests.conftest import ROOT


def test_setup_round_trips_through_a_short_link():
    setup = {"model": PRESETS["fashion_mlp"].to_dict()}
    link = encode_setup(setup)
    assert decode_setup(link) == setup
    assert len(link) < 600 and link.replace("-", "").replace("_", "").isalnum()


def _pack(raw: bytes) -> str:
    return base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=")


@pytest.mark.parametrize("text", [
    "", "not-base64!!", "A" * (MAX_LINK_CHARS + 1), _pack(b"[1, 2]"), _pack(b'{"v": 99}'), _pack(b"{broken"),
    _pack(b'{"v": 1, "model": "' + b"x" * 200_000 + b'"}'),  # a zip bomb: tiny link, huge JSON
    encode_setup({"model": {}})[:-8],  # cut off
])
def test_bad_links_are_refused_with_a_clear_error(text):
    with pytest.raises(PlaygroundError) as caught:
        decode_setup(text)
    assert caught.value.key == "link_invalid"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_setup_or_a_link_error(text):
    try:
        assert isinstance(decode_setup(text), dict)
    except PlaygroundError:
        pass


def _open(query: dict) -> tuple[AppTest, list]:
    """Open the app with `query`; return it on the Model page, and the sidebar's warnings there."""
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.session_state["lang"] = "en"
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    app.switch_page("pages/model.py").run()
    return app, [w.value for w in app.sidebar.warning]


def test_opening_a_link_reproduces_the_model():
    app, warnings = _open({"setup": encode_setup({"model": PRESETS["dense_128"].to_dict()})})
    assert not app.exception and not warnings
    assert app.session_state["model_spec"] == PRESETS["dense_128"]
    assert "9,313" in " ".join(m.value for m in app.markdown)


def test_a_hostile_link_keeps_the_defaults_and_says_so():
    bad_model = {"input_shape": [4], "layers": [{"kind": "Linear", "args": {"in_features": 4, "out_features": -1}}]}
    for setup, reason in (("garbage", "could not be read"), (encode_setup({"model": bad_model}), "out_features")):
        app, warnings = _open({"setup": setup})
        assert not app.exception
        assert app.session_state["model_spec"] == PRESETS["fashion_mlp"]
        assert warnings and "defaults are shown" in warnings[0] and reason in warnings[0]


def test_the_share_popover_draws_the_link_when_opened_and_the_link_reproduces_the_model():
    app, _ = _open({})
    assert not [block for block in app.sidebar.code if "setup=" in block.value]  # closed: not built (ui/lazy.py)
    app.selectbox(key="model_preset").set_value("dense_128").run()
    app.session_state["share_open"] = True
    app.run()
    link = next(block.value for block in app.sidebar.code if "setup=" in block.value)
    reopened, warnings = _open({"setup": link.split("setup=", 1)[1]})
    assert not warnings and reopened.session_state["model_spec"] == PRESETS["dense_128"]
