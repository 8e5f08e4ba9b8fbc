"""Batched augmentation: warps, stroke thickness, ranges, determinism."""

import numpy as np
import pytest
from helpers import centre_of_mass

from model.data.augment import augment, stroke, warp
from model.data.mnist import load_mnist, to_float


@pytest.fixture(scope="module")
def batch():
    return to_float(load_mnist("test")[0][:64])


def test_identity_parameters_give_the_input_back(batch):
    out = augment(batch, np.random.default_rng(0), max_shift=0, max_rotate=0, scale=(1, 1), thickness_prob=0)
    assert out.shape == batch.shape and out.dtype == np.float32
    assert np.allclose(out, batch, atol=1e-6)
    assert out is not batch


@pytest.mark.parametrize("k", [1, 2, 3])
def test_a_shift_of_k_pixels_moves_the_centre_of_mass_by_k(batch, k):
    n = len(batch)
    shift = np.tile([k, -k], (n, 1)).astype(float)
    moved = warp(batch, shift, np.zeros(n), np.ones(n))
    delta = centre_of_mass(moved[:, 0]) - centre_of_mass(batch[:, 0])
    # A digit pushed over the edge loses ink and its centre moves less.
    kept = np.isclose(moved.sum(axis=(1, 2, 3)), batch.sum(axis=(1, 2, 3)), rtol=1e-5)
    assert kept.mean() > 0.6
    assert np.allclose(delta[kept], [k, -k], atol=1e-3)
    assert np.allclose(np.median(delta, axis=0), [k, -k], atol=0.05)


def test_half_pixel_shift_is_interpolated(batch):
    n = len(batch)
    moved = warp(batch, np.full((n, 2), 0.5), np.zeros(n), np.ones(n))
    delta = centre_of_mass(moved[:, 0]) - centre_of_mass(batch[:, 0])
    assert np.allclose(np.median(delta, axis=0), [0.5, 0.5], atol=0.05)


def test_rotation_turns_a_bar():
    bar = np.zeros((1, 1, 28, 28), np.float32)
    bar[0, 0, 4:24, 13:15] = 1  # vertical
    turned = warp(bar, np.zeros((1, 2)), np.array([90.0]), np.ones(1))
    rows = np.flatnonzero(turned[0, 0].max(axis=1) > 0.5)
    cols = np.flatnonzero(turned[0, 0].max(axis=0) > 0.5)
    assert rows.size <= 3 and cols.size >= 18  # now horizontal


def test_scale_enlarges_about_the_centre(batch):
    n = len(batch)
    big = warp(batch, np.zeros((n, 2)), np.zeros(n), np.full(n, 1.2))
    assert big.sum() > 1.3 * batch.sum()  # area grows by about 1.2 ** 2
    assert np.allclose(np.median(centre_of_mass(big[:, 0]) - 13.5, axis=0), np.median(centre_of_mass(batch[:, 0]) - 13.5, axis=0) * 1.2, atol=0.2)


def test_dilation_adds_ink_and_erosion_removes_it(batch):
    n = len(batch)
    thick = stroke(batch, np.ones(n))
    thin = stroke(batch, -np.ones(n))
    mass = batch.sum(axis=(1, 2, 3))
    assert np.all(thick.sum(axis=(1, 2, 3)) > 1.3 * mass)
    assert np.all(thin.sum(axis=(1, 2, 3)) < 0.8 * mass)
    assert np.allclose(stroke(batch, np.zeros(n)), batch)


def test_thickness_changes_only_a_subset(batch):
    out = augment(batch, np.random.default_rng(3), max_shift=0, max_rotate=0, scale=(1, 1), thickness_prob=0.5)
    changed = np.abs(out - batch).max(axis=(1, 2, 3)) > 1e-6
    assert 0.2 < changed.mean() < 0.8


def test_output_stays_in_unit_range_and_input_is_untouched(batch):
    before = batch.copy()
    out = augment(batch, np.random.default_rng(1), max_shift=4, max_rotate=30, scale=(0.7, 1.3), thickness_prob=1)
    assert out.min() >= 0 and out.max() <= 1 and out.dtype == np.float32
    assert np.array_equal(batch, before)


def test_same_generator_state_same_result(batch):
    a = augment(batch, np.random.default_rng(5))
    b = augment(batch, np.random.default_rng(5))
    c = augment(batch, np.random.default_rng(6))
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_random_shifts_spread_over_the_range(batch):
    x = np.repeat(batch[:1], 400, axis=0)
    out = augment(x, np.random.default_rng(2), max_shift=2, max_rotate=0, scale=(1, 1), thickness_prob=0)
    delta = centre_of_mass(out[:, 0]) - centre_of_mass(x[:, 0])
    assert np.all(np.abs(delta) < 2.2)
    assert delta.std(axis=0).min() > 0.9  # uniform on [-2, 2] has std 1.15
