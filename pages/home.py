"""Home: what the playground is, where it trains, and a link to every page."""

import streamlit as st

from engine.device import available_devices
from ui.course.home import render_course_list
from ui.language import device_label, t
from ui.pages import PAGES, require_entry

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py

st.title(t("app.title"))
st.markdown(t("home.intro"))

devices = available_devices()
st.subheader(t("home.device_heading"))
st.markdown(t("home.device_line", device=device_label(devices[0]), name=devices[0].name))
if len(devices) > 1:
    st.caption(t("home.device_others", others=", ".join(device_label(d) for d in devices[1:])))

render_course_list()

st.subheader(t("home.pages_heading"))
for page in PAGES[1:]:
    with st.container(border=True):
        st.page_link(page.path, label=t(page.title_key), icon=page.icon)
        st.caption(t(page.blurb_key))
