"""ui/widget_state.py: the one-key view answers as Streamlit's own filtered_state does, on real sessions."""

from __future__ import annotations

import pytest
from streamlit.runtime.state.safe_session_state import SafeSessionState
from streamlit.runtime.state.session_state import SessionState
from streamlit.testing.v1 import AppTest

from ui.widget_state import FilteredView, _filtered_view, one_key_lookups


def _page():
    import streamlit as st

    st.session_state.setdefault("plain", 3)
    st.session_state.setdefault("empty", None)
    if "preset" not in st.session_state:
        st.session_state["preset"] = "y"  # set before its widget is drawn
    st.selectbox("preset", ["x", "y"], key="preset")
    st.session_state.setdefault("cleared", None)  # a widget set to None: the case Streamlit looks up
    st.selectbox("cleared", ["x", "y"], key="cleared")
    st.number_input("number", key="number", value=None)
    st.text_input("keyless")
    st.radio("radio", [1, 2], key="radio", index=None)
    st.checkbox("flag", key="flag")
    if st.session_state.get("runs", 0) == 0:
        st.slider("gone next run", 0, 5, key="gone")  # left behind in the old state once not drawn
    st.session_state["runs"] = st.session_state.get("runs", 0) + 1


def _session(runs: int) -> SessionState:
    app = AppTest.from_function(_page, default_timeout=60)
    for _ in range(runs):
        app.run()
        assert not app.exception
    app.checkbox(key="flag").check()
    app.run()
    assert not app.exception
    return app.session_state._state._state


@pytest.mark.parametrize("runs", [1, 2])
def test_the_view_answers_each_key_and_the_whole_as_the_original(runs):
    state = _session(runs)
    original = state.filtered_state  # Streamlit's own: the view never replaces SessionState's
    view = FilteredView(state, SafeSessionState(state, lambda: None)._lock)
    widget_ids = [key for key in state._keys() if key.startswith("$$ID")]
    assert widget_ids and {"plain", "empty", "preset", "cleared", "flag", "runs"} <= set(original)
    for key in [*original, *widget_ids, "missing", "$$STREAMLIT_INTERNAL_KEY_SCRIPT_RUN_WITHOUT_ERRORS", 7]:
        assert (key in view) == (key in original), key
        if key in original:
            assert view[key] == original[key], key
        else:
            with pytest.raises(KeyError):
                view[key]
    assert dict(view) == original and len(view) == len(original) and repr(view) == repr(original)
    assert original["cleared"] is None and view["cleared"] is None and view["flag"] is True


def test_installed_a_widget_set_to_none_through_session_state_still_shows_none(monkeypatch):
    monkeypatch.setattr(SafeSessionState, "filtered_state", SafeSessionState.filtered_state)  # put back after
    one_key_lookups()
    assert SafeSessionState.filtered_state.fget is _filtered_view

    def page():
        import streamlit as st

        st.session_state.setdefault("choice", None)
        st.write(repr(st.selectbox("choice", ["a", "b"], key="choice")))
        st.markdown(" ".join(sorted(st.session_state)))  # iterating: the whole dict, still right

    app = AppTest.from_function(page, default_timeout=60).run()
    assert not app.exception
    assert app.markdown[0].value == "None"  # without Streamlit's check the box would show its first option
    app.selectbox(key="choice").set_value("b").run()
    assert app.markdown[0].value == "'b'" and "choice" in app.markdown[1].value
