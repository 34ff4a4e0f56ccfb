"""Teacher mode: a lesson link carries text, hidden controls and the model; students see exactly that."""

from urllib.parse import parse_qs, urlsplit

import pytest
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


def test_a_link_can_hide_pages_and_the_training_settings_and_lock_values():
    lesson = Lesson("Lesson 5", frozenset({"page.tensors", "train.settings"}),
                    (("train_epochs", 7), ("train_lr", 0.03)))
    setup = encode_setup({"model": PRESETS["playground_circle"].to_dict(), "lesson": lesson.to_dict()})
    student = _app(query={"setup": setup})
    assert student.session_state["lesson"] == lesson
    with pytest.raises(ValueError, match="Known pages") as caught:  # gone from the menu: no way to open it
        student.switch_page("pages/tensors.py")
    assert "pages/model.py" in str(caught.value).split("Known pages")[1]
    assert "pages/tensors.py" not in str(caught.value).split("Known pages")[1]
    student.switch_page("pages/train.py").run()
    assert not student.exception
    assert student.session_state["train_settings_open"] is False  # folded, so not drawn
    assert "train_epochs" not in [box.key for box in student.number_input]
    student.session_state["train_settings_open"] = True  # opened by the student: shown, unchangeable
    student.run()
    assert student.select_slider(key="train_lr").disabled and student.number_input(key="train_epochs").disabled
    assert student.session_state["train_lr"] == 0.03 and student.session_state["train_epochs"] == 7
    student.session_state["train_epochs"] = 500  # even a changed session gets the teacher's value back
    student.run()
    assert student.session_state["train_epochs"] == 7


def test_a_lesson_keeps_only_known_locks_with_plain_values():
    lesson = Lesson.from_dict({"text": "x", "hide": ["page.tensors", "page.teacher", "nope"],
                               "lock": {"train_lr": 0.1, "train_epochs": True, "os.system": "rm",
                                        "train_loss": "x" * 99, "train_optimizer": "adam"}})
    assert lesson.hidden == {"page.tensors"}  # the Teacher page itself cannot be hidden
    assert lesson.locks == (("train_lr", 0.1), ("train_optimizer", "adam"))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_teacher_locks_the_values_they_see(lang):
    app = _app(lang)
    app.switch_page("pages/teacher.py").run()
    app.pills(key="teacher_lock").set_value(["train_lr"]).run()
    link = app.main.code[-1].value
    setup = decode_setup(parse_qs(urlsplit(link).query)["setup"][0])
    assert list(setup["lesson"]["lock"]) == ["train_lr"] and isinstance(setup["lesson"]["lock"]["train_lr"], float)
    assert not app.exception
