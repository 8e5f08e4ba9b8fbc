"""The fused softmax cross-entropy gives the textbook values: -mean(log softmax[y]), and (p - onehot) / N."""

import numpy as np

from model.losses import UNIFORM, SoftmaxCrossEntropy


def textbook(logits, labels):
    """Softmax, then the cross-entropy to the one-hot (or, for UNIFORM, the uniform) target, in float64."""
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    target = np.full_like(p, 1 / p.shape[1])
    known = labels != UNIFORM
    target[known] = np.eye(p.shape[1])[labels[known]]
    return -(target * np.log(p)).sum(axis=1).mean(), (p - target) / len(p)


def test_fused_loss_and_gradient_equal_softmax_then_cross_entropy():
    rng = np.random.default_rng(0)
    logits = (5 * rng.standard_normal((64, 10))).astype(np.float32)
    original = logits.copy()
    for labels in (rng.integers(0, 10, 64), np.where(np.arange(64) % 3 == 0, UNIFORM, rng.integers(0, 10, 64))):
        loss = SoftmaxCrossEntropy()
        value, grad = loss.forward(logits, labels), loss.backward()
        want_value, want_grad = textbook(logits.astype(np.float64), labels)
        assert abs(value - want_value) < 1e-5 * max(1.0, want_value)
        assert grad.dtype == np.float32
        np.testing.assert_allclose(grad, want_grad, atol=1e-7)
        np.testing.assert_array_equal(logits, original)  # the loss never writes into its input
