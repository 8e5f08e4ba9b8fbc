"""Sequential: state round trips, strict loading, copies, and layers that never touch their inputs."""

import numpy as np
import pytest
from helpers import EVERY_LAYER_INPUT, every_layer_net, train_step

from model.layers import BatchNorm2d, Dropout, SpecError
from model.network import Sequential


def images(seed=1, n=6):
    return np.random.default_rng(seed).random((n, *EVERY_LAYER_INPUT), dtype=np.float32)


def test_no_layer_writes_into_its_input_or_its_upstream_gradient():
    rng = np.random.default_rng(0)
    net = every_layer_net()
    x = images()
    for layer in net.layers:
        x_before = x.copy()
        out = layer.forward(x, train=True)
        np.testing.assert_array_equal(x, x_before, err_msg=f"{layer!r} forward changed its input")
        dout = rng.standard_normal(out.shape).astype(out.dtype)
        dout_before = dout.copy()
        layer.backward(dout)
        np.testing.assert_array_equal(dout, dout_before, err_msg=f"{layer!r} backward changed dout")
        np.testing.assert_array_equal(x, x_before, err_msg=f"{layer!r} backward changed its cached input")
        x = out


def test_state_dict_round_trip_reproduces_predictions_including_batchnorm_statistics():
    trained = every_layer_net(0)
    train_step(trained, images(), np.arange(6))
    assert any(not np.allclose(b, 0) and not np.allclose(b, 1) for b in trained.buffers().values())
    fresh = every_layer_net(1)
    assert not np.allclose(fresh.predict_proba(images(2)), trained.predict_proba(images(2)))
    fresh.load_state_dict(trained.state_dict())
    np.testing.assert_array_equal(fresh.predict_proba(images(2)), trained.predict_proba(images(2)))
    assert set(trained.state_dict()) == set(trained.params()) | set(trained.buffers())


def test_state_dict_is_a_copy():
    net = every_layer_net()
    state = net.state_dict()
    before = net.predict_proba(images())
    for value in state.values():
        value += 1
    np.testing.assert_array_equal(net.predict_proba(images()), before)


def test_strict_loading_names_what_is_wrong_and_changes_nothing():
    net = every_layer_net()
    before = net.state_dict()
    state = every_layer_net(3).state_dict()
    missing = {k: v for k, v in state.items() if k != "1.weight"}
    with pytest.raises(KeyError, match="1.weight"):
        net.load_state_dict(missing)
    with pytest.raises(KeyError, match="extra"):
        net.load_state_dict({**state, "extra": np.zeros(1)})
    net.load_state_dict({**state, "extra": np.zeros(1)}, strict=False)
    np.testing.assert_array_equal(net.state_dict()["1.weight"], state["1.weight"])
    net.load_state_dict(before)
    wrong = {**state, "10.weight": np.zeros((5, 5), np.float32)}
    with pytest.raises(ValueError, match="10.weight"):
        net.load_state_dict(wrong)
    for key, value in before.items():
        np.testing.assert_array_equal(net.state_dict()[key], value)


def test_copy_is_independent():
    net = every_layer_net()
    twin = net.copy()
    np.testing.assert_array_equal(twin.predict_proba(images()), net.predict_proba(images()))
    train_step(twin, images(), np.arange(6))
    assert not np.allclose(twin.predict_proba(images()), net.predict_proba(images()))
    np.testing.assert_array_equal(net.state_dict()["1.weight"], every_layer_net().state_dict()["1.weight"])


def test_astype_float64_runs_in_float64():
    net = every_layer_net().astype(np.float64)
    assert net.forward(images().astype(np.float64)).dtype == np.float64
    assert all(b.dtype == np.float64 for b in net.buffers().values())


def test_layers_that_do_not_fit_are_refused():
    spec = [{"type": "Flatten"}, {"type": "Linear", "in_features": 100, "out_features": 10}]
    with pytest.raises(SpecError, match="layer 1"):
        Sequential.from_spec(spec)
    with pytest.raises(SpecError, match="unknown layer type"):
        Sequential.from_spec([{"type": "Conv3d"}])
    with pytest.raises(SpecError, match="no option"):
        Sequential.from_spec([{"type": "Dropout", "rate": 0.5}])


def test_dropout_is_identity_at_inference_and_keeps_the_mean_in_training():
    layer = Dropout(0.5, rng=np.random.default_rng(0))
    x = np.ones((200, 100), np.float32)
    assert layer.forward(x) is x
    out = layer.forward(x, train=True)
    assert set(np.unique(out)) == {0.0, 2.0}
    assert out.mean() == pytest.approx(1.0, abs=0.02)


def test_dropout_masks_repeat_with_the_same_build_seed():
    a, b = every_layer_net(4), every_layer_net(4)
    x = images()
    np.testing.assert_array_equal(a.forward(x, train=True), b.forward(x, train=True))


def test_batchnorm_uses_running_statistics_at_inference():
    rng = np.random.default_rng(0)
    layer = BatchNorm2d(2)
    for _ in range(100):
        layer.forward((3 + 2 * rng.standard_normal((16, 2, 5, 5))).astype(np.float32), train=True)
    np.testing.assert_allclose(layer.running_mean, 3, atol=0.1)
    np.testing.assert_allclose(layer.running_var, 4, atol=0.3)
    single = np.full((1, 2, 5, 5), 5, np.float32)  # one image: batch statistics would be useless
    np.testing.assert_allclose(layer.forward(single), 1.0, atol=0.1)


def test_backward_returns_the_image_gradient_for_saliency_maps():
    net = every_layer_net().astype(np.float64)
    x = images().astype(np.float64)
    out = net.forward(x)
    assert net.backward(np.ones_like(out)).shape == x.shape
