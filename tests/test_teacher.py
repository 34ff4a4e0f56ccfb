"""Teacher mode: a lesson link carries text, hidden controls and the model; students see exactly that."""

from urllib.parse import parse_qs, urlsplit

from streamlit.testing.v1 import AppTest

from engine import PRESETS
from engine.links import decode_setup, encode_setup
from tests.conftest import ROOT
from ui.pages import PAGES
from ui.teacher.lesson import HIDEABLE, Lesson
from ui.teacher.presets import LESSON_PRESETS


def _app(lang="en", query=None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.session_state["lang"] = lang
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    return app


def test_teacher_builds_a_link_that_students_open():
    app = _app()
    app.switch_page("pages/teacher.py").run()
    app.selectbox(key="teacher_preset").set_value("layers").run()
    app.pills(key="teacher_hide").set_value(["model.code", "model.json"]).run()
    link = app.main.code[-1].value
    query = parse_qs(urlsplit(link).query)
    assert query["lang"] == ["en"]
    setup = decode_setup(query["setup"][0])
    assert setup["model"] == PRESETS["walkthrough"].to_dict()
    assert setup["lesson"]["hide"] == ["model.code", "model.json"]
    assert setup["lesson"]["text"].startswith("Step 4")

    student = _app(query={"setup": query["setup"][0]})
    assert student.info[0].value.startswith("Step 4")
    student.switch_page("pages/model.py").run()
    assert not student.exception
    labels = [tab.label for tab in student.tabs]
    assert "PyTorch code" not in labels and "print(model)" in labels
    assert student.session_state["model_spec"] == PRESETS["walkthrough"]


def test_hidden_language_switch_and_edited_lesson_parts_are_safe():
    lesson = {"text": "x" * 10_000, "hide": ["sidebar.language", "rm -rf", 3]}
    app = _app(query={"setup": encode_setup({"model": PRESETS["dense_128"].to_dict(), "lesson": lesson})})
    assert not app.exception
    assert not app.sidebar.radio, "the teacher hid the language switch"
    assert app.session_state["lesson"] == Lesson("x" * 2000, frozenset({"sidebar.language"}))


def test_every_lesson_preset_has_text_in_both_languages_and_a_known_model():
    from i18n import catalog
    for lesson in LESSON_PRESETS:
        assert lesson.text_key in catalog() and lesson.title_key in catalog()
        assert lesson.preset is None or lesson.preset in PRESETS
        assert lesson.page in {page.path for page in PAGES}, f"{lesson.id} opens a page that exists"
    assert all(label in catalog() for label in HIDEABLE.values())
