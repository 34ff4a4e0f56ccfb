"""Each guided path in both languages: every step opens its page, and the panel checks its exercise.

The panel's selector is set through session_state before the first run: AppTest resends a selectbox
formatted with t() by its English label, which the Korean side would not know.
"""

import pytest
from streamlit.testing.v1 import AppTest

from engine.course import PATHS
from i18n import translate
from tests.conftest import ROOT
from ui.course.state import PATH_KEY, STEP_KEY, answer_key


def _open(path_key: str, step: int, lang: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.session_state["lang"] = lang
    app.session_state[PATH_KEY] = path_key
    app.session_state[STEP_KEY] = step
    return app


def _answer(app: AppTest, key: str, kind: str, text: str) -> None:
    widget = app.sidebar.radio(key=key) if kind == "choice" else app.sidebar.text_input(key=key)
    widget.set_value(text)
    app.sidebar.button(key="course.check").click().run()


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("path_key", list(PATHS))
def test_every_step_opens_its_page_and_checks_its_exercise(path_key, lang):
    path = PATHS[path_key]
    for index, step in enumerate(path.steps):
        app = _open(path_key, index, lang)
        app.run()
        title = translate(path.step_key(step, "title"), lang)
        assert any(title in md.value for md in app.sidebar.markdown), step.key
        random_note = translate("train.printout_random", lang)
        assert any(c.value == random_note for c in app.sidebar.caption) == step.random, step.key

        # The exercise first, on Home: a rerun of a page with a t()-formatted selectbox trips the quirk above.
        _answer(app, answer_key(path, step), step.exercise.kind, _wrong(step))
        assert not app.exception
        assert app.sidebar.warning and not app.sidebar.success, step.key
        _answer(app, answer_key(path, step), step.exercise.kind, step.exercise.answer())
        assert [s.value for s in app.sidebar.success] == [translate("course.right", lang)], step.key

        app.switch_page(step.page).run()
        assert not app.exception, (step.key, app.exception)
        assert app.title, step.key


def _wrong(step) -> str:
    """An answer the step's exercise must refuse: another option, or a number no exercise expects."""
    if step.exercise.kind == "choice":
        return next(option for option in step.exercise.options if not step.exercise.check(option).right)
    return "7"


def test_next_and_previous_walk_the_steps():
    app = _open("t003", 0, "en")
    app.run()
    app.sidebar.button(key="course.next").click().run()
    assert app.session_state[STEP_KEY] == 1
    app.sidebar.button(key="course.previous").click().run()
    assert app.session_state[STEP_KEY] == 0
    assert not app.exception


def test_wrong_tries_give_a_hint_then_the_answer():
    app = _open("t000", 1, "en")
    app.run()
    step = PATHS["t000"].steps[1]
    _answer(app, answer_key(PATHS["t000"], step), "number", "100")
    hint = translate(PATHS["t000"].step_key(step, "hint"), "en")
    assert any(hint in caption.value for caption in app.sidebar.caption)
    for _ in range(2):
        app.sidebar.button(key="course.check").click().run()
    assert any("669,706" in info.value for info in app.sidebar.info)


def test_home_lists_the_paths_and_starts_one():
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.session_state["lang"] = "ko"
    app.run()
    text = " ".join(md.value for md in app.markdown)
    for path in PATHS.values():
        assert path.title in text
    app.button(key="course.start.t002").click().run()
    assert app.session_state[PATH_KEY] == "t002" and app.session_state[STEP_KEY] == 0
    assert not app.exception


def test_a_link_opens_a_path_once():
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.query_params["course"] = "t004"
    app.query_params["lang"] = "en"
    app.run()
    assert app.session_state[PATH_KEY] == "t004" and app.session_state[STEP_KEY] == 0
    app.sidebar.button(key="course.next").click().run()
    assert app.session_state[STEP_KEY] == 1, "the link does not pull the student back to step 1"
    assert not app.exception
