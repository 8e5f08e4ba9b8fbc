"""DigitLab's training speed beside PyTorch's CPU build, preset by preset: what `make bench` runs.

    python -m tools.bench_compare [--torch-python /tmp/torchvenv/bin/python] [--rounds 3] [--threads N]

Each round runs `python -m model bench` and then, when a Python with torch is
given (or TORCH_PYTHON names one, or /tmp/torchvenv/bin/python exists),
`model.cli.bench_torch` for the same preset, each in a fresh process, one
after the other: interleaved, so a change in the machine's other load hits
both. The table keeps each engine's best round. It names the CPU and the
kernel family NumPy's OpenBLAS chose (threadpoolctl's "architecture"): the
figures are only comparable between runs with the same ones. torch is never
imported here; it runs in its own environment.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TORCH_PYTHON = Path("/tmp/torchvenv/bin/python")
PRESETS = ("mlp", "small-cnn", "cnn")
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def blas_kernel() -> str:
    """The OpenBLAS kernel family NumPy uses here, as threadpoolctl reports it."""
    import numpy  # noqa: F401  loads the BLAS that threadpoolctl then finds
    from threadpoolctl import threadpool_info

    found = [f"{i.get('architecture')} ({i.get('internal_api')} {i.get('version')})"
             for i in threadpool_info() if i.get("user_api") == "blas"]
    return ", ".join(found) or "unknown"


def run_bench(python: str, module: str, root: Path, preset: str, seconds: float, env: dict) -> dict:
    """One preset measured by `module` of the checkout at `root`, in a fresh `python`; its JSON result."""
    command = [python, "-m", module, "--preset", preset, "--seconds", str(seconds), "--json"]
    out = subprocess.run(command, cwd=root, env={**env, "PYTHONPATH": str(root)}, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(presets, rounds: int, seconds: float, torch_python: str | None, env: dict,
            before: Path | None = None) -> dict:
    """preset -> engine -> the best of `rounds` interleaved results.

    Training and inference are judged apart: the round with the most training images/s
    need not have had the fastest single image, and both are noisy the same way.
    """
    best: dict[str, dict[str, dict]] = {p: {} for p in presets}
    engines = [("numpy", sys.executable, "model.cli.bench", ROOT)]
    if before is not None:
        engines.append(("before", sys.executable, "model.cli.bench", before))
    if torch_python:
        engines.append(("torch", torch_python, "model.cli.bench_torch", ROOT))
    for r in range(1, rounds + 1):
        for preset in presets:
            for engine, python, module, root in engines:
                result = run_bench(python, module, root, preset, seconds, env)
                print(f"round {r}: {preset:>9} {engine:>6} {result['train_images_per_s']:>9.0f} images/s", flush=True)
                kept = best[preset].get(engine)
                if kept is None:
                    best[preset][engine] = result
                    continue
                fastest_image = min(kept["inference_ms"], result["inference_ms"])
                if result["train_images_per_s"] > kept["train_images_per_s"]:
                    best[preset][engine] = kept = result
                kept["inference_ms"] = fastest_image
    return best


COLUMNS = {"numpy": "DigitLab", "before": "DigitLab before", "torch": "PyTorch"}


def table(best: dict) -> str:
    """A markdown table: images/s of each engine, the ratios to PyTorch, inference ms."""
    engines = [e for e in COLUMNS if e in next(iter(best.values()))]
    ours = [e for e in engines if e != "torch"]
    head = [f"{COLUMNS[e]} img/s" for e in engines]
    if "torch" in engines:
        head += ["ratio" if e == "numpy" else "ratio before" for e in ours]
    head += [f"{COLUMNS[e]} inference ms" for e in engines]
    rows = ["| preset | " + " | ".join(head) + " |", "|" + " --- |" * (len(head) + 1)]
    for preset, by_engine in best.items():
        speed = {e: by_engine[e]["train_images_per_s"] for e in engines}
        cells = [f"{speed[e]:,.0f}" for e in engines]
        if "torch" in engines:
            cells += [f"{speed[e] / speed['torch']:.2f}" for e in ours]
        cells += [f"{by_engine[e]['inference_ms']:.3f}" for e in engines]
        rows.append(f"| {preset} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def torch_python_to_use(given: str | None) -> str | None:
    if given is not None:
        return given or None  # an empty value turns the comparison off
    named = os.environ.get("TORCH_PYTHON")
    if named:
        return named
    return str(DEFAULT_TORCH_PYTHON) if DEFAULT_TORCH_PYTHON.exists() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", action="append", choices=PRESETS, help="repeatable; default: all")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best is kept")
    parser.add_argument("--seconds", type=float, default=5.0, help="training time measured per run")
    parser.add_argument("--threads", type=int, help="threads for both engines' BLAS (default: theirs)")
    parser.add_argument("--before", type=Path, help="another DigitLab checkout, measured as a third engine")
    parser.add_argument("--torch-python", help="a Python with torch (default: $TORCH_PYTHON, then "
                                               f"{DEFAULT_TORCH_PYTHON} if it exists; '' for none)")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    if args.threads:
        env.update({name: str(args.threads) for name in THREAD_VARIABLES})
    torch_python = torch_python_to_use(args.torch_python)
    load_before = os.getloadavg()[0]
    best = measure(args.preset or PRESETS, args.rounds, args.seconds, torch_python, env, args.before)
    first = next(iter(best.values()))
    print(f"CPU: {cpu_model()}, {os.cpu_count()} logical CPUs; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")
    print(f"NumPy {first['numpy']['numpy']}, BLAS kernels {blas_kernel()}, "
          f"BLAS threads {first['numpy'].get('blas_threads', '?')}"
          + (f"; PyTorch {first['torch']['torch']}, threads {first['torch']['torch_threads']}"
             if "torch" in first else "; no PyTorch to compare with"))
    print(f"Training batch {first['numpy']['batch_size']}, Adam; best of {args.rounds} interleaved rounds "
          f"of {args.seconds:g} s; inference: one image, median of a round, best round")
    print(table(best))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
