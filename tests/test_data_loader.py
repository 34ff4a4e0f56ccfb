"""The seeds' Dataset/DataLoader path gives the same batches as the trainer's fast path, and the
transforms match torchvision's definitions (ToTensor scaling, the one-hot Lambda)."""

import pytest
import torch

from engine.data import SplitDataset, iterate_batches, load_dataset, make_loader, one_hot
from engine.data.base import TensorData


def _images(n=150):
    generator = torch.Generator().manual_seed(1)
    x = torch.randint(0, 256, (n, 1, 28, 28), dtype=torch.uint8, generator=generator)
    return TensorData("toy", "classification", x, torch.arange(n) % 10, x[:20], torch.arange(20) % 10,
                      class_names=tuple("abcdefghij"), scale=1 / 255)


@pytest.mark.parametrize("shuffle", [True, False])
def test_dataloader_and_fast_path_give_the_same_batches(shuffle):
    data = _images()
    loader = make_loader(data, batch_size=64, shuffle=shuffle, seed=7)
    generator = torch.Generator().manual_seed(7)
    for _ in range(2):  # two epochs: the generators must stay in step
        slow = list(loader)
        fast = list(iterate_batches(data.train_x, data.train_y, 64, shuffle=shuffle, generator=generator))
        assert [len(y) for _, y in slow] == [64, 64, 22]
        for (sx, sy), (fx, fy) in zip(slow, fast):
            assert torch.equal(sx, data.as_float(fx)) and torch.equal(sy, fy)


def test_first_batch_has_the_seeds_shapes():
    x, y = next(iter(make_loader(_images(), batch_size=64)))
    assert tuple(x.shape) == (64, 1, 28, 28) and tuple(y.shape) == (64,)
    assert x.dtype == torch.float32 and 0.0 <= float(x.min()) and float(x.max()) <= 1.0


def test_shuffle_changes_the_order_and_the_seed_fixes_it():
    data = load_dataset("spiral")
    first = next(iter(make_loader(data, batch_size=16, seed=0)))[1]
    again = next(iter(make_loader(data, batch_size=16, seed=0)))[1]
    other = next(iter(make_loader(data, batch_size=16, seed=1)))[1]
    plain = next(iter(make_loader(data, batch_size=16, shuffle=False)))[1]
    assert torch.equal(first, again) and not torch.equal(first, other)
    assert torch.equal(plain, data.train_y[:16])


def test_scaling_matches_to_tensor():
    # ToTensor: img.float().div(255) for uint8 input (torchvision.transforms.functional.to_tensor)
    data = _images()
    ours = SplitDataset(data)[3][0]
    torch.testing.assert_close(ours, data.train_x[3].float().div(255), rtol=0, atol=1e-7)


def test_one_hot_is_the_seeds_lambda():
    for label in range(10):
        expected = torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(label), value=1)
        assert torch.equal(one_hot(label), expected)
        assert torch.equal(one_hot(torch.tensor(label)), torch.nn.functional.one_hot(torch.tensor(label), 10).float())
    dataset = SplitDataset(_images(), target_transform=one_hot)
    assert tuple(dataset[0][1].shape) == (10,) and float(dataset[0][1].sum()) == 1.0
