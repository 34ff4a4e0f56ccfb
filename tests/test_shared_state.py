"""What sessions share is read-only: a student's run or page visit never changes a cached data set.

`st.cache_resource` hands every session the same object, so one in-place change (a `+=` on a batch
that is a view of the shared tensor) would leak into every classroom neighbour's data. torch counts
in-place writes in each tensor's `_version`; an untouched tensor keeps the count it had when loaded.
"""

import json

import pytest
import torch

from engine.data import load_dataset
from tests.test_pages import open_page
from tests.test_train_page import train
from ui.data.state import FALLBACK_IMAGES, shared_dataset
from ui.train.settings import shared_data


def tensors(data) -> list[torch.Tensor]:
    return [data.train_x, data.train_y, data.test_x, data.test_y]


def assert_untouched(shared, fresh) -> None:
    for used, new in zip(tensors(shared), tensors(fresh)):
        assert torch.equal(used, new)
        assert used._version == new._version  # no in-place write since loading


@pytest.mark.parametrize("shuffle", [False, True])  # unshuffled batches are views of the shared tensors
def test_a_run_leaves_the_shared_data_set_untouched(shuffle):
    app = open_page("pages/train.py", "en")
    app.selectbox(key="train_preset").set_value("playground_2d").run()
    app.toggle(key="train_shuffle").set_value(shuffle).run()
    job = train(app, "playground_2d", epochs=3)
    assert job.trainer.status == "done" and job.trainer.config.shuffle == shuffle
    config = job.trainer.config
    shared = shared_data(config.data, json.dumps(config.options, sort_keys=True))
    assert job.trainer.data is shared  # the run really used the server's one copy
    assert_untouched(shared, load_dataset(config.data, **config.options))


def test_the_data_page_leaves_the_shared_images_untouched():
    shared = shared_dataset(FALLBACK_IMAGES)
    before = [tensor.clone() for tensor in tensors(shared)], [tensor._version for tensor in tensors(shared)]
    app = open_page("pages/data.py", "en")
    assert not app.exception
    assert shared_dataset(FALLBACK_IMAGES) is shared
    assert all(torch.equal(a, b) for a, b in zip(before[0], tensors(shared)))
    assert before[1] == [tensor._version for tensor in tensors(shared)]


def test_two_students_training_the_same_preset_get_separate_models():
    ann, bob = open_page("pages/train.py", "en"), open_page("pages/train.py", "en")
    ann_job, bob_job = train(ann, "playground_2d", epochs=2), train(bob, "playground_2d", epochs=1)
    assert ann.session_state["model_module"] is not bob.session_state["model_module"]
    assert ann_job.trainer.data is bob_job.trainer.data  # the data set is shared, read-only
    ann_weights = [p.detach().clone() for p in ann_job.trainer.model.parameters()]
    bob.button(key="train_play").click().run()  # Bob trains on; Ann's weights must not move
    bob.session_state["train_job"].wait(60)
    assert all(torch.equal(a, p) for a, p in zip(ann_weights, ann_job.trainer.model.parameters()))
    assert len(ann_job.trainer.history) == 2
