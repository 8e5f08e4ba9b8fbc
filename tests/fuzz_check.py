"""Run the command line in-process on one file and check that it ended cleanly.

Clean: exit 0 with nothing on stderr, or a non-zero exit with exactly one
line on stderr, the command's own error line. Never a traceback.
"""

from __future__ import annotations

import contextlib
import io
import json
from unittest import mock

from model.cli import inspect as inspect_command
from model.cli.main import main
from model.evaluation import evaluate_mnist_test

# Files that load are scored on a few test images: the fuzz is about reading, not about MNIST.
EVALUATE_IMAGES = 1000  # every digit appears


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `digitlab-cli argv`, run in this process."""
    out, err = io.StringIO(), io.StringIO()
    short = lambda net: evaluate_mnist_test(net, limit=EVALUATE_IMAGES)  # noqa: E731
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            mock.patch.object(inspect_command, "evaluate_mnist_test", short):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def assert_clean(argv: list[str], command: str) -> int:
    """Run `argv` and assert it ended cleanly (see the module docstring); returns the exit code.

    What `predict` prints must be strict JSON: no NaN probabilities.
    """
    code, out, err = run_cli(argv)
    if command == "predict":
        for line in out.splitlines():
            json.loads(line, parse_constant=_refuse)
    lines = err.splitlines()
    if code == 0:
        assert err == "", f"{argv} succeeded but wrote to stderr:\n{err}"
    else:
        assert len(lines) == 1, f"{argv} exited {code} with {len(lines)} lines on stderr:\n{err}"
        assert lines[0].startswith(f"digitlab-cli {command}: error: "), lines[0]
        assert "Traceback" not in err
    return code


def _refuse(name: str):
    raise AssertionError(f"predict printed {name}, which is not JSON")
