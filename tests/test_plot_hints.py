"""Each chart has one line under it on what to look for, in the student's language."""

import pytest

from i18n import translate
from tests.test_pages import open_page


def _hint(name: str, lang: str) -> str:
    return translate("plot.look_for", lang, hint=translate(f"plot.{name}", lang))


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize(("page", "hints"), [
    ("pages/activations.py", ("activations", "softmax")),
    ("pages/data.py", ("histograms", "points_2d", "temperature_data")),
])
def test_charts_say_what_to_look_for(page, hints, lang):
    app = open_page(page, lang)
    captions = [caption.value for caption in app.caption]
    for name in hints:
        assert _hint(name, lang) in captions, name
    assert not app.exception
