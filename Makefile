# `make run` starts DigitLab, `make test` lints, runs the tests and the wheel check (`make test-fast`
# skips the slow tests and the wheel check); each builds .venv first if needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test test-fast lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(PY) -m app

lint: $(VENV)/.installed
	$(PY) -m ruff check model app tests tools

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	.ci/wheel_check $(PY)  # the wheel, installed in a fresh venv, works from another folder

test-fast: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow"

bench: $(VENV)/.installed
	$(PY) -m model bench --json

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
