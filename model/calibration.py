"""Confidence that means what it says, and refusing what is no digit.

A network's softmax is usually over-confident. Temperature scaling (Guo et
al., 2017) divides the logits by one number T, fitted on validation data by
minimising the negative log-likelihood: the predicted digit never changes,
only how sure the network claims to be. The expected calibration error (ECE)
measures what is left: over 15 equal-width confidence bins, the weighted
mean gap between confidence and accuracy.

A network trained with outlier exposure (non-digits labelled "uniform", see
model/losses.py) spreads its probabilities over the ten digits for a drawing
that is no digit, so its highest probability is low. A drawing whose score,
the highest softmax probability at the score's own temperature (1: the
network's softmax as trained, which separates non-digits better than the
sharper calibrated one), is under the threshold stored in the weight file is
"not a digit". The threshold is chosen on validation digits, never on test data.

In a weight file's metadata: "calibration": {"temperature": T, "reject":
{"score": "max_probability", "temperature": Ts, "threshold": t} or null, "fitted_on": text}.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from model.constants import INFERENCE_BATCH
from model.losses import softmax

ECE_BINS = 15
SCORES = ("max_probability",)
T_RANGE = (0.05, 20.0)  # the search interval for the temperature
GOLDEN = (math.sqrt(5) - 1) / 2
SEARCH_STEPS = 60  # golden-section steps: the interval shrinks to ~1e-12 of its log-width
MAX_REJECTED_DIGITS = 0.005  # the share of validation digits the threshold may refuse
SCORE_TEMPERATURE = 1.0


class CalibrationError(ValueError):
    """Calibration metadata that makes no sense; one line."""


@dataclass(frozen=True)
class Calibration:
    """A temperature, and optionally a threshold under which a drawing is "not a digit"."""

    temperature: float = 1.0
    threshold: float | None = None
    score: str = "max_probability"
    fitted_on: str | None = None
    score_temperature: float = SCORE_TEMPERATURE

    @property
    def can_refuse(self) -> bool:
        return self.threshold is not None

    def probabilities(self, logits: np.ndarray) -> np.ndarray:
        """Calibrated softmax (N, 10) of logits (N, 10)."""
        return softmax(np.asarray(logits, np.float64) / self.temperature)

    def scores(self, logits: np.ndarray) -> np.ndarray:
        """(N,) the "is a digit" score of logits (N, 10): the top softmax probability at the score's temperature."""
        return softmax(np.asarray(logits, np.float64) / self.score_temperature).max(axis=1)

    def refused(self, logits: np.ndarray) -> np.ndarray:
        """(N,) bool: which of these logits (N, 10) are "not a digit"."""
        if self.threshold is None:
            return np.zeros(len(logits), bool)
        return self.scores(logits) < self.threshold

    def to_meta(self) -> dict:
        reject = None if self.threshold is None else {"score": self.score, "temperature": self.score_temperature,
                                                      "threshold": self.threshold}
        return {"temperature": self.temperature, "reject": reject, "fitted_on": self.fitted_on}

    @classmethod
    def from_meta(cls, meta: dict | None) -> Calibration:
        """From a weight file's metadata; an uncalibrated file gives T = 1 and no threshold.

        Raises CalibrationError (one line) for a field of the wrong kind.
        """
        info = (meta or {}).get("calibration")
        if info is None:
            return cls()
        if not isinstance(info, dict):
            raise CalibrationError("'calibration' must be an object")
        temperature = info.get("temperature", 1.0)
        if not _is_number(temperature) or not T_RANGE[0] <= temperature <= T_RANGE[1]:
            raise CalibrationError(f"calibration temperature must be a number in {list(T_RANGE)}, "
                                   f"found {temperature!r:.40}")
        fitted_on = info.get("fitted_on")
        if fitted_on is not None and not isinstance(fitted_on, str):
            raise CalibrationError(f"calibration 'fitted_on' must be text, found {fitted_on!r:.40}")
        reject = info.get("reject")
        if reject is None:
            return cls(float(temperature), fitted_on=fitted_on)
        if not isinstance(reject, dict) or reject.get("score") not in SCORES:
            raise CalibrationError(f"calibration 'reject' must be {{\"score\": one of {list(SCORES)}, "
                                   f"\"threshold\": a number}}, found {reject!r:.60}")
        threshold, score_t = reject.get("threshold"), reject.get("temperature", SCORE_TEMPERATURE)
        if not _is_number(threshold) or not 0 <= threshold <= 1:
            raise CalibrationError(f"rejection threshold must be a number in [0, 1], found {threshold!r:.40}")
        if not _is_number(score_t) or not T_RANGE[0] <= score_t <= T_RANGE[1]:
            raise CalibrationError(f"rejection score temperature must be a number in {list(T_RANGE)}, "
                                   f"found {score_t!r:.40}")
        return cls(float(temperature), float(threshold), reject["score"], fitted_on, float(score_t))


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def logits_of(net, x: np.ndarray, batch_size: int = INFERENCE_BATCH) -> np.ndarray:
    """The network's raw outputs (N, 10) for images x (N, 1, 28, 28), in inference mode, as float64."""
    x = np.asarray(x, dtype=net.dtype).reshape(-1, *net.input_shape)
    chunks = [net.forward(x[i:i + batch_size], train=False) for i in range(0, len(x), batch_size)]
    return np.concatenate(chunks).astype(np.float64) if chunks else np.zeros((0, 10))


def nll(logits: np.ndarray, labels: np.ndarray, temperature: float) -> float:
    """Mean negative log-likelihood of labels (N,) under softmax(logits / T)."""
    z = np.asarray(logits, np.float64) / temperature
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(labels)), labels].mean())


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The T in T_RANGE minimising the NLL of labels (N,) given logits (N, 10); golden-section on log T.

    The NLL is convex in 1/T, so one minimum: the search finds it.
    """
    labels = np.asarray(labels, np.int64)
    low, high = math.log(T_RANGE[0]), math.log(T_RANGE[1])
    a, b = high - GOLDEN * (high - low), low + GOLDEN * (high - low)
    fa, fb = nll(logits, labels, math.exp(a)), nll(logits, labels, math.exp(b))
    for _ in range(SEARCH_STEPS):
        if fa < fb:
            high, b, fb = b, a, fa
            a = high - GOLDEN * (high - low)
            fa = nll(logits, labels, math.exp(a))
        else:
            low, a, fa = a, b, fb
            b = low + GOLDEN * (high - low)
            fb = nll(logits, labels, math.exp(b))
    return math.exp((low + high) / 2)


def expected_calibration_error(probabilities: np.ndarray, labels: np.ndarray, bins: int = ECE_BINS) -> float:
    """ECE: over `bins` equal-width bins of confidence (the top probability), the weighted |accuracy - confidence|."""
    p = np.asarray(probabilities)
    return confidence_error(p.max(axis=1), p.argmax(axis=1) == np.asarray(labels), bins)


def confidence_error(confidence: np.ndarray, correct: np.ndarray, bins: int = ECE_BINS) -> float:
    """The ECE of answers given with confidence (N,) that were right or not (N,) bool."""
    _, _, conf_sum, hit_sum = reliability_bins(confidence, correct, bins)
    return float(np.abs(hit_sum - conf_sum).sum() / max(len(confidence), 1))


def reliability_bins(confidence: np.ndarray, correct: np.ndarray, bins: int = ECE_BINS):
    """Per bin of confidence (N,), given whether each answer was right (N,) bool: (counts (B,),
    edges (B + 1,), summed confidence (B,), summed hits (B,)), for the ECE and its diagram."""
    confidence = np.asarray(confidence, np.float64)
    hits = np.asarray(correct, np.float64)
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, bins - 1)
    counts = np.bincount(which, minlength=bins)
    return (counts, edges, np.bincount(which, confidence, minlength=bins),
            np.bincount(which, hits, minlength=bins))


def reliability_diagram(confidence: np.ndarray, correct: np.ndarray, bins: int = ECE_BINS) -> dict:
    """The diagram's bins as JSON-able lists: {"counts", "confidence" (mean), "accuracy"}; 0 in an empty bin."""
    counts, _, conf_sum, hit_sum = reliability_bins(confidence, correct, bins)
    shown = np.maximum(counts, 1)
    return {"counts": counts.tolist(), "confidence": (conf_sum / shown).tolist(),
            "accuracy": (hit_sum / shown).tolist()}


def choose_threshold(digit_scores: np.ndarray, max_rejected: float = MAX_REJECTED_DIGITS) -> float:
    """The highest threshold that refuses at most `max_rejected` of these validation digits' scores (N,)."""
    scores = np.sort(np.asarray(digit_scores, np.float64))
    allowed = int(math.floor(max_rejected * len(scores)))  # this many may fall under the threshold
    return float(scores[min(allowed, len(scores) - 1)])


def read_digits(net, calibration: Calibration, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Calibrated probabilities (N, 10) and which images are refused (N,) bool, for images x (N, 1, 28, 28)."""
    logits = logits_of(net, x)
    return calibration.probabilities(logits), calibration.refused(logits)


def fit_calibration(net, x: np.ndarray, y: np.ndarray, reject: bool = True,
                    max_rejected: float = MAX_REJECTED_DIGITS, fitted_on: str | None = None,
                    threshold_on: np.ndarray | None = None) -> tuple[Calibration, dict]:
    """Fit T on validation images x (N, 1, 28, 28) with labels y (N,): digits 0-9, -1 for "not a digit".

    The threshold (when `reject`) refuses at most max_rejected of the digits selected by the
    boolean mask threshold_on (default: all digits). Returns the Calibration and a JSON-able
    account of it on the same data: NLL and ECE before and after, and how many are refused.
    """
    y = np.asarray(y, np.int64)
    digits = y >= 0
    logits = logits_of(net, x)
    temperature = fit_temperature(logits[digits], y[digits])
    probs = softmax(logits / temperature)
    threshold = None
    if reject:
        chosen = digits if threshold_on is None else np.asarray(threshold_on) & digits
        threshold = choose_threshold(Calibration().scores(logits[chosen]), max_rejected)
    calibration = Calibration(temperature, threshold, fitted_on=fitted_on)
    raw = softmax(logits)
    refused = calibration.refused(logits)
    report = {"temperature": temperature, "threshold": threshold,
              "nll": [nll(logits[digits], y[digits], 1.0), nll(logits[digits], y[digits], temperature)],
              "ece": [expected_calibration_error(raw[digits], y[digits]),
                      expected_calibration_error(probs[digits], y[digits])],
              "digits_refused": float(refused[digits].mean()),
              "not_digits_refused": float(refused[~digits].mean()) if (~digits).any() else None}
    return calibration, report
