"""What the pages draw with: one folder or file per page, plus the app's shared parts.

Shared: `language.py` (the session's language, `t()`), `pages.py` (the menu), `sidebar.py`, `links.py`
(setup links), `script_download.py` (the take-home script on any page), `startup.py` (the server's start:
a warm-up, then Streamlit), `gc_freeze.py` (what imports leave, kept out of the garbage collector's way).
Per page: `tensors.py`, `data/`, `model/`, `layers.py`, `activations.py`, `autograd.py`, `train/`,
`export/`, `teacher/`. Every ko/en text is in the catalog, `i18n/`.
"""
