"""Choose OpenBLAS's kernels before NumPy loads it."""

from __future__ import annotations

import os
import sys

# What OpenBLAS's SkylakeX kernels execute; without all of them they would crash.
SKYLAKEX_FLAGS = frozenset({"avx512f", "avx512bw", "avx512dq", "avx512vl"})
CPUINFO = "/proc/cpuinfo"


def cpu_flags(path: str = CPUINFO) -> frozenset[str]:
    """The CPU feature flags Linux reports; empty where there is no /proc/cpuinfo."""
    try:
        with open(path) as f:
            for line in f:
                if line.startswith("flags"):
                    return frozenset(line.split(":", 1)[1].split())
    except OSError:
        pass
    return frozenset()


def tune_openblas(flags: frozenset[str] | None = None) -> str | None:
    """Name the AVX-512 core type where OpenBLAS would take the CPU for an older one.

    On some virtual machines OpenBLAS reads an AVX-512 CPU as "Haswell" (AVX2),
    and its matrix products, most of a convolution's time, run 1.5-1.7x slower.
    Call it before NumPy is imported (later it has no effect); a user's own
    OPENBLAS_CORETYPE wins. Returns the core type set, if any.
    """
    if "numpy" in sys.modules or "OPENBLAS_CORETYPE" in os.environ:
        return None
    if SKYLAKEX_FLAGS <= (cpu_flags() if flags is None else flags):
        os.environ["OPENBLAS_CORETYPE"] = "SkylakeX"
        return "SkylakeX"
    return None
