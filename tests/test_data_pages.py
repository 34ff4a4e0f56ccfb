"""The Tensors and Data pages: key interactions through the real entry point (AppTest), both languages."""

import re

import pytest
import torch

from engine.data import fashion_mnist
from engine.data.bundled import iris_csv
from i18n import translate
from tests.test_pages import open_page, open_tab

DATA, TENSORS = "pages/data.py", "pages/tensors.py"


def _codes(app) -> str:
    return "\n".join(code.value for code in app.main.code)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_data_page_shows_a_batch_with_the_seeds_shapes(lang):
    app = open_page(DATA, lang)
    assert not app.exception
    assert "torch.Size([64, 1, 28, 28])" in _codes(app) or "torch.Size([64, 1, 8, 8])" in _codes(app)
    assert "torch.Size([64])" in _codes(app)
    assert "class SplitDataset(Dataset):" in _codes(app) and "def __getitem__" in _codes(app)
    app.select_slider(key="data_batch").set_value(16).run()
    assert "torch.Size([16])" in _codes(app) and not app.exception


@pytest.mark.skipif(fashion_mnist.local_dir() is None,
                    reason="FashionMNIST is not on this machine (FASHION_MNIST_DIR unset)")
def test_data_page_uses_real_fashion_mnist_when_present():
    app = open_page(DATA, "en")
    assert any("60,000 training" in caption.value for caption in app.caption)
    assert "torch.Size([64, 1, 28, 28])" in _codes(app)
    assert "'T-Shirt'" in _codes(app)  # the seed's labels_map in the shown code


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_tutorials_custom_dataset_runs_on_files_from_the_dataloader_tab(lang):
    app = open_page(DATA, lang)
    assert "class CustomImageDataset(Dataset):" in _codes(app)
    app.button(key="data_custom_run").click().run()
    assert not app.exception
    assert "len(ds)  # 20" in _codes(app) and "torch.Size([1, 28, 28]) torch.uint8 0" in _codes(app) \
        or "torch.Size([1, 8, 8]) torch.uint8 0" in _codes(app)
    assert any(code.value.startswith("tshirt1.png,0\n") or code.value.startswith("digit01.png,0\n")
               for code in app.main.code)
    button = next(b for b in app.get("download_button") if b.proto.id.endswith("data_custom_csv"))
    assert button.proto.label == translate("data.custom_download", lang)


def test_without_fashion_mnist_the_page_falls_back_and_explains(tmp_path, monkeypatch):
    monkeypatch.setenv("FASHION_MNIST_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = open_page(DATA, "ko")
    assert not app.exception
    assert app.info[0].value == translate("data.fashion_missing", "ko")
    assert "torch.Size([64, 1, 8, 8])" in _codes(app)
    app.button(key="data_fashion_download").click().run()
    assert not app.exception and "FASHION_MNIST_DIR" in app.error[0].value  # what to do, in Korean


def test_two_d_sets_regenerate_and_follow_the_sliders():
    app = open_page(DATA, "en")
    app.selectbox(key="data_2d_name").set_value("spiral").run()
    app.slider(key="data_2d_ratio").set_value(80).run()
    assert any("400 training · 100 test" in caption.value for caption in app.caption)
    app.button(key="data_2d_regenerate").click().run()
    assert app.number_input(key="data_2d_seed").value == 1 and not app.exception
    app.selectbox(key="data_2d_name").set_value("reg_gauss").run()
    assert any("960 training · 240 test" in caption.value for caption in app.caption)


def test_temperature_split_shows_the_seeds_code():
    options = dict(vars(torch._tensor_str.PRINT_OPTS))  # process-wide: the page must leave them alone
    app = open_page(DATA, "en")
    assert "n_val = int(0.2 * n_samples)" in _codes(app)
    codes = [code.value for code in app.main.code]
    setup = next(code for code in codes if code.startswith("torch.set_printoptions(edgeitems=2, linewidth=75)\n"))
    assert setup.endswith("\n\nt_u.shape") and codes[codes.index(setup) + 1] == "torch.Size([11, 1])"
    assert dict(vars(torch._tensor_str.PRINT_OPTS)) == options
    app.number_input(key="data_temperature_seed").set_value(3).run()
    assert "manual_seed(3)" in _codes(app) and not app.exception


def test_csv_upload_example_and_bad_files():
    app = open_page(DATA, "en")
    app.button(key="data_csv_example").click().run()
    assert app.selectbox(key="data_csv_label").value == "species"
    app.button(key="data_csv_load").click().run()
    assert app.success[0].value.startswith("Your data set: 120 training · 30 test rows · 4 features · 3 classes")
    app.get("file_uploader")[0].set_value(("bad.csv", b"x,y\n1,a\n2,a\n3,a\n4,a\n", "text/csv")).run()
    app.button(key="data_csv_load").click().run()
    assert app.error[0].value == translate("error.csv_one_class", "en", column="y", value="a")
    # The iris data set is still the one in use, and says so: it is not shown as bad.csv's.
    assert not app.success and app.warning[0].value.startswith(
        "Still using the data set made from the earlier file iris.csv: 120 training")
    app.get("file_uploader")[0].set_value(("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "text/csv")).run()
    assert app.error[0].value == translate("error.csv_not_text", "en") and not app.exception
    assert not app.success and "iris.csv" in app.warning[0].value
    app.button(key="data_csv_example").click().run()  # the example replaces the uploaded file
    assert not app.error and app.selectbox(key="data_csv_label").value == "species"
    assert app.success and not app.warning  # the example is the file that data set came from
    assert app.session_state["data_upload"].class_names == ("setosa", "versicolor", "virginica")  # nothing lost


def test_csv_upload_in_korean():
    app = open_page(DATA, "ko")
    app.get("file_uploader")[0].set_value(("t.csv", iris_csv(), "text/csv")).run()
    app.radio(key="data_csv_task").set_value("regression").run()
    app.button(key="data_csv_load").click().run()
    assert app.error[0].value == translate("error.csv_not_numeric", "ko", row=2, column="species", value="setosa")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_tensors_page_creates_and_explains(lang):
    app = open_page(TENSORS, lang)
    assert not app.exception and "torch.int64" in [metric.value for metric in app.metric]
    app.selectbox(key="tensors_method").set_value("rand").run()
    app.number_input(key="tensors_rows").set_value(3).run()
    assert "[3, 3]" in [metric.value for metric in app.metric] and "torch.float32" in [m.value for m in app.metric]
    app.selectbox(key="tensors_method").set_value("data").run()
    app.text_input(key="tensors_data").set_value("[[1, 2], [3]]").run()
    assert app.error and not app.exception


def test_tensors_page_lessons_react():
    app = open_page(TENSORS, "en")
    open_tab(app, "tensors_tab", "tensors.tab_index")
    app.text_input(key="tensors_index").set_value("nope").run()
    assert app.error[0].value.startswith("'nope' is not an index")
    app.text_input(key="tensors_index").set_value("..., -1").run()
    assert "tensor[..., -1]: tensor([ 3.,  7., 11., 15.])" in "\n".join(c.value for c in app.main.code)
    open_tab(app, "tensors_tab", "tensors.tab_join")
    app.radio(key="tensors_join").set_value("stack").run()
    app.slider(key="tensors_dim_stack").set_value(2).run()
    assert any("[2, 3, 2]" in m.value for m in app.markdown)
    open_tab(app, "tensors_tab", "tensors.tab_inplace")
    assert "modified by an inplace operation" in _codes(app)
    open_tab(app, "tensors_tab", "tensors.tab_numpy")
    app.toggle(key="tensors_copy").set_value(True).run()
    assert app.info[-1].value == translate("tensors.not_shared", "en")  # the NumPy tab is the last one


def test_image_grid_titles_sit_over_their_own_images():
    import torch

    from ui.data.views import image_figure
    figure = image_figure(torch.rand(9, 1, 4, 4), [f"t{k}" for k in range(9)])
    titles = {annotation.text: annotation for annotation in figure.layout.annotations}
    for k, trace in enumerate(figure.data):  # trace k draws image k
        xaxis = figure.layout["xaxis" + trace.xaxis.removeprefix("x")]
        yaxis = figure.layout["yaxis" + trace.yaxis.removeprefix("y")]
        assert abs(titles[f"t{k}"].x - sum(xaxis.domain) / 2) < 1e-6
        assert abs(titles[f"t{k}"].y - yaxis.domain[1]) < 1e-6


def test_dunder_names_sit_in_code_spans():
    # Markdown reads "__init__" as a bold "init"; in a code span it stays Python (script comments are no markdown).
    from i18n import catalog
    for key, pair in catalog().items():
        for text in pair:
            outside_code = re.sub(r"`[^`]*`", "", text)
            assert key.startswith("script_comment.") or not re.search(r"__\w+__", outside_code), key


def test_no_accidental_strikethrough_in_this_areas_strings():
    # Streamlit's markdown reads "a~b ... c~d" as strikethrough; ranges use an en dash where markdown shows them.
    from i18n import data, tensors
    for key, pair in {**data.STRINGS, **tensors.STRINGS}.items():
        for text in pair:
            assert text.count("~") < 2, key
