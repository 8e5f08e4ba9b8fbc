"""OpenBLAS's core type is named only where the CPU can run it, and never over the user's choice."""

import os
import sys

import numpy  # noqa: F401  loaded, as in any test run
import pytest

from model.blas import SKYLAKEX_FLAGS, tune_openblas


@pytest.fixture
def before_numpy(monkeypatch):
    monkeypatch.delitem(sys.modules, "numpy")
    monkeypatch.delenv("OPENBLAS_CORETYPE", raising=False)
    return monkeypatch


def test_avx512_cpu_gets_skylakex_kernels(before_numpy):
    assert tune_openblas(SKYLAKEX_FLAGS | {"sse2"}) == "SkylakeX"
    assert os.environ["OPENBLAS_CORETYPE"] == "SkylakeX"


def test_cpu_without_every_avx512_flag_is_left_alone(before_numpy):
    assert tune_openblas(SKYLAKEX_FLAGS - {"avx512vl"}) is None


def test_user_setting_wins(before_numpy):
    before_numpy.setenv("OPENBLAS_CORETYPE", "Haswell")
    assert tune_openblas(SKYLAKEX_FLAGS) is None


def test_too_late_once_numpy_is_loaded(monkeypatch):
    monkeypatch.delenv("OPENBLAS_CORETYPE", raising=False)
    assert tune_openblas(SKYLAKEX_FLAGS) is None
