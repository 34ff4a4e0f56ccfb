"""The Korean catalog speaks the Korean PyTorch tutorials' terms, one word per idea.

The tutorials (tutorials.pytorch.kr, the class's handouts) say 변화도 for a gradient, 에폭, 정답 for a label,
연산 그래프; regularization (L1/L2) is 규제 here, since the tutorials' 정규화 is normalization. A curriculum
file is a 튜토리얼 ("tutorial 003" in English): "seed" means a random seed. Each rule below is one row:
add a row for a new term rather than a new test.
"""

import re
from dataclasses import dataclass

import pytest

from engine.data.fashion_mnist import CLASS_NAMES
from engine.device import DeviceInfo
from engine.errors import PlaygroundError
from i18n import catalog
from ui.language import device_label, error_text

# 기울기 is a slope f'(x): only these strings about the Activations page's derivatives may say it.
SLOPE_KEYS = frozenset({"act.sensitive_at", "act.saturated_below", "act.why", "lessons.activations"})


@dataclass(frozen=True)
class Banned:
    """A Korean word (a regex) no Korean string may use, but for the keys in `allowed`."""

    pattern: str
    why: str
    allowed: frozenset = frozenset()


BANNED = [
    Banned("기울기", "a gradient is 변화도 (tutorial 003); 기울기 only for a slope f'(x)", SLOPE_KEYS),
    Banned("그[래라]디언트|경사도", "a gradient is 변화도"),
    Banned("정규화", "L1/L2 regularization is 규제; 정규화 is normalization, which no string is about yet"),
    Banned("시드 *\\d{3}", "a curriculum file is a 튜토리얼 (e.g. 튜토리얼 003); 시드 is a random seed"),
    Banned("스니커즈", "FashionMNIST's Sneaker is 운동화, the same name everywhere"),
    Banned("에포크", "an epoch is 에폭, as in the tutorials"),
    Banned("라벨|레이블", "a label is 정답, as in the tutorials"),
    Banned("계산 그래프", "the tutorials call it 연산 그래프"),
    Banned("기대하", "'expects' read as translated: say what is needed (…여야 하는데, …인데)"),
    Banned("손으로 쓴", "'hand-written' read as translated"),
    Banned("softmax 확률", "소프트맥스, as everywhere else in Korean"),
]

# (what the English says, the word the Korean must use there, keys where the English idea is not the term)
REQUIRED = [
    (r"\bgradients?\b", "변화도", frozenset()),
    (r"regulari[sz]", "규제", frozenset()),
    (r"\bsneaker\b", "운동화", frozenset()),
    (r"\btutorials? \d{3}", "튜토리얼", frozenset()),
]

# A curriculum file in English: "tutorial 003", never "seed 003" (that reads as torch.manual_seed(3)).
ENGLISH_BANNED = [r"\bseeds? \d{3}", r"\bthe seed's (example|own)", r"\(seed\)"]

# Sentences that name a button use the button's own label, in both languages.
BUTTON_MENTIONS = [("train.press_play", "train.play"), ("error.train_worker_lost", "train.play")]


def _korean(key: str) -> str:
    return catalog()[key][0]


@pytest.mark.parametrize("rule", BANNED, ids=lambda rule: rule.pattern)
def test_no_korean_string_uses_a_banned_term(rule):
    offenders = sorted(key for key, (korean, _) in catalog().items()
                       if re.search(rule.pattern, korean) and key not in rule.allowed)
    assert not offenders, f"{rule.why}: {offenders}"


def test_the_slope_exceptions_still_exist():
    # a renamed key would leave a stale exception that hides nothing but allows anything later
    assert SLOPE_KEYS <= catalog().keys()


@pytest.mark.parametrize("english, korean, exceptions", REQUIRED, ids=lambda value: str(value)[:20])
def test_the_korean_says_the_chosen_term(english, korean, exceptions):
    keys = [key for key, (_, text) in catalog().items() if re.search(english, text, re.IGNORECASE)]
    assert keys, f"no English string matches {english!r}: the rule is stale"
    missing = sorted(key for key in keys if key not in exceptions and korean not in _korean(key))
    assert not missing, f"English {english!r} without {korean} in Korean: {missing}"


@pytest.mark.parametrize("pattern", ENGLISH_BANNED)
def test_english_says_tutorial_for_a_curriculum_file(pattern):
    offenders = sorted(key for key, (_, english) in catalog().items() if re.search(pattern, english, re.IGNORECASE))
    assert not offenders, offenders


def test_fashion_mnist_classes_have_one_korean_name_each():
    # three tables name them (Data/Train pages, Layers page, the Export page's drawing): the same words
    for index, name in enumerate(CLASS_NAMES):
        korean = _korean(f"class.{name}")
        assert _korean(f"layers.class_{index}") == korean, name
        # the Export page keeps torchvision's names: "티셔츠/탑" for T-shirt/top
        assert _korean(f"export.fashion_{index}").split("/")[0] == korean, name


@pytest.mark.parametrize("sentence, button", BUTTON_MENTIONS)
def test_sentences_name_buttons_by_their_labels(sentence, button):
    for language in (0, 1):
        assert catalog()[button][language] in catalog()[sentence][language], (sentence, language)


def test_train_buttons_are_not_bare_nouns():
    # "학습" alone reads as a heading, not as something to press
    labels = [_korean(f"train.{key}") for key in ("play", "pause", "step", "step_epoch", "reset")]
    assert "학습" not in labels and "일시 정지" not in labels and "처음부터" not in labels
    assert len(set(labels)) == len(labels)


def test_error_values_are_translated():
    error = PlaygroundError("train_loss_task", loss="MSELoss", task="classification", name="circle",
                            suggestions="CrossEntropyLoss")
    korean = error_text(error, "ko")
    assert "classification" not in korean and "circle" not in korean
    assert "분류 데이터셋" in korean and _korean("dataset.circle") in korean
    english = error_text(error, "en")
    assert "a classification data set" in english and "Circle (classification)" in english
    typed = PlaygroundError("spec_bad_arg_type", index=0, kind="Linear", arg="in_features", expected="int", value=1.5)
    assert "정수(int)" in error_text(typed, "ko") and "must be int" in error_text(typed, "en")
    # a name that is not a data set (an unknown loss) stays as the student typed it
    assert "'circle'" in error_text(PlaygroundError("train_unknown_loss", name="circle", known="mse"), "ko")


def test_device_labels_are_translated():
    cpu = DeviceInfo("cpu", "CPU (2 cores)", 2)
    assert device_label(cpu, "ko") == "CPU (코어 2개)" and device_label(cpu, "en") == "CPU (2 cores)"
    assert device_label(DeviceInfo("cpu", "CPU (1 core)", 1), "en") == "CPU (1 core)"
    assert device_label(DeviceInfo("cuda", "NVIDIA H200"), "ko") == "NVIDIA H200"


def _train_page_image_views(folder: str, lang: str) -> None:
    # runs inside AppTest: the Train page's views of an image classifier, on a tiny fake FashionMNIST
    import streamlit as st

    from engine import PRESETS
    from engine.data.fashion_mnist import load_fashion_mnist
    from engine.training import Trainer
    from engine.training.recommended import recommended_config
    from ui.train.task_views import render_task_views

    st.session_state["lang"] = lang
    trainer = Trainer(PRESETS["fashion_fast"], load_fashion_mnist(folder), recommended_config("fashion_fast"))
    render_task_views(trainer)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_train_page_names_classes_in_the_session_language(tmp_path, lang):
    import json

    from streamlit.testing.v1 import AppTest

    from tests.data_helpers import small_fashion_files

    for name, content in small_fashion_files(n_train=20, n_test=12).items():
        (tmp_path / name).write_bytes(content)
    app = AppTest.from_function(_train_page_image_views, args=(str(tmp_path), lang), default_timeout=60).run()
    assert not app.exception
    heatmap = json.loads(app.get("plotly_chart")[0].proto.spec)["data"][0]
    names = [catalog()[f"class.{name}"][0 if lang == "ko" else 1] for name in CLASS_NAMES]
    assert heatmap["type"] == "heatmap" and heatmap["x"] == names and heatmap["y"] == names
