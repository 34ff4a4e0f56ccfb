"""The Train page's live feature maps of a CNN: built from the run's current weights, once per epoch."""

import dataclasses

import pytest
import torch

from engine import PRESETS
from engine.data.fashion_mnist import load_local_fashion_mnist
from engine.training import Trainer
from engine.training.config import TrainConfig
from ui.train.live_feature_maps import live_maps_panel, maps_mosaic, shows_live_maps


def test_the_mosaic_puts_eight_maps_a_row_on_one_colour_scale():
    maps = torch.zeros(16, 4, 4)
    maps[3] = -2.0
    maps[9] = 2.0
    mosaic = maps_mosaic(maps)
    assert mosaic.shape == (2 * 5 - 1, 8 * 5 - 1, 4)
    assert mosaic[0, 4, 3] == 0  # the gap after the first map is clear
    orange, blue = mosaic[0, 3 * 5], mosaic[5, 1 * 5]
    assert orange[0] > orange[2] and blue[2] > blue[0]  # -2 orange, +2 blue: the ends of one scale


@pytest.mark.skipif(load_local_fashion_mnist() is None, reason="needs the local FashionMNIST files")
def test_the_panel_follows_the_weights_epoch_by_epoch():
    data = load_local_fashion_mnist()
    small = dataclasses.replace(data, train_x=data.train_x[:256], train_y=data.train_y[:256],
                                test_x=data.test_x[:64], test_y=data.test_y[:64])
    trainer = Trainer(PRESETS["net"], small, TrainConfig(optimizer="adam", lr=0.01, batch_size=64, epochs=2))
    assert shows_live_maps(trainer)
    before = live_maps_panel(trainer)
    trainer.run_epoch()
    after = live_maps_panel(trainer)
    assert before.svg != after.svg
    assert "epoch 0," in before.legend and "epoch 1," in after.legend  # English outside a session
    assert not shows_live_maps(Trainer(PRESETS["fashion_mlp"], small, TrainConfig(epochs=1)))
