"""The one image the CNN section looks at: a FashionMNIST test image, an uploaded picture, or a drawing."""

from __future__ import annotations

import streamlit as st
import torch

from engine import PlaygroundError
from engine.inside.image_input import image_from_bytes
from ui.language import error_text, t
from ui.layers import shared_fashion_test_set
from ui.layers_cnn.pad import drawn_image


def choose_image() -> tuple[torch.Tensor, int | None]:
    """The chosen (28, 28) image in [0, 1] and its FashionMNIST class when it is a test image (else None)."""
    fashion = shared_fashion_test_set()
    kinds = (["test"] if fashion is not None else ["random"]) + ["upload", "pad"]
    kind = st.segmented_control(t("cnn.image"), kinds, default=kinds[0], key="cnn_image_kind", required=True,
                                format_func=lambda v: t(f"cnn.image_{v}"))
    if kind == "test":
        images, labels = fashion
        index = int(st.number_input(t("cnn.test_index"), 0, len(images) - 1, 0, key="cnn_test_index"))
        return images[index, 0].float() / 255, int(labels[index])
    if kind == "upload":
        upload = st.file_uploader(t("cnn.upload"), type=["png", "jpg", "jpeg", "gif", "bmp", "webp"], key="cnn_upload",
                                  help=t("cnn.upload_help"))
        if upload is not None:
            try:
                return image_from_bytes(upload.getvalue()), None
            except PlaygroundError as error:
                st.error(error_text(error), icon=":material/error:")
        st.caption(t("cnn.upload_waiting"))
        return torch.zeros(28, 28), None
    if kind == "pad":
        st.caption(t("cnn.pad_hint"))
        return drawn_image(), None
    return torch.rand(28, 28, generator=torch.Generator().manual_seed(0)), None
