# Quire: the two commands a newcomer needs (README.md): `make demo` and `make test`.
# Both install the system packages when missing (Debian: libcmark-gfm), then build with SwiftPM.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
NOTEBOOKS := $(wildcard Notebooks/*.md)

.PHONY: all deps build release demo test test-elementary test-integration test-slurm check lint bench clean

all: build

## deps: install libcmark-gfm (and pkg-config) from Debian when they are missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark-gfm \
	    || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
	  echo "Installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## demo: run the quickstart paper in place (a second run leaves it byte-identical).
demo: release
	.build/release/quire run Notebooks/quickstart.md
	.build/release/quire check Notebooks/quickstart.md
	@echo "Rewrote Notebooks/quickstart.md; 'git diff Notebooks/' shows what changed."

## test: unit and integration tests, then every example paper must rebuild byte for byte.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) check
	Tests/quireTests/libm-shim/check-perturbed.sh $(NOTEBOOKS)
	$(MAKE) lint

## test-elementary: every elementary function within 1 ulp of the double-double oracle on 2^20 arguments
## each (the debug `swift test` sweeps 2^16), release-built; prints each function's largest error.
test-elementary: deps
	QUIRE_ELEMENTARY_SWEEP=full $(SWIFT) test -c release -Xswiftc -enable-testing --filter 'OracleValidationTests|ElementarySweepTests'

## test-integration: `quire export --mlflow` against a real MLflow server, and `quire export --reproduce`
## checked by scikit-learn and Qiskit (Tests/Reproduction). Both are installed with pip into
## .build/venv-mlflow and .build/venv-reproduce, which git ignores; needs python3 with venv and
## network access to PyPI.
MLFLOW_VENV := .build/venv-mlflow
REPRODUCE_VENV := .build/venv-reproduce
test-integration: deps
	@[ -x $(MLFLOW_VENV)/bin/mlflow ] || { python3 -m venv $(MLFLOW_VENV) && $(MLFLOW_VENV)/bin/pip install -q mlflow; }
	@[ -x $(REPRODUCE_VENV)/bin/python ] && $(REPRODUCE_VENV)/bin/python -c "import sklearn, qiskit" 2>/dev/null \
	  || { python3 -m venv $(REPRODUCE_VENV) && $(REPRODUCE_VENV)/bin/pip install -q numpy scikit-learn qiskit; }
	$(SWIFT) build --build-tests
	QUIRE_MLFLOW=$(CURDIR)/$(MLFLOW_VENV)/bin/mlflow $(SWIFT) test --skip-build --filter MLflowExportTests
	sh Tests/Reproduction/run.sh .build/debug/quire $(REPRODUCE_VENV)/bin/python

## test-slurm: `quire run --executor slurm` on a real single-node Slurm cluster (Debian's slurmctld, slurmd,
## slurm-client and munge, installed when missing; root). Tests/Slurm/cluster.sh starts it with MaxArraySize=5
## and stops it afterwards, also when a test fails.
test-slurm: release
	Tests/Slurm/cluster.sh install
	Tests/Slurm/cluster.sh start 5
	QUIRE=.build/release/quire Tests/Slurm/integration.sh; status=$$?; Tests/Slurm/cluster.sh stop; exit $$status

## check: every example paper rebuilds byte for byte (release build: the papers train models).
check: release
	.build/release/quire check $(NOTEBOOKS)

## lint: the toolchain's swift-format in strict mode over every Swift file (.swift-format holds the settings).
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks/Package.swift Benchmarks/Sources Fuzz/Sources

## bench: performance harness (release build), side by side with the peers where there is one.
bench: deps
	$(MAKE) -C Benchmarks

## fuzz-TARGET: run a libFuzzer target (document, qasm, noise, experiment, dataset) for SECONDS seconds (Fuzz/Makefile).
fuzz-%: deps
	$(MAKE) -C Fuzz $*

clean:
	rm -rf .build
