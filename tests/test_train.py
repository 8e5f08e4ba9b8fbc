"""The training generator: progress records, early stopping, stopping, divergence, config errors, metrics."""

import copy
import dataclasses
import math

import numpy as np
import pytest
from helpers import LINEAR, blobs, linear_net

import model.train as train_module
from model.data import mnist
from model.evaluation import evaluate
from model.losses import SoftmaxCrossEntropy
from model.network import Sequential
from model.optim import SGD
from model.train import ConfigError, Progress, TrainConfig, train


def weights_equal(a, b):
    return all(np.array_equal(a.state_dict()[k], v) for k, v in b.state_dict().items())


def test_loss_falls_and_records_come_in_order():
    x, y = blobs(320)
    xv, yv = blobs(100, seed=1)
    config = TrainConfig(epochs=3, batch_size=32, lr=1e-3, log_every=4, schedule="cosine")
    records = list(train(linear_net(), x, y, config, x_val=xv, y_val=yv))
    kinds = [r.kind for r in records]
    assert kinds == (["batch"] * 3 + ["epoch"]) * 3 + ["done"]  # batches 4, 8 and the last (10)
    assert [r.batch for r in records if r.kind == "batch"][:3] == [4, 8, 10]
    steps = [r.step for r in records]
    assert steps == sorted(steps) and records[-1].step == records[-1].total_steps == 30
    for r in records[:-1]:
        assert r.step == (r.epoch - 1) * r.batches_per_epoch + r.batch
        assert 0 <= r.acc <= 1 and r.loss > 0 and r.images_per_s > 0 and r.eta >= 0
        assert (r.val_loss is None) == (r.kind == "batch")
    done = records[-1]
    assert done.reason == "finished" and done.eta == 0 and "finished 3 epochs" in done.message
    assert done.history["loss"][-1] < 0.5 * done.history["loss"][0]
    assert done.history["val_acc"][-1] > 0.9
    assert done.history["lr"] == sorted(done.history["lr"], reverse=True)  # cosine decays
    elapsed = [r.elapsed for r in records]
    assert elapsed == sorted(elapsed)


def test_records_are_plain_and_copyable():
    x, y = blobs(64)
    records = list(train(linear_net(), x, y, TrainConfig(epochs=1, batch_size=32, log_every=1)))
    for record in records:
        twin = copy.deepcopy(record)
        assert twin == record
        for value in dataclasses.astuple(record):
            assert not isinstance(value, np.ndarray)
    assert isinstance(records[-1], Progress)


def test_learns_real_mnist_digits():
    images, labels = mnist.load_mnist("train")
    x, y = mnist.to_float(images[:3000]), labels[:3000]
    net = Sequential.from_spec(LINEAR[:2] + [
        {"type": "Linear", "in_features": 784, "out_features": 64, "init": "he"}, {"type": "ReLU"},
        {"type": "Linear", "in_features": 64, "out_features": 10, "init": "xavier"}], np.random.default_rng(0))
    config = TrainConfig(epochs=2, batch_size=64, max_train=2000)
    done = list(train(net, x, y, config, x_val=x[2000:], y_val=y[2000:]))[-1]
    assert done.reason == "finished" and done.step == 2 * math.ceil(2000 / 64)
    assert done.history["loss"][1] < done.history["loss"][0]
    assert evaluate(net, x[2000:], y[2000:]).accuracy > 0.85


def test_same_seed_same_network():
    x, y = blobs(96)
    nets = [linear_net(), linear_net()]
    for net in nets:
        list(train(net, x, y, TrainConfig(epochs=2, batch_size=32, seed=5)))
    assert weights_equal(*nets)
    other = linear_net()
    list(train(other, x, y, TrainConfig(epochs=2, batch_size=32, seed=6)))
    assert not weights_equal(nets[0], other)


def test_early_stopping_fires_and_restores_the_best_epoch():
    x, y = blobs(200)
    y_wrong = (y + 1) % 10  # validation that training only makes worse
    net = linear_net()
    config = TrainConfig(epochs=30, batch_size=50, lr=1e-2, patience=2)
    done = list(train(net, x, y, config, x_val=x[:100], y_val=y_wrong[:100]))[-1]
    epochs_run = len(done.history["loss"])
    assert done.reason == "early_stopped" and epochs_run < 30
    assert epochs_run == done.best_epoch + 2
    assert "validation loss had not improved for 2 epochs" in done.message
    best_val_loss = done.history["val_loss"][done.best_epoch - 1]
    assert evaluate(net, x[:100], y_wrong[:100]).loss == pytest.approx(best_val_loss, rel=1e-5)
    assert done.val_loss == best_val_loss


def test_should_stop_stops_between_batches_and_leaves_finite_weights():
    x, y = blobs(320)
    calls = []

    def stop_at_seventh_check():
        calls.append(1)
        return len(calls) >= 7

    net = linear_net()
    opt = SGD(net.params(), lr=0.01)
    records = list(train(net, x, y, TrainConfig(epochs=5, batch_size=32, restore_best=False), optimizer=opt,
                         should_stop=stop_at_seventh_check))
    done = records[-1]
    assert done.reason == "stopped" and done.epoch == 1 and done.batch == 6 and done.step == 6
    assert opt.t == 6 and "stopped as asked" in done.message
    assert all(np.isfinite(p.data).all() for p in net.params().values())


def test_stop_mid_epoch_restores_best_epoch_weights():
    x, y = blobs(320)
    xv, yv = blobs(100, seed=1)
    net = linear_net()
    stop_after = 10 * 2 + 5  # five batches into the third epoch
    checks = iter(range(1000))
    gen = train(net, x, y, TrainConfig(epochs=5, batch_size=32), x_val=xv, y_val=yv,
                should_stop=lambda: next(checks) >= stop_after)
    done = list(gen)[-1]
    assert done.reason == "stopped" and done.epoch == 3 and done.best_epoch in (1, 2)
    assert evaluate(net, xv, yv).loss == pytest.approx(done.history["val_loss"][done.best_epoch - 1], rel=1e-5)


def test_closing_the_generator_leaves_the_network_as_last_reported():
    x, y = blobs(320)
    net = linear_net()
    opt = SGD(net.params(), lr=0.01, momentum=0.9)
    gen = train(net, x, y, TrainConfig(epochs=3, batch_size=32, log_every=3), optimizer=opt)
    for record in gen:
        if record.step >= 6:
            break
    snapshot = net.copy()
    gen.close()
    assert opt.t == record.step == 6
    assert weights_equal(net, snapshot)
    assert net.predict(x[:5]).shape == (5,)


class RecordingSGD(SGD):
    """SGD that keeps a copy of the weights before every step it takes."""

    def __init__(self, params, lr):
        super().__init__(params, lr)
        self.before = []

    def step(self):
        self.before.append({n: p.data.copy() for n, p in self.params.items()})
        super().step()


def test_huge_learning_rate_diverges_and_keeps_last_good_weights():
    x, y = blobs(320)
    net = linear_net()
    opt = RecordingSGD(net.params(), lr=10.0)
    done = list(train(net, x, y, TrainConfig(epochs=5, batch_size=32, loss="mse", lr=10.0), optimizer=opt))[-1]
    assert done.reason == "diverged"
    assert done.message.startswith(f"training diverged at epoch {done.epoch}, batch {done.batch} (loss is ")
    assert "smaller learning rate" in done.message
    assert len(opt.before) == done.step >= 1
    for name, p in net.params().items():
        assert np.isfinite(p.data).all()
        np.testing.assert_array_equal(p.data, opt.before[-1][name])


@pytest.mark.parametrize("change, words", [
    ({"epochs": 0}, "epochs"), ({"epochs": 1001}, "epochs"), ({"epochs": 2.5}, "epochs"),
    ({"batch_size": 0}, "batch size"), ({"batch_size": 500}, "larger than the 64 training images"),
    ({"lr": 0.0}, "learning rate"), ({"lr": float("nan")}, "learning rate"), ({"lr": 11.0}, "learning rate"),
    ({"momentum": 1.0}, "momentum"), ({"weight_decay": -1e-4}, "weight decay"),
    ({"optimizer": "adamw"}, "unknown optimizer 'adamw'"), ({"schedule": "linear"}, "unknown schedule"),
    ({"loss": "hinge"}, "unknown loss"), ({"patience": 0}, "patience"), ({"max_train": 0}, "training-set size"),
    ({"patience": 3}, "needs validation data"),
])
def test_absurd_settings_raise_config_error_at_once(change, words):
    x, y = blobs(64)
    with pytest.raises(ConfigError, match=words) as info:
        train(linear_net(), x, y, TrainConfig(**{"batch_size": 32, **change}))
    assert "\n" not in str(info.value)


def test_bad_data_is_refused():
    x, y = blobs(64)
    with pytest.raises(ValueError, match="labels"):
        train(linear_net(), x, y + 10, TrainConfig(batch_size=32))
    with pytest.raises(ValueError, match="images"):
        train(linear_net(), x[:, 0], y, TrainConfig(batch_size=32))
    with pytest.raises(ValueError, match="to_float"):
        train(linear_net(), (x * 255).astype(np.uint8), y, TrainConfig(batch_size=32))


def test_augmentation_changes_what_the_network_sees():
    x, y = blobs(64)
    plain, augmented = linear_net(), linear_net()
    list(train(plain, x, y, TrainConfig(epochs=1, batch_size=32)))
    done = list(train(augmented, x, y, TrainConfig(epochs=1, batch_size=32, augment=True)))[-1]
    assert done.reason == "finished" and not weights_equal(plain, augmented)


def test_batch_records_carry_the_loss_of_their_interval_and_the_training_size(monkeypatch):
    x, y = blobs(70)  # batches of 32, 32 and the last 6
    losses, original = [], SoftmaxCrossEntropy.forward

    def spy(self, logits, labels):
        losses.append((original(self, logits, labels), len(labels)))
        return losses[-1][0]

    monkeypatch.setattr(SoftmaxCrossEntropy, "forward", spy)
    records = list(train(linear_net(), x, y, TrainConfig(epochs=2, batch_size=32, log_every=2)))
    batches = [r for r in records if r.kind == "batch"]
    assert [r.batch for r in batches] == [2, 3, 2, 3]
    first, last = losses[0:2], losses[2:3]  # epoch 1: batches 1-2, then batch 3
    assert batches[0].interval_loss == pytest.approx(sum(loss * n for loss, n in first) / 64)
    assert batches[1].interval_loss == pytest.approx(last[0][0])
    assert all(r.train_images == 70 for r in records)


def test_reports_per_epoch_sets_how_often_batches_are_reported():
    x, y = blobs(320)  # 10 batches of 32
    records = list(train(linear_net(), x, y, TrainConfig(epochs=1, batch_size=32, reports_per_epoch=5)))
    assert [r.batch for r in records if r.kind == "batch"] == [2, 4, 6, 8, 10]


def test_time_spent_paused_or_by_the_caller_is_not_counted(monkeypatch):
    now = [0.0]
    monkeypatch.setattr(train_module, "clock", lambda: now[0])  # work takes no time on this clock

    def paused_for_an_hour():
        now[0] += 3600
        return False

    x, y = blobs(64)
    xv, yv = blobs(32, seed=1)
    records = []
    for record in train(linear_net(), x, y, TrainConfig(epochs=2, batch_size=32), x_val=xv, y_val=yv,
                        should_stop=paused_for_an_hour):
        now[0] += 3600  # the caller holds each record for an hour
        records.append(record)
    assert all(r.elapsed == 0 and r.eta == 0 for r in records)
    assert records[-1].history["elapsed"] == [0, 0] and " in 0 s" in records[-1].message
