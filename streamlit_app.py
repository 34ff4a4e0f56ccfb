"""Entry point: the shared sidebar and the navigation over pages/, nothing else."""

import streamlit as st

from ui.course.panel import render_course_panel
from ui.gc_freeze import freeze_after_imports
from ui.language import t
from ui.links import apply_link
from ui.pages import PAGES
from ui.saving.class_join import follow_class
from ui.saving.session import restore_session, save_session
from ui.sidebar import render_sidebar
from ui.tablet import fold_sidebar_on_tablets
from ui.teacher.lesson import render_lesson_text, shown

restore_session()  # first: a reload or another replica finds this browser's saved work (store/)
st.set_page_config(page_title=t("app.title"), page_icon="🧠", layout="wide")
apply_link()  # before any widget is drawn, so a lesson link can set them (and hide pages from the menu)
navigation = st.navigation([st.Page(page.path, title=t(page.title_key), icon=page.icon) for page in PAGES
                            if page is PAGES[0] or shown(f"page.{page.url_path}")])
follow_class()  # a lesson the teacher pushed to the class (its model, text and page)
render_sidebar()
render_course_panel()
fold_sidebar_on_tablets()  # last in the sidebar
render_lesson_text()
navigation.run()
save_session(navigation.url_path or "home")  # what changed goes to the writer thread; the page never waits on it
freeze_after_imports()  # a page's first visit imported modules: keep the GC from walking them (ui/gc_freeze.py)
