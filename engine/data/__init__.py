"""Data sets the playground trains on, held in memory as tensors (no streamlit here).

`load_dataset(name, **options)` gives a TensorData for any name in `DATASETS`; `dataset_from_csv`
turns a student's CSV into one; `iterate_batches` (fast path) and `make_loader` (the seeds'
Dataset/DataLoader) batch it, in the same order for the same seed.
"""

from engine.data.base import TensorData
from engine.data.batching import iterate_batches
from engine.data.csv_upload import csv_columns, dataset_from_csv
from engine.data.loader import SplitDataset, make_loader, one_hot
from engine.data.registry import DATASETS, DataOption, DatasetInfo, dataset_options, load_dataset

__all__ = [
    "DATASETS", "DataOption", "DatasetInfo", "SplitDataset", "TensorData", "csv_columns", "dataset_from_csv",
    "dataset_options", "iterate_batches", "load_dataset", "make_loader", "one_hot",
]
