"""Data the Data page (and others) share: one copy per server process, and the student's own upload.

Shared data sets sit in `st.cache_resource`, so every student reads the same uint8 tensors; what a
student uploads lives only in their `st.session_state`.
"""

from __future__ import annotations

import streamlit as st

from engine.data import TensorData, load_dataset
from engine.data import fashion_mnist as fashion
from engine.errors import PlaygroundError
from i18n import catalog
from ui.language import error_text, t

UPLOAD_KEY = "data_upload"  # the student's TensorData made from their CSV (read by other pages)
FALLBACK_IMAGES = "digits"


@st.cache_resource(show_spinner=False)
def shared_dataset(name: str) -> TensorData:
    """A registry data set with default options, loaded once per server process."""
    return load_dataset(name)


def image_dataset() -> TensorData:
    """FashionMNIST when the server has it, else the offline digits with a message (and a download button)."""
    if fashion.local_dir() is not None:
        try:
            return shared_dataset("fashion_mnist")
        except PlaygroundError as error:  # damaged files: say so, keep the page working
            st.error(error_text(error))
    st.info(t("data.fashion_missing"), icon=":material/cloud_off:")
    if st.button(t("data.fashion_download"), key="data_fashion_download", icon=":material/download:"):
        if _download_fashion():
            st.rerun()
    return shared_dataset(FALLBACK_IMAGES)


def _download_fashion() -> bool:
    bar = st.progress(0.0)

    def report(index: int, name: str, done: int, total: int | None) -> None:
        share = done / total if total else 0.0
        size = f"{total / 1e6:.1f}" if total else "?"
        bar.progress(min((index + share) / len(fashion.FILES), 1.0),
                     text=t("data.downloading", file=name, done=done / 1e6, total=size))

    try:
        fashion.ensure_files(progress=report)
    except PlaygroundError as error:
        bar.empty()
        st.error(error_text(error))
        return False
    st.toast(t("data.download_done"))
    return True


def class_label(name: str) -> str:
    """A class name in the session's language where the catalog knows it (students' own classes stay as is)."""
    return t(f"class.{name}") if f"class.{name}" in catalog() else name
