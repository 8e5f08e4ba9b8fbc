"""The window's one BLAS thread holds whatever imported NumPy first."""
import os
import subprocess
import sys

import pytest

from app.blas_threads import ENV_NAMES

CHECK = """
import numpy  # first: too late for environment variables
import app.main
from threadpoolctl import threadpool_info
print(sorted({pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}))
"""


def blas_threads_after(code: str, **env) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
    result = subprocess.run([sys.executable, "-c", code], env={**clean, **env, "QT_QPA_PLATFORM": "offscreen"},
                            capture_output=True, text=True, check=True, timeout=120)
    return result.stdout.strip()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: one BLAS thread whatever the setting")
def test_numpy_imported_before_the_app_still_gets_one_blas_thread():
    assert blas_threads_after(CHECK) == "[1]"


def test_a_users_own_setting_wins():
    assert blas_threads_after(CHECK, OPENBLAS_NUM_THREADS="2") == "[2]"


CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
CHOICES = """
import app.main
from app.blas_threads import thread_chooser
print(thread_chooser().choices)
"""


@pytest.mark.skipif(CORES < 2, reason="one core: one thread is the only choice")
def test_a_training_process_tries_one_thread_then_one_per_core_but_the_users_setting_only():
    assert blas_threads_after(CHOICES) == f"(1, {CORES})"
    assert blas_threads_after(CHOICES, OPENBLAS_NUM_THREADS="3") == "(3,)"
