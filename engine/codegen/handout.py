"""The handouts' own cells that the generated code stands on, copied verbatim (tests compare them with the seeds)."""

# The import cell of seeds 000, 003 (section "모델 매개변수 최적화하기") and 004: the same five lines.
HANDOUT_IMPORTS = """import os
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms"""

# Seed 002's empty class: the two methods every nn.Module subclass fills in.
CLASS_SKELETON = """class NeuralNetwork(torch.nn.Module):
    def __init__(self):
        super(NeuralNetwork, self).__init__()
        # Neural Network을 구성하는 layer들을
        # initialize하는 부분
        pass

    def forward(self, x):
        # Neural Network의 forward pass을 정의하는 부분
        # x은 input tensor
        pass"""
