"""The guided course's data: every path follows a tutorial, every exercise is checked by the engine."""

import pytest

from engine.course import PATHS
from engine.course.exercises import InFeaturesExercise, parse_number, parse_shape
from engine.network.presets import PRESETS
from i18n import LANGUAGES, catalog
from ui.pages import PAGES

STEPS = [(path, step) for path in PATHS.values() for step in path.steps]
IDS = [f"{path.key}-{step.key}" for path, step in STEPS]


def test_one_path_per_tutorial_in_order():
    assert list(PATHS) == ["t000", "t001", "t002", "t003", "t004"]
    for path in PATHS.values():
        assert 4 <= len(path.steps) <= 8, path.key
        assert path.title


@pytest.mark.parametrize(("path", "step"), STEPS, ids=IDS)
def test_step_has_its_texts_page_and_control(path, step):
    for field in ("title", "point", "question", "hint"):
        ko, en = catalog()[path.step_key(step, field)]
        assert ko and en
        assert field == "title" or ko != en, "said in Korean, not copied from the English"
    assert step.page in {page.path for page in PAGES}
    assert step.control in catalog()


@pytest.mark.parametrize(("path", "step"), STEPS, ids=IDS)
def test_exercise_accepts_the_right_answer_and_refuses_a_wrong_one(path, step):
    exercise = step.exercise
    assert exercise.check(exercise.answer()).right
    wrong = exercise.check("7")  # no exercise's answer is 7
    assert not wrong.right
    assert wrong.reason in catalog()


@pytest.mark.parametrize(("path", "step"), [s for s in STEPS if s[1].figure], ids=[i for s, i in zip(STEPS, IDS)
                                                                                   if s[1].figure])
def test_figure_is_computed(path, step):
    assert step.figure().strip()


def test_parameter_count_comes_from_the_spec():
    step = next(s for s in PATHS["t000"].steps if s.key == "model")
    assert step.exercise.check("669,706").right
    assert step.exercise.check(str(PRESETS["fashion_mlp"].parameter_count())).right
    assert step.exercise.check("669,696").reason == "course.reason.too_low"  # the biases' 10 forgotten


def test_shape_answers_are_read_as_torch_prints_them():
    assert parse_shape("torch.Size([32, 784])") == parse_shape("(32, 784)") == parse_shape("32x784") == (32, 784)
    assert parse_shape("no idea") is None
    assert parse_number("669,706") == 669706 and parse_number("nan") is None
    flatten = next(s for s in PATHS["t000"].steps if s.key == "flatten").exercise
    assert flatten.check("[32, 784]").right
    assert flatten.check("[32, 1, 784]").reason == "course.reason.rank"
    assert flatten.check("[3, 784]").reason == "course.reason.sizes"


def test_in_features_fix_is_checked_by_building_the_spec():
    exercise = InFeaturesExercise(PRESETS["walkthrough"], 3)
    assert exercise.with_in_features(20) == PRESETS["walkthrough"]
    assert exercise.check("20").right
    assert exercise.check("784").reason == "course.reason.mismatch"
    assert exercise.check("2.5").reason == "course.reason.not_count"


def test_regression_loss_is_chosen_by_the_registry_task():
    exercise = next(s for s in PATHS["t001"].steps if s.key == "loss").exercise
    assert exercise.check("MSELoss").right and exercise.check("L1Loss").right
    assert exercise.check("CrossEntropyLoss").reason == "course.reason.wrong_option"


def test_softmax_sum_and_float32_sum():
    from engine.course.figures import softmax_sums

    float32, float64 = softmax_sums()
    assert float64 == pytest.approx(1.0, abs=1e-12)
    assert float32 == pytest.approx(1.0, abs=1e-6)


def test_the_random_note_is_said_once_per_path_at_most():
    assert "train.printout_random" in catalog()
    for path in PATHS.values():
        assert sum(step.random for step in path.steps) <= 1, path.key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_course_strings_exist_in_both_languages(lang):
    for key, pair in catalog().items():
        if key.startswith("course."):
            assert pair[LANGUAGES.index(lang)].strip(), key
