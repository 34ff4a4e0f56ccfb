"""A widget's look at session state without copying all of it (a server process only).

Streamlit's selectbox, number_input, radio, text_input and others each ask `filtered_state` whether their
key holds None, and `filtered_state` builds a dict of the whole session state to answer: every widget of a
page run walks every key of the session (streamlit/streamlit#9415). A student's session holds dozens of
keys and the Model page draws dozens of widgets, so a class spent a large share of its page time there
(docs/measurements.md). `one_key_lookups` makes `filtered_state` a read-only view that answers for one key
from the same dicts Streamlit reads, and builds the whole dict only when asked for all of it (iterating,
its length, printing). tests/test_widget_state.py holds the view to the original on real sessions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from streamlit.runtime.state.common import is_element_id, is_keyed_element_id
from streamlit.runtime.state.safe_session_state import SafeSessionState
from streamlit.runtime.state.session_state import STREAMLIT_INTERNAL_KEY_PREFIX


class FilteredView(Mapping):
    """`SessionState.filtered_state`'s answers, one key at a time, under the session's lock."""

    def __init__(self, state: Any, lock: Any):
        self._state, self._lock, self._all = state, lock, None

    def _present(self, key: str) -> bool | None:
        """Whether `key` is in the filtered state, or None where only the whole dict can say."""
        state = self._state
        if not isinstance(key, str) or is_element_id(key) or key.startswith(STREAMLIT_INTERNAL_KEY_PREFIX):
            return None
        widget_id = state._get_widget_id(key)
        if widget_id == key:  # a plain session key: it is there as itself, or not at all
            return key in state._new_session_state or key in state._old_state
        if (not is_keyed_element_id(widget_id) or widget_id.startswith(STREAMLIT_INTERNAL_KEY_PREFIX)
                or state._key_id_mapper.id_key_mapping.get(widget_id) != key):
            return None
        return (widget_id in state._new_widget_state or widget_id in state._old_state or key in state._old_state
                or widget_id in state._new_session_state or key in state._new_session_state)

    def _whole(self) -> dict[str, Any]:
        if self._all is None:
            self._all = self._state.filtered_state  # SessionState's own, never replaced: the whole dict
        return self._all

    def __contains__(self, key: object) -> bool:
        with self._lock:
            present = self._present(key)
            return present if present is not None else key in self._whole()

    def __getitem__(self, key: str) -> Any:
        with self._lock:
            present = self._present(key)
            if present is None:
                return self._whole()[key]
            if not present:
                raise KeyError(key)
            return self._state[key]  # the value filtered_state holds for it: the same lookups, presented

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            return iter(dict(self._whole()))

    def __len__(self) -> int:
        with self._lock:
            return len(self._whole())

    def __repr__(self) -> str:
        with self._lock:
            return repr(self._whole())


def _filtered_view(safe_state: Any) -> FilteredView:
    return FilteredView(safe_state._state, safe_state._lock)


def one_key_lookups() -> None:
    """Make `filtered_state`, as widgets read it (SafeSessionState), a FilteredView in this process; the
    server calls it once before serving (ui/startup.py)."""
    SafeSessionState.filtered_state = property(_filtered_view)
