"""Training: TrainConfig, the loss/optimizer registries, the guards, and the step-by-step Trainer."""

from engine.training.config import TrainConfig
from engine.training.guards import TrainLimits, check_run
from engine.training.registry import LOSSES, OPTIMIZERS
from engine.training.trainer import BatchReport, EpochReport, Trainer

__all__ = ["LOSSES", "OPTIMIZERS", "BatchReport", "EpochReport", "TrainConfig", "TrainLimits", "Trainer",
           "check_run"]
