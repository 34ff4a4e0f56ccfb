"""Data: seed 003 sections 2-3 (Dataset, DataLoader, transforms), the 2-D and temperature sets, your CSV."""

import streamlit as st

from ui.data.points import render_csv_upload, render_playground_sets, render_temperature
from ui.data.state import image_dataset
from ui.data.views import render_loader, render_samples, render_transforms
from ui.language import t
from ui.pages import require_entry

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py

st.title(t("data.title"))
st.caption(t("data.intro"))

tabs = st.tabs([t("data.tab_samples"), t("data.tab_loader"), t("data.tab_transforms"), t("data.tab_2d"),
                t("data.tab_temperature"), t("data.tab_csv")])
with tabs[0]:
    images = image_dataset()  # FashionMNIST, or the offline digits with a message saying why
    render_samples(images)
with tabs[1]:
    render_loader(images)
with tabs[2]:
    render_transforms(images)
with tabs[3]:
    render_playground_sets()
with tabs[4]:
    render_temperature()
with tabs[5]:
    render_csv_upload()
