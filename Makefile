# `make run` starts DigitLab, `make test` lints, runs the tests and the wheel check (`make test-fast`
# skips the slow tests and the wheel check); each builds .venv first if needed. `make translations`
# gathers the window's strings into the .ts file and compiles the .qm the package ships.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Tests run on every core (pytest-xdist); a test module stays on one worker, so its module-scoped fixtures are made once.
# (loadscope, not loadgroup: with pytest 9.2, xdist 3.8 ignores xdist_group marks, pytest-xdist issue 1386.)
PARALLEL := -n auto --dist loadscope --no-loadscope-reorder

TS := app/translations/digitlab_zh_CN.ts

.PHONY: run test test-fast lint bench translations clean

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
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PARALLEL)
	.ci/wheel_check $(PY)  # the wheel, installed in a fresh venv, works from another folder

test-fast: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PARALLEL) -m "not slow"

# `make bench`: DigitLab's presets beside PyTorch's CPU build when a Python with torch is found
# (TORCH_PYTHON=..., else /tmp/torchvenv/bin/python if present; TORCH_PYTHON= for DigitLab alone).
TORCH_PYTHON ?= $(wildcard /tmp/torchvenv/bin/python)
BENCH_ARGS ?=

bench: $(VENV)/.installed
	$(PY) -m tools.bench_compare --torch-python "$(TORCH_PYTHON)" $(BENCH_ARGS)

# Every tr()/translate() string in app/ and model/ (model.text) into the .ts (no line numbers: fewer
# merge conflicts), then the .qm; fails while a string is still untranslated.
translations: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete -locations none app model -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS)
	@! grep -n 'type="unfinished"' $(TS) || (echo "$(TS): translate the strings above (type=\"unfinished\")"; false)

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
