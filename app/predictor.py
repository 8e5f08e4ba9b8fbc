"""From the canvas's pixels to the network's answer: preprocess, classify, time it.

Plain NumPy and the engine; no Qt, so it can be timed and tested on its own.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from model.calibration import Calibration, read_digits
from model.data.preprocess import to_mnist


@dataclass(frozen=True)
class Prediction:
    digit: int  # the most probable digit, even when refused
    probabilities: np.ndarray  # (10,) calibrated softmax, sums to 1
    image: np.ndarray  # (28, 28) float32 in [0, 1], ink = 1: what the network saw
    seconds: float  # preprocessing + forward pass
    refused: bool = False  # the network says this is not a digit

    @property
    def confidence(self) -> float:
        return float(self.probabilities[self.digit])


def predict(net, drawing: np.ndarray, calibration: Calibration | None = None) -> Prediction | None:
    """Classify one drawing (any image `to_mnist` accepts) with `net`; None if there is no ink.

    net: a Sequential (its logits are scaled by the calibration's temperature; without one, T = 1).
    """
    start = time.perf_counter()
    image = to_mnist(drawing)
    if image is None:
        return None
    probabilities, refused = read_digits(net, calibration or Calibration(), image[None, None])
    seconds = time.perf_counter() - start
    return Prediction(int(probabilities[0].argmax()), probabilities[0], image, seconds, bool(refused[0]))
