"""The built-in data sets: registry and options, TF Playground's 2-D sets, seed 001's temperatures,
scikit-learn's digits."""

import numpy as np
import pytest
import torch

from engine.data import DATASETS, dataset_from_csv, load_dataset
from engine.data.bundled import iris_csv
from engine.data.playground2d import CLASSIFY_SAMPLES, REGRESS_SAMPLES, make_2d
from engine.data.temperature import T_C, T_U
from engine.errors import PlaygroundError

PLAYGROUND = ["circle", "xor", "gauss", "spiral", "reg_plane", "reg_gauss"]


@pytest.mark.parametrize("name", [n for n in DATASETS if n != "fashion_mnist"])
def test_every_offline_set_matches_its_registry_entry(name):
    info, data = DATASETS[name], load_dataset(name)
    assert data.task == info.task
    assert data.input_shape == info.input_shape
    assert data.num_classes == info.num_classes
    for x, y in ((data.train_x, data.train_y), (data.test_x, data.test_y)):
        assert len(x) == len(y) > 0
        if info.task == "classification":
            assert y.dtype == torch.int64 and 0 <= int(y.min()) and int(y.max()) < info.num_classes
        else:
            assert y.dtype == torch.float32 and y.shape[1:] == (1,)


@pytest.mark.parametrize("name", PLAYGROUND)
@pytest.mark.parametrize("ratio", [10, 50, 90])
def test_2d_sizes_and_ratio(name, ratio):
    data = load_dataset(name, train_ratio=ratio, noise=20, seed=1)
    total = REGRESS_SAMPLES if name.startswith("reg_") else CLASSIFY_SAMPLES
    assert len(data.train_x) == total * ratio // 100
    assert len(data.train_x) + len(data.test_x) == total
    assert data.train_x.shape[1:] == (2,) and data.train_x.dtype == torch.float32


@pytest.mark.parametrize("name", PLAYGROUND)
def test_2d_is_deterministic_per_seed_and_changes_with_it(name):
    a, b, c = (load_dataset(name, noise=10, seed=s) for s in (3, 3, 4))
    assert torch.equal(a.train_x, b.train_x) and torch.equal(a.test_y, b.test_y)
    assert not torch.equal(a.train_x, c.train_x)


def test_2d_does_not_touch_the_global_rng():
    torch.manual_seed(0)
    np.random.seed(0)
    expected_torch, expected_numpy = torch.rand(3), np.random.rand(3)
    torch.manual_seed(0)
    np.random.seed(0)
    load_dataset("spiral", noise=30, seed=9)
    assert torch.equal(torch.rand(3), expected_torch) and np.array_equal(np.random.rand(3), expected_numpy)


def _all(data):
    return torch.cat([data.train_x, data.test_x]), torch.cat([data.train_y, data.test_y])


def test_noiseless_labels_follow_the_playgrounds_rules():
    x, y = _all(make_2d("circle", seed=2))
    inside = x.norm(dim=1) < 2.5
    assert torch.equal(y, inside.long()) and int(y.sum()) == 250  # half inside, half in the ring
    assert float(x.norm(dim=1)[~inside].min()) >= 3.5 - 1e-5 and float(x.norm(dim=1).max()) <= 5 + 1e-5
    x, y = _all(make_2d("xor", seed=2))
    assert torch.equal(y, (x[:, 0] * x[:, 1] >= 0).long())
    assert float(x.abs().min()) >= 0.3 - 1e-6  # padded away from the axes
    x, y = _all(make_2d("reg_plane", seed=2))
    torch.testing.assert_close(y.squeeze(1), (x[:, 0] + x[:, 1]) / 10)
    x, y = _all(make_2d("gauss", seed=2))
    assert torch.equal(y, (x.sum(1) > 0).long()) or float(((x.sum(1) > 0).long() == y).float().mean()) > 0.99


def test_spiral_without_noise_lies_on_two_arms():
    x, y = _all(make_2d("spiral", seed=0))
    radius = x.norm(dim=1)
    assert float(radius.max()) < 5 and int(y.sum()) == 250
    # every point of class 1 is the mirror (turned by pi) of one of class 0
    positive, negative = x[y == 1], x[y == 0]
    assert torch.cdist(positive, -negative, compute_mode="donot_use_mm_for_euclid_dist").min(dim=1).values.max() < 1e-5


def test_noise_moves_labels_not_points_in_circle():
    clean, noisy = _all(make_2d("circle", noise=0, seed=5)), _all(make_2d("circle", noise=50, seed=5))
    assert not torch.equal(clean[1], noisy[1])


def test_reg_gauss_targets_stay_in_range():
    _, y = _all(make_2d("reg_gauss", noise=50, seed=1))
    assert float(y.min()) >= -1 and float(y.max()) <= 1 and float(y.abs().max()) > 0.9


def test_temperature_values_are_the_seeds():
    data = load_dataset("temperature", seed=0)
    x, y = _all(data)
    pairs = sorted(zip((x.squeeze(1) * 10).tolist(), y.squeeze(1).tolist()))
    assert [u for u, _ in pairs] == pytest.approx(sorted(T_U), abs=1e-4)
    assert [c for _, c in pairs] == [c for _, c in sorted(zip(T_U, T_C))]
    assert T_C == (0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0)
    assert T_U == (35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4)
    assert len(data.train_x) == 9 and len(data.test_x) == 2


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_temperature_split_is_the_seeds_code_with_a_seeded_rng(seed):
    with torch.random.fork_rng():  # the seed's exact code, global RNG seeded, then put back
        torch.manual_seed(seed)
        t_c = torch.tensor(list(T_C)).unsqueeze(1)
        t_u = torch.tensor(list(T_U)).unsqueeze(1)
        n_samples = t_u.shape[0]
        n_val = int(0.2 * n_samples)
        shuffled_indices = torch.randperm(n_samples)
        train_indices, val_indices = shuffled_indices[:-n_val], shuffled_indices[-n_val:]
        t_un_train, t_un_val = 0.1 * t_u[train_indices], 0.1 * t_u[val_indices]
    data = load_dataset("temperature", seed=seed)
    assert torch.equal(data.train_x, t_un_train) and torch.equal(data.test_x, t_un_val)
    assert torch.equal(data.train_y, t_c[train_indices]) and torch.equal(data.test_y, t_c[val_indices])


def test_digits_equal_scikit_learns_loader():
    sklearn_datasets = pytest.importorskip("sklearn.datasets", reason="scikit-learn is in requirements.txt")
    reference = sklearn_datasets.load_digits()
    data = load_dataset("digits", train_ratio=80, seed=0)
    x, y = _all(data)
    assert len(x) == 1797 and data.scale == 1 / 16
    ours = sorted(zip(map(tuple, x.reshape(-1, 64).tolist()), y.tolist()))
    theirs = sorted(zip(map(tuple, reference.data.astype(int).tolist()), reference.target.tolist()))
    assert ours == theirs
    assert len(data.train_x) == 1797 * 80 // 100


def test_iris_example_csv_equals_scikit_learns_iris():
    sklearn_datasets = pytest.importorskip("sklearn.datasets", reason="scikit-learn is in requirements.txt")
    reference = sklearn_datasets.load_iris()
    data = dataset_from_csv(iris_csv(), "species", train_ratio=80, seed=0)
    assert data.class_names == tuple(reference.target_names)
    x, y = _all(data)
    ours = sorted(zip(map(tuple, x.tolist()), y.tolist()))
    theirs = sorted(zip(map(tuple, reference.data.astype("float32").tolist()), reference.target.tolist()))
    assert ours == theirs and len(data.train_x) == 120


@pytest.mark.parametrize("options, key", [
    ({"noise": 51}, "data_option_range"),
    ({"train_ratio": 5}, "data_option_range"),
    ({"seed": -1}, "data_option_range"),
    ({"noise": 1.5}, "data_option_range"),
    ({"noise": True}, "data_option_range"),
    ({"colour": 1}, "data_unknown_option"),
])
def test_bad_options_are_playground_errors(options, key):
    with pytest.raises(PlaygroundError) as error:
        load_dataset("circle", **options)
    assert error.value.key == key


def test_unknown_name_is_a_playground_error():
    with pytest.raises(PlaygroundError) as error:
        load_dataset("cifar")
    assert error.value.key == "data_unknown" and "circle" in str(error.value)
