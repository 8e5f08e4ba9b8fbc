"""From the canvas's pixels to the network's answer: preprocess, classify, time it.

Plain NumPy and the engine; no Qt, so it can be timed and tested on its own.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from model.data.preprocess import to_mnist


@dataclass(frozen=True)
class Prediction:
    digit: int
    probabilities: np.ndarray  # (10,) softmax, sums to 1
    image: np.ndarray  # (28, 28) float32 in [0, 1], ink = 1: what the network saw
    seconds: float  # preprocessing + forward pass

    @property
    def confidence(self) -> float:
        return float(self.probabilities[self.digit])


def predict(net, drawing: np.ndarray) -> Prediction | None:
    """Classify one drawing (any image `to_mnist` accepts) with `net`; None if there is no digit.

    net: anything with predict_proba((N, 1, 28, 28)) -> (N, 10).
    """
    start = time.perf_counter()
    image = to_mnist(drawing)
    if image is None:
        return None
    probabilities = np.asarray(net.predict_proba(image[None, None]))[0].astype(np.float64)
    seconds = time.perf_counter() - start
    return Prediction(int(probabilities.argmax()), probabilities, image, seconds)
