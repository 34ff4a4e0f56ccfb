"""Who this browser is, without accounts: an unguessable token in a cookie, or a resume code typed in.

The cookie comes with the websocket's first request, so every replica behind nginx reads it; a new
token is written into the cookie by a line of JavaScript in the page (Streamlit cannot set cookies).
"""

from __future__ import annotations

import json

import streamlit as st

from store.work import new_token

COOKIE = "torch_playground_token"
TOKEN_KEY = "store_token"
MAX_AGE = 400 * 24 * 3600  # the longest a browser keeps a cookie: a school year and more


def _cookie() -> str | None:
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser behind the session (AppTest, bare mode)
        return None
    return value if isinstance(value, str) and 20 <= len(value) <= 64 else None


def current_token() -> str:
    """This browser's token: the session's, else the cookie's, else a new one (written into the cookie)."""
    if TOKEN_KEY not in st.session_state:
        token = _cookie()
        if token is None:
            token = new_token()
            st.session_state["store_set_cookie"] = True
        st.session_state[TOKEN_KEY] = token
    return st.session_state[TOKEN_KEY]


def adopt_token(token: str) -> None:
    """Make `token` (found by a resume code) this browser's, in the session and the cookie."""
    st.session_state[TOKEN_KEY] = token
    st.session_state["store_set_cookie"] = True


def write_cookie() -> None:
    """Write the session's token into the browser's cookie, once after it changed (path /: every page, replica)."""
    if not st.session_state.pop("store_set_cookie", False):
        return
    value = json.dumps(f"{COOKIE}={st.session_state[TOKEN_KEY]}; path=/; max-age={MAX_AGE}; SameSite=Lax")
    st.html(f"<script>document.cookie = {value};</script>", unsafe_allow_javascript=True, width="content")
