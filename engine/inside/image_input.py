"""A student's own picture as a 28x28 FashionMNIST-like image: grayscale, in [0, 1], light object on black."""

from __future__ import annotations

import io

import numpy as np
import torch
from PIL import Image, UnidentifiedImageError

from engine.inside.conv_sizes import InsideError

SIDE = 28


def image_from_bytes(data: bytes, side: int = SIDE) -> torch.Tensor:
    """An uploaded PNG/JPEG as a (side, side) float32 tensor, inverted when its background is light.

    FashionMNIST draws a light object on black; a photo usually shows a dark object on white, so a
    picture brighter than mid-gray on average is inverted, as the Export page's drawing pad does.
    """
    try:
        picture = Image.open(io.BytesIO(data))
        picture.load()
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise InsideError("inside_not_image", reason=type(error).__name__) from None
    gray = picture.convert("L").resize((side, side), Image.Resampling.LANCZOS)
    pixels = torch.from_numpy(np.asarray(gray, dtype=np.float32) / 255.0)
    return 1.0 - pixels if pixels.mean() > 0.5 else pixels
