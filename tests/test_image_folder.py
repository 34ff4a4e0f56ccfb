"""Tutorial 003's CustomImageDataset (cells 003-20 to 003-24) run on PNG files and a labels.csv written from
real images: what it reads back is what was written, and the temporary folder is gone afterwards."""

import inspect
import os

import pytest
import torch

from engine.data import fashion_mnist
from engine.data.digits import load_digits
from engine.data.fashion_mnist import load_fashion_mnist
from engine.data.image_folder import CustomImageDataset, file_stem, run_custom_dataset, write_image_folder
from engine.data.temperature import load_temperature
from engine.errors import PlaygroundError
from tests.seed_text import seed_text

needs_fashion = pytest.mark.skipif(fashion_mnist.local_dir() is None,
                                   reason="FashionMNIST is not on this machine (FASHION_MNIST_DIR unset)")


@needs_fashion
def test_the_tutorials_class_reads_back_the_fashion_mnist_images_it_was_given(tmp_path):
    data = load_fashion_mnist()
    annotations = write_image_folder(data, str(tmp_path))
    lines = (tmp_path / "labels.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "tshirt1.png,0" and lines[-1] == "ankleboot2.png,9"  # the handout's tshirt1.jpg, 0
    ds = CustomImageDataset(annotations, str(tmp_path))
    assert len(ds) == 20
    for index in (0, 7, 19):
        image, label = ds[index]
        written = torch.nonzero(data.train_y == int(label)).flatten()[index % 2]
        assert image.dtype == torch.uint8 and tuple(image.shape) == (1, 28, 28)  # as torchvision's read_image
        assert torch.equal(image, data.train_x[written].reshape(1, 28, 28))  # PNG keeps every pixel


@needs_fashion
def test_a_run_reports_len_and_the_first_item_and_removes_its_folder():
    run = run_custom_dataset(load_fashion_mnist())
    assert run.length == 20 and run.label == 0 and tuple(run.image.shape) == (1, 28, 28)
    assert run.head.splitlines() == ["tshirt1.png,0", "tshirt2.png,0", "trouser1.png,1", "trouser2.png,1",
                                     "pullover1.png,2"]
    assert not os.path.exists(run.folder)


def test_digits_work_too_and_other_data_is_refused_with_a_message():
    run = run_custom_dataset(load_digits())
    assert run.labels_csv.startswith("digit01.png,0\n") and tuple(run.image.shape) == (1, 8, 8)
    with pytest.raises(PlaygroundError) as error:
        run_custom_dataset(load_temperature())
    assert error.value.key == "image_folder_not_images"


def test_file_names_follow_the_handout():
    assert [file_stem(name) for name in ("T-Shirt", "Ankle Boot", "3")] == ["tshirt", "ankleboot", "digit3"]


def test_the_class_is_the_handouts_with_its_two_typos_fixed():
    seed = seed_text(3)
    end = "return image, label"
    handout = seed[seed.index("class CustomImageDataset"):seed.index(end) + len(end)]
    handout = handout.replace("name = [", "names = [").replace("(lable)", "(label)")
    ours = inspect.getsource(CustomImageDataset)
    ours = "\n".join(line for line in ours.splitlines() if '"""' not in line)

    def words(text):
        return "".join(text.split()).replace('"', "'")
    assert words(ours) == words(handout)
