"""The progress record (engine/training/progress.py): a Trainer that only applies a training copy's
records shows that copy's run exactly, records are plain data in order, and nothing outside the
Trainer writes its numbers."""

from __future__ import annotations

import ast
import pickle
import threading
from pathlib import Path

import pytest
import torch

from engine.training import TrainConfig, Trainer
from engine.training.progress import Mark, Progress
from tests.test_trainer import blobs, mlp, weights

ROOT = Path(__file__).resolve().parent.parent
CONFIG = TrainConfig(data="blobs", lr=0.05, momentum=0.5, batch_size=8, epochs=6, shuffle=True, seed=4)


def travelled(trainer: Trainer) -> Trainer:
    """The copy a training process gets: pickled without its data, given the same data there."""
    return pickle.loads(pickle.dumps(trainer)).with_data(trainer.data)


def assert_shows(mirror: Trainer, trained: Trainer) -> None:
    """What the pages read on `mirror` is what `trained` holds."""
    assert mirror.history == trained.history and mirror.batch_losses == trained.batch_losses
    assert (mirror.epoch, mirror.batch, mirror.steps, mirror.status) == (trained.epoch, trained.batch, trained.steps,
                                                                        trained.status)
    assert mirror.seconds == trained.seconds and mirror.problem == trained.problem
    assert all(torch.equal(p, q) for p, q in zip(weights(mirror.model), weights(trained.model)))


@pytest.mark.parametrize("dropout", [False, True])
def test_a_trainer_that_only_applies_records_shows_the_run(dropout):
    mirror = Trainer(mlp(dropout=dropout), blobs(), CONFIG)
    copy = travelled(mirror)
    mark = mirror.mark()
    for piece in ("step", "step", "run_epoch", "step", "run_epoch", "run"):
        getattr(copy, piece)()
        record = copy.progress_since(mark)
        mirror.apply(record)
        mark = record.mark
        assert mark == mirror.mark() == copy.mark()
        assert_shows(mirror, copy)
    assert mirror.status == "done" and len(mirror.history) == CONFIG.epochs
    whole = Trainer(mlp(dropout=dropout), blobs(), CONFIG)
    whole.run()
    assert mirror.batch_losses == whole.batch_losses  # the copy trained exactly as an in-process run would


def test_records_sent_while_it_trains_add_up_to_the_run():
    """As a training process reports: another thread asks for records while the run goes on."""
    mirror = Trainer(mlp(), blobs(), TrainConfig(data="blobs", batch_size=4, epochs=60, seed=1))
    copy = travelled(mirror)
    records, done = [], threading.Event()

    def report() -> None:
        mark = copy.mark()
        while not done.wait(0.001):
            records.append(copy.progress_since(mark))
            mark = records[-1].mark

    reporter = threading.Thread(target=report)
    reporter.start()
    copy.run()
    done.set()
    reporter.join()
    records.append(copy.progress_since(records[-1].mark if records else mirror.mark()))  # the last one, after the run
    for record in records:
        mirror.apply(pickle.loads(pickle.dumps(record)))  # as it crosses the pipe
    assert_shows(mirror, copy)


def test_weights_travel_only_when_they_changed_and_each_as_a_new_module():
    mirror = Trainer(mlp(), blobs(), CONFIG)
    copy = travelled(mirror)
    assert copy.progress_since(mirror.mark()).weights is None  # nothing trained yet
    copy.step()
    record = copy.progress_since(mirror.mark())
    assert set(record.weights) == set(copy.model.state_dict()) and record.steps == 1
    before, held = mirror.model, weights(mirror.model)
    mirror.apply(record)
    assert mirror.model is not before and all(torch.equal(p, q) for p, q in zip(weights(before), held))
    assert copy.progress_since(record.mark).weights is None  # the same version: not sent again


def test_the_model_version_changes_with_a_record_without_making_its_module():
    mirror = Trainer(mlp(), blobs(), CONFIG)
    copy = travelled(mirror)
    module, version = mirror.model, mirror.model_version
    assert mirror.model_version == version  # nothing new: the same version
    copy.step()
    mirror.apply(copy.progress_since(mirror.mark()))
    due = mirror.model_version
    assert due != version and mirror._module is module  # told apart, the record's weights not yet a module
    assert mirror.model is not module and mirror.model_version not in (version, due)  # made when read


def test_a_record_is_plain_data_that_training_on_does_not_change():
    trainer = Trainer(mlp(), blobs(), CONFIG)
    trainer.run_epoch()
    record = trainer.progress_since(Mark(0, 0, 0))
    held = {name: value.clone() for name, value in record.weights.items()}
    trainer.run_epoch()
    assert all(torch.equal(record.weights[name], value) for name, value in held.items())
    assert all(type(value) is torch.Tensor for value in record.weights.values())  # tensors, not parameters
    assert pickle.loads(pickle.dumps(record)).history == record.history


def test_a_records_weights_cross_the_pipe_as_arrays_and_come_back_as_equal_tensors():
    trainer = Trainer(mlp(), blobs(), CONFIG)
    trainer.step()
    record = trainer.progress_since(Mark(0, 0, 0))
    blob = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"torch._utils" not in blob and b"numpy" in blob  # not torch's tensor pickling
    back = pickle.loads(blob)
    assert set(back.weights) == set(record.weights)
    for name, value in record.weights.items():
        assert type(back.weights[name]) is torch.Tensor and back.weights[name].dtype == value.dtype
        assert torch.equal(back.weights[name], value)
    assert back.mark == record.mark and back.history == record.history
    odd = Progress(**{**vars(record), "weights": {"w": torch.ones(2, dtype=torch.bfloat16)}})
    assert torch.equal(pickle.loads(pickle.dumps(odd)).weights["w"], odd.weights["w"])  # no numpy dtype: a tensor


def test_records_apply_in_order_and_once():
    mirror = Trainer(mlp(), blobs(), CONFIG)
    copy = travelled(mirror)
    copy.step()
    first = copy.progress_since(mirror.mark())
    copy.step()
    second = copy.progress_since(first.mark)
    with pytest.raises(ValueError):
        mirror.apply(second)  # the first one is missing
    mirror.apply(first)
    with pytest.raises(ValueError):
        mirror.apply(first)  # already applied
    mirror.apply(second)
    assert_shows(mirror, copy)


def test_a_records_weights_become_a_module_when_read_not_when_they_come(monkeypatch):
    import copy as copying

    mirror = Trainer(mlp(), blobs(), CONFIG)
    trained = travelled(mirror)
    shown = mirror.model  # a page draws this module meanwhile
    before = [p.clone() for p in weights(shown)]
    made = []
    real = copying.deepcopy
    monkeypatch.setattr(copying, "deepcopy", lambda thing, *rest: made.append(thing) or real(thing, *rest))
    mark = mirror.mark()
    for _ in range(3):  # three records while nobody looks
        trained.step()
        record = trained.progress_since(mark)
        mirror.apply(record)
        mark = record.mark
    assert made == []  # no module copied yet
    assert_shows(mirror, trained)  # read now: the latest weights
    assert len(made) == 1 and mirror.model is mirror.model
    assert all(torch.equal(p, q) for p, q in zip(weights(shown), before))  # the drawn module never changed
    trained.step()
    mirror.apply(trained.progress_since(mark))
    again = travelled(mirror)  # a run that changes process takes the weights that came last
    assert all(torch.equal(p, q) for p, q in zip(weights(again.model), weights(trained.model)))


def test_a_lost_run_is_over_with_what_it_had():
    mirror = Trainer(mlp(), blobs(), CONFIG)
    copy = travelled(mirror)
    copy.run_epoch()
    mirror.apply(copy.progress_since(mirror.mark()))
    mirror.abandon()
    assert mirror.finished and mirror.status == "stopped" and mirror.epoch == 1


def _outside_writes(path: Path) -> list[str]:
    """`x.trainer.attr = ...`, `trainer.attr += ...` or `trainer.history.append(...)` in one file."""
    found = []

    def is_trainer(node: ast.AST) -> bool:
        return (isinstance(node, ast.Name) and node.id == "trainer") or (
            isinstance(node, ast.Attribute) and node.attr == "trainer")

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, (ast.AugAssign, ast.AnnAssign)) else []
        for target in targets:
            for part in ast.walk(target):
                if isinstance(part, ast.Attribute) and is_trainer(part.value):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        method = node.func if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else None
        if (method is not None and method.attr in ("append", "extend", "clear", "pop")
                and isinstance(method.value, ast.Attribute) and is_trainer(method.value.value)):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_nothing_outside_the_trainer_writes_its_fields():
    files = [path for folder in ("classroom", "ui", "pages") for path in sorted((ROOT / folder).rglob("*.py"))]
    assert files and [where for path in files for where in _outside_writes(path)] == []
