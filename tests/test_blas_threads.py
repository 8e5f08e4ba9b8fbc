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
