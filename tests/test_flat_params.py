"""The optimizers' flat buffers: the same updates as the textbook per-tensor formulas, and the layers still train."""

import math

import numpy as np
import pytest
from helpers import every_layer_net, train_step

from model.layers import Parameter
from model.optim import OPTIMIZERS, make_optimizer
from model.paths import WEIGHTS_DIR
from model.weights import load_weights

SHAPES = {"0.weight": (5, 3), "0.bias": (3,), "2.gamma": (7,), "3.weight": (2, 3, 3, 3)}
STEPS, LR, WD = 4, 0.05, 0.01


def naive_steps(name, values, grads):
    """Each optimizer's update written per tensor, straight from its formula, in float64."""
    w = {n: v.astype(np.float64) for n, v in values.items()}
    state = {n: {"m": np.zeros_like(v), "v": np.zeros_like(v)} for n, v in w.items()}
    for t in range(1, STEPS + 1):
        for n in w:
            g, s = grads[t - 1][n] + WD * w[n], state[n]
            if name == "sgd":
                w[n] = w[n] - LR * g
            elif name in ("momentum", "nesterov"):
                s["v"] = 0.9 * s["v"] + g
                w[n] = w[n] - LR * (g + 0.9 * s["v"] if name == "nesterov" else s["v"])
            elif name == "rmsprop":
                s["v"] = 0.99 * s["v"] + 0.01 * g**2
                w[n] = w[n] - LR * g / (np.sqrt(s["v"]) + 1e-8)
            else:
                s["m"] = 0.9 * s["m"] + 0.1 * g
                s["v"] = 0.999 * s["v"] + 0.001 * g**2
                m_hat, v_hat = s["m"] / (1 - 0.9**t), s["v"] / (1 - 0.999**t)
                w[n] = w[n] - LR * m_hat / (np.sqrt(v_hat) + 1e-8)
    return w


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_flat_update_equals_the_per_tensor_formula_for_every_parameter(name):
    rng = np.random.default_rng(0)
    values = {n: rng.standard_normal(s).astype(np.float32) for n, s in SHAPES.items()}
    grads = [{n: rng.standard_normal(s).astype(np.float32) for n, s in SHAPES.items()} for _ in range(STEPS)]
    params = {n: Parameter(v.copy()) for n, v in values.items()}
    opt = make_optimizer(name, params, lr=LR, weight_decay=WD)
    for t in range(STEPS):
        opt.zero_grad()
        for n, p in params.items():
            p.grad += grads[t][n]
        opt.step()
    expected = naive_steps(name, values, grads)
    for n, p in params.items():
        assert p.data.shape == SHAPES[n] and p.data.dtype == np.float32
        np.testing.assert_allclose(p.data, expected[n], rtol=1e-5, atol=1e-6, err_msg=n)


def test_layers_keep_their_weights_and_train_through_the_flat_buffer():
    net = every_layer_net()
    x = np.random.default_rng(1).random((6, *net.input_shape), dtype=np.float32)
    before = net.predict_proba(x)
    opt = make_optimizer("adam", net.params(), lr=1e-2)
    np.testing.assert_array_equal(net.predict_proba(x), before)  # packing moved the weights, changed nothing
    assert all(np.shares_memory(p.data, opt.flat.data) for p in net.params().values())
    labels = np.arange(6) % 3
    losses = [train_step(net, x, labels, opt, input_grad=False) for _ in range(30)]
    assert losses[-1] < 0.5 * losses[0]


def test_an_optimizer_follows_parameters_given_new_arrays():
    net = every_layer_net()
    x = np.random.default_rng(2).random((6, *net.input_shape))
    labels = np.arange(6) % 3
    first = make_optimizer("momentum", net.params(), lr=1e-2)
    second = make_optimizer("momentum", net.params(), lr=1e-2)  # packs the same parameters again
    net.astype(np.float64)  # and the network gets new arrays
    for opt in (first, second, first):
        start = net.state_dict()
        train_step(net, x, labels, opt, input_grad=False)
        assert not all(np.array_equal(start[n], p.data) for n, p in net.params().items())
        assert all(p.data.dtype == np.float64 for p in net.params().values())


def test_a_bundled_file_s_optimizer_state_resumes_exactly():
    ckpt = load_weights(WEIGHTS_DIR / "mlp.npz")
    saved = ckpt.optimizer_state
    opt = ckpt.make_optimizer()
    for key, value in opt.state_dict().items():
        np.testing.assert_array_equal(value, saved[key], err_msg=key)
    m, v = opt.state["m"]["2.weight"].copy(), opt.state["v"]["2.weight"].copy()
    opt.zero_grad()
    ckpt.net.params()["2.weight"].grad += 1.0
    opt.step()
    b1, b2 = opt.beta1, opt.beta2
    np.testing.assert_allclose(opt.state["m"]["2.weight"], b1 * m + (1 - b1), rtol=1e-5)
    np.testing.assert_allclose(opt.state["v"]["2.weight"], b2 * v + (1 - b2), rtol=1e-5)
    assert opt.t == int(saved["step"]) + 1 and math.isfinite(float(opt.state["m"]["5.bias"].sum()))
