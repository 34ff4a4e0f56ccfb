"""TensorFlow Playground's 2-D data sets (src/dataset.ts), ported to NumPy with a seeded Generator.

Classification sets have 500 points labelled -1/+1 (class 0 / class 1 here); regression sets have
1,200 points with targets in [-1, 1]. `noise` is the Playground's percentage (0-50), divided by 100
before use exactly as its `generateData` does; the points are then shuffled and the first
`train_ratio` percent become the training set.
"""

from __future__ import annotations

import numpy as np
import torch

from engine.data.base import TensorData

CLASSIFY_SAMPLES = 500
REGRESS_SAMPLES = 1200
CLASS_NAMES = ("negative", "positive")  # the Playground's -1 (orange) and +1 (blue)


def _uniform(rng: np.random.Generator, low: float, high: float, n: int) -> np.ndarray:
    return rng.uniform(low, high, n)


def circle(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    """Half the points inside radius 2.5, half in the ring 3.5-5; labelled by the noisy point's radius."""
    radius, half = 5.0, n // 2
    r = np.concatenate([_uniform(rng, 0, radius * 0.5, half), _uniform(rng, radius * 0.7, radius, n - half)])
    angle = _uniform(rng, 0, 2 * np.pi, n)
    x, y = r * np.sin(angle), r * np.cos(angle)
    noise_x = _uniform(rng, -radius, radius, n) * noise
    noise_y = _uniform(rng, -radius, radius, n) * noise
    label = np.where(np.hypot(x + noise_x, y + noise_y) < radius * 0.5, 1.0, -1.0)
    return np.stack([x, y], 1), label


def xor(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    """Points in [-5, 5]², pushed 0.3 away from the axes; +1 where x·y >= 0 (after noise)."""
    padding = 0.3
    x = _uniform(rng, -5, 5, n)
    x += np.where(x > 0, padding, -padding)
    y = _uniform(rng, -5, 5, n)
    y += np.where(y > 0, padding, -padding)
    noise_x = _uniform(rng, -5, 5, n) * noise
    noise_y = _uniform(rng, -5, 5, n) * noise
    label = np.where((x + noise_x) * (y + noise_y) >= 0, 1.0, -1.0)
    return np.stack([x, y], 1), label


def gauss(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    """Two Gaussian blobs at (2, 2) (+1) and (-2, -2) (-1); variance grows from 0.5 to 4 with noise."""
    variance = 0.5 + noise * (4 - 0.5) / 0.5  # d3.scale.linear().domain([0, .5]).range([0.5, 4])
    half = n // 2
    centers = np.array([[2.0, 2.0]] * half + [[-2.0, -2.0]] * (n - half))
    label = np.array([1.0] * half + [-1.0] * (n - half))
    return centers + np.sqrt(variance) * rng.standard_normal((n, 2)), label


def spiral(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spirals (+1 and -1, the second turned by π) with uniform jitter times noise."""
    half = n // 2
    points, labels = [], []
    for delta, label in ((0.0, 1.0), (np.pi, -1.0)):
        i = np.arange(half)
        r = i / half * 5
        t = 1.75 * i / half * 2 * np.pi + delta
        x = r * np.sin(t) + _uniform(rng, -1, 1, half) * noise
        y = r * np.cos(t) + _uniform(rng, -1, 1, half) * noise
        points.append(np.stack([x, y], 1))
        labels.append(np.full(half, label))
    return np.concatenate(points), np.concatenate(labels)


def reg_plane(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    """Points in [-6, 6]²; target (x + y) / 10 at the noisy point, so in [-1.2, 1.2] at most."""
    radius = 6.0
    x, y = _uniform(rng, -radius, radius, n), _uniform(rng, -radius, radius, n)
    noise_x = _uniform(rng, -radius, radius, n) * noise
    noise_y = _uniform(rng, -radius, radius, n) * noise
    return np.stack([x, y], 1), ((x + noise_x) + (y + noise_y)) / 10  # domain [-10, 10] -> range [-1, 1]


_GAUSSIANS = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))


def reg_gauss(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    """Six signed bumps; the target is the bump with the largest |value|, 1 - distance/2 clamped to [0, 1]."""
    radius = 6.0
    x, y = _uniform(rng, -radius, radius, n), _uniform(rng, -radius, radius, n)
    px = x + _uniform(rng, -radius, radius, n) * noise
    py = y + _uniform(rng, -radius, radius, n) * noise
    label = np.zeros(n)
    for cx, cy, sign in _GAUSSIANS:  # keep the first bump that is strictly larger in abs value, as dataset.ts does
        value = sign * np.clip(1 - np.hypot(px - cx, py - cy) / 2, 0, 1)
        label = np.where(np.abs(value) > np.abs(label), value, label)
    return np.stack([x, y], 1), label


GENERATORS = {"circle": circle, "xor": xor, "gauss": gauss, "spiral": spiral,
              "reg_plane": reg_plane, "reg_gauss": reg_gauss}
REGRESSION = frozenset({"reg_plane", "reg_gauss"})


def make_2d(name: str, noise: int = 0, train_ratio: int = 50, seed: int = 0) -> TensorData:
    """One of the Playground's sets: noise in percent (0-50), train_ratio in percent, a seed."""
    rng = np.random.default_rng(seed)
    regression = name in REGRESSION
    points, labels = GENERATORS[name](rng, REGRESS_SAMPLES if regression else CLASSIFY_SAMPLES, noise / 100)
    order = rng.permutation(len(points))  # the Playground's shuffle(data)
    points, labels = points[order], labels[order]
    split = len(points) * train_ratio // 100
    x = torch.from_numpy(points.astype(np.float32))
    if regression:
        y = torch.from_numpy(labels.astype(np.float32)).unsqueeze(1)  # (N, 1)
        return TensorData(name, "regression", x[:split], y[:split], x[split:], y[split:])
    y = torch.from_numpy((labels > 0).astype(np.int64))  # -1 -> class 0, +1 -> class 1
    return TensorData(name, "classification", x[:split], y[:split], x[split:], y[split:], class_names=CLASS_NAMES)
