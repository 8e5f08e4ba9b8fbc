"""Optimizers and learning-rate schedules: first steps by hand, convergence, state round trips."""

import math

import numpy as np
import pytest
from helpers import train_step

from model.layers import Parameter
from model.network import Sequential
from model.optim import OPTIMIZERS, SGD, Adam, RMSprop, make_optimizer
from model.schedules import SCHEDULES, make_schedule

LR = 0.1


def quadratic_params(rng):
    """Two parameters of a convex bowl 0.5 * sum(a * (w - target)**2) with a = 1..4."""
    return {"a.weight": Parameter(rng.standard_normal((3, 4)).astype(np.float32)),
            "a.bias": Parameter(rng.standard_normal(4).astype(np.float32))}


def bowl_loss_and_grad(params, curvature, target):
    loss = 0.0
    for p in params.values():
        diff = p.data - target
        loss += float(0.5 * np.sum(curvature * diff**2))
        p.grad[...] = curvature * diff
    return loss


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_every_optimizer_walks_down_a_convex_bowl(name):
    rng = np.random.default_rng(0)
    params = quadratic_params(rng)
    curvature = np.arange(1, 5, dtype=np.float32)
    target = np.float32(0.5)
    opt = make_optimizer(name, params, lr=0.05)
    start = bowl_loss_and_grad(params, curvature, target)
    for _ in range(300):
        opt.zero_grad()
        loss = bowl_loss_and_grad(params, curvature, target)
        opt.step()
    assert loss < 0.01 * start
    assert all(p.data.dtype == np.float32 for p in params.values())


def one_param(value, grad):
    p = Parameter(np.array(value, dtype=np.float64))
    p.grad[...] = grad
    return {"w": p}


def test_plain_sgd_first_step():
    params = one_param([1.0, -2.0], [0.5, -1.0])
    SGD(params, lr=LR).step()
    np.testing.assert_allclose(params["w"].data, [1.0 - LR * 0.5, -2.0 + LR * 1.0])


def test_momentum_accumulates_velocity_over_two_steps():
    params = one_param([1.0], [2.0])
    opt = SGD(params, lr=LR, momentum=0.9)
    opt.step()
    opt.step()  # v1 = g = 2, v2 = 0.9 * 2 + 2 = 3.8; w = 1 - 0.1 * (2 + 3.8)
    np.testing.assert_allclose(params["w"].data, [1.0 - LR * (2.0 + 3.8)])


def test_nesterov_looks_ahead():
    params = one_param([1.0], [2.0])
    SGD(params, lr=LR, momentum=0.9, nesterov=True).step()  # v = 2; step = g + 0.9 v = 3.8
    np.testing.assert_allclose(params["w"].data, [1.0 - LR * 3.8])


def test_rmsprop_first_step():
    params = one_param([1.0], [2.0])
    RMSprop(params, lr=LR, alpha=0.9, eps=1e-8).step()  # s = 0.1 * 4 = 0.4
    np.testing.assert_allclose(params["w"].data, [1.0 - LR * 2.0 / (math.sqrt(0.4) + 1e-8)])


def test_adam_first_step_is_lr_times_sign_thanks_to_bias_correction():
    # Without correction the first step would be lr * 0.1 g / sqrt(0.001 g^2), about 3.16 lr.
    params = one_param([1.0, 1.0], [3.0, -0.02])
    Adam(params, lr=LR).step()
    np.testing.assert_allclose(params["w"].data, [1.0 - LR, 1.0 + LR], rtol=1e-6)


def test_adam_second_step_by_hand():
    params = one_param([0.0], [1.0])
    opt = Adam(params, lr=LR, betas=(0.9, 0.999), eps=1e-8)
    opt.step()
    params["w"].grad[...] = 3.0
    opt.step()
    m = 0.9 * 0.1 + 0.1 * 3.0
    v = 0.999 * 0.001 + 0.001 * 9.0
    step2 = LR * (m / (1 - 0.9**2)) / (math.sqrt(v / (1 - 0.999**2)) + 1e-8)
    np.testing.assert_allclose(params["w"].data, [-LR - step2], rtol=1e-6)


def test_weight_decay_adds_l2_term_and_leaves_grad_alone():
    params = one_param([2.0], [0.5])
    SGD(params, lr=LR, weight_decay=0.1).step()
    np.testing.assert_allclose(params["w"].data, [2.0 - LR * (0.5 + 0.1 * 2.0)])
    np.testing.assert_array_equal(params["w"].grad, [0.5])


MLP = [{"type": "Flatten"}, {"type": "Linear", "in_features": 12, "out_features": 8},
       {"type": "ReLU"}, {"type": "Linear", "in_features": 8, "out_features": 3}]


def run_steps(net, opt, batches):
    for x, y in batches:
        train_step(net, x, y, opt)


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_state_dict_round_trip_resumes_identically(name):
    rng = np.random.default_rng(3)
    batches = [(rng.random((5, 1, 3, 4), dtype=np.float32), rng.integers(0, 3, 5))
               for _ in range(4)]
    net = Sequential.from_spec(MLP, np.random.default_rng(1), input_shape=(1, 3, 4))
    opt = make_optimizer(name, net.params(), lr=0.01, weight_decay=1e-3)
    run_steps(net, opt, batches[:2])
    saved_net, saved_opt = net.state_dict(), opt.state_dict()
    run_steps(net, opt, batches[2:])

    fresh = Sequential.from_spec(MLP, np.random.default_rng(99), input_shape=(1, 3, 4))
    fresh.load_state_dict(saved_net)
    resumed = make_optimizer(opt.name, fresh.params(), **opt.hyperparams())
    resumed.load_state_dict(saved_opt)
    run_steps(fresh, resumed, batches[2:])
    for key, value in net.state_dict().items():
        np.testing.assert_array_equal(fresh.state_dict()[key], value)
    assert resumed.state_dict()["step"] == 4


def test_load_state_dict_rejects_mismatches_without_changing_anything():
    params = one_param([1.0], [1.0])
    opt = Adam(params, lr=LR)
    opt.step()
    good = opt.state_dict()
    for bad, words in [({k: v for k, v in good.items() if k != "m.w"}, "missing"),
                       ({**good, "m.x": good["m.w"]}, "unexpected"),
                       ({**good, "v.w": np.zeros(3)}, "shape"),
                       ({**good, "v.w": np.array([np.nan])}, "NaN"),
                       ({**good, "step": np.array(-1)}, "step")]:
        with pytest.raises(ValueError, match=words):
            opt.load_state_dict(bad)
    np.testing.assert_array_equal(opt.state_dict()["m.w"], good["m.w"])


@pytest.mark.parametrize("kw", [{"lr": 0.0}, {"lr": float("nan")}, {"lr": -1.0}, {"weight_decay": -0.1}])
def test_absurd_hyperparameters_are_refused(kw):
    with pytest.raises(ValueError, match=next(iter(kw))):
        make_optimizer("adam", one_param([1.0], [1.0]), **{"lr": LR, **kw})


def test_names_round_trip_and_unknown_name_is_refused():
    for name in OPTIMIZERS:
        opt = make_optimizer(name, one_param([1.0], [1.0]), lr=LR, momentum=0.5)
        assert opt.name == name
    with pytest.raises(ValueError, match="adamw"):
        make_optimizer("adamw", one_param([1.0], [1.0]), lr=LR)


def test_schedules():
    assert {"constant", "step", "cosine"} <= set(SCHEDULES)
    constant = make_schedule("constant", 0.1, 10)
    assert constant(0) == constant(9.5) == 0.1
    step = make_schedule("step", 0.1, 10, step_size=4, gamma=0.5)
    assert [step(e) for e in (0, 3.9, 4, 8.5)] == pytest.approx([0.1, 0.1, 0.05, 0.025])
    cosine = make_schedule("cosine", 0.1, 10)
    assert cosine(0) == pytest.approx(0.1) and cosine(5) == pytest.approx(0.05) and cosine(10) == pytest.approx(0)
    lrs = [cosine(e / 4) for e in range(41)]
    assert all(a >= b for a, b in zip(lrs, lrs[1:]))
    default_step = make_schedule("step", 1.0, 9)
    assert (default_step(2.9), default_step(3)) == pytest.approx((1.0, 0.1))


@pytest.mark.parametrize("args, words", [(("linear", 0.1, 5), "unknown schedule"), (("step", 0.0, 5), "positive"),
                                         (("cosine", 0.1, 0), "total_epochs")])
def test_bad_schedule_settings_are_refused(args, words):
    with pytest.raises(ValueError, match=words):
        make_schedule(*args)
