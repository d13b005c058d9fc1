#!/bin/sh
# Runs Tests/Reproduction/paper.md in a scratch folder, exports it with `quire export --reproduce`
# and checks every repeat with scikit-learn and Qiskit (reproduce.py). Usage: run.sh QUIRE PYTHON
set -eu
quire=$1
python=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/paper.md" "$work/paper.md"
"$quire" run --quiet "$work/paper.md"
"$quire" export --reproduce "$work/export" "$work/paper.md"
"$python" "$here/reproduce.py" "$work/export"
