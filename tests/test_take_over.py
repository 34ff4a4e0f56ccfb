"""A Trainer taking over its copy that trained elsewhere (classroom/processes.py, at every turn's end) while
page threads read it: they never see its data missing, and the run goes on as the copy left it."""

import pickle
import sys
import threading

from engine.training import TrainConfig, Trainer
from tests.test_trainer import blobs, mlp


def test_pages_reading_a_trainer_never_see_its_data_missing_while_it_takes_over():
    data = blobs()
    trainer = Trainer(mlp(), data, TrainConfig("blobs", batch_size=30, epochs=3))
    trainer.run_epoch()
    blob = pickle.dumps(trainer)
    seen, done = [], threading.Event()

    def page() -> None:  # what a live view reads, as often as it can
        while not done.is_set():
            seen.append(trainer.data is None or trainer._train is None)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can: the race shows if it is there
    reader = threading.Thread(target=page)
    reader.start()
    try:
        for _ in range(300):
            trainer.take_over(pickle.loads(blob))
    finally:
        done.set()
        reader.join()
        sys.setswitchinterval(interval)
    assert seen and not any(seen)
    assert trainer.data is data and trainer.epoch == 1
    trainer.run()  # the data it kept trains the rest of the run
    assert trainer.status == "done" and trainer.epoch == 3
