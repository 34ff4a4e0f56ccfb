"""The handouts' import cell and empty class, copied into the app, equal the tutorials' text."""

from engine.codegen.handout import CLASS_SKELETON, HANDOUT_IMPORTS
from tests.seed_text import seed_text


def test_the_import_cell_is_seed_000s_003s_and_004s_verbatim():
    for number in (0, 3, 4):
        assert f"\n{HANDOUT_IMPORTS}\n" in seed_text(number)


def test_the_empty_class_is_seed_002s_verbatim():
    assert f"\n{CLASS_SKELETON}\n" in seed_text(2)
    namespace = {"torch": __import__("torch")}
    exec(CLASS_SKELETON, namespace)  # it runs: an empty Module whose forward returns None
    assert namespace["NeuralNetwork"]()(None) is None
