"""The Data page's run of tutorial 003's `CustomImageDataset` on real files: PNG images and a labels.csv."""

from __future__ import annotations

import inspect

import streamlit as st

from engine.data.base import TensorData
from engine.data.image_folder import HEAD_LINES, PER_CLASS, CustomImageDataset, read_image, run_custom_dataset
from engine.errors import PlaygroundError
from ui.language import error_text, t

RESULT_KEY = "data_custom_dataset"  # (data set name, FolderRun): kept so the download survives its rerun


def render_custom_dataset(data: TensorData) -> None:
    """The handout's class and a button that runs it on files written from `data`, then `len(ds)`, `ds[0]`
    and the first lines of labels.csv (offered for download)."""
    st.markdown(t("data.custom_title"))
    st.caption(t("data.custom_intro"))
    st.code(inspect.getsource(read_image) + "\n\n" + inspect.getsource(CustomImageDataset), language="python")
    count = PER_CLASS * len(data.class_names)
    if st.button(t("data.custom_run", count=count), key="data_custom_run", icon=":material/folder_open:"):
        try:
            st.session_state[RESULT_KEY] = (data.name, run_custom_dataset(data))
        except PlaygroundError as error:
            st.error(error_text(error))
            return
    stored = st.session_state.get(RESULT_KEY)
    if stored is None or stored[0] != data.name:
        return
    run = stored[1]
    st.code('ds = CustomImageDataset(os.path.join(img_dir, "labels.csv"), img_dir)\n'
            f"len(ds)  # {run.length}\nimage, label = ds[0]\n"
            f"image.shape, image.dtype, label  # {run.image.shape} {run.image.dtype} {run.label}", language="python")
    image_col, csv_col = st.columns([1, 3])
    image_col.image(run.image[0].numpy(), caption=t("data.custom_first", label=run.label), width=112)
    csv_col.caption(t("data.custom_csv", lines=HEAD_LINES))
    csv_col.code(run.head, language="text")
    csv_col.download_button(t("data.custom_download"), run.labels_csv, file_name="labels.csv", mime="text/csv",
                            key="data_custom_csv", icon=":material/download:")
    st.caption(t("data.custom_cleaned", folder=run.folder))
