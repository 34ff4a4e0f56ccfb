"""The in-memory fast path yields exactly what the seeds' DataLoader yields, epoch after epoch."""

import torch
from torch.utils.data import DataLoader, TensorDataset

from engine.data.batching import iterate_batches


def test_shuffled_batches_equal_dataloader_for_the_same_seed():
    x, y = torch.arange(103).float().unsqueeze(1), torch.arange(103)
    ours, theirs = torch.Generator().manual_seed(5), torch.Generator().manual_seed(5)
    loader = DataLoader(TensorDataset(x, y), batch_size=16, shuffle=True, generator=theirs)
    for _ in range(3):
        fast = list(iterate_batches(x, y, 16, shuffle=True, generator=ours))
        slow = list(loader)
        assert len(fast) == len(slow) == 7
        for (fx, fy), (sx, sy) in zip(fast, slow):
            assert torch.equal(fx, sx) and torch.equal(fy, sy)


def test_unshuffled_batches_are_in_order_and_cover_everything():
    x, y = torch.arange(10).float(), torch.arange(10)
    batches = list(iterate_batches(x, y, 4))
    assert [len(b[1]) for b in batches] == [4, 4, 2]
    assert torch.equal(torch.cat([b[1] for b in batches]), y)
