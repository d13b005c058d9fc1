#!/usr/bin/env bash
# `make test-slurm`'s integration tests, against the cluster Tests/Slurm/cluster.sh started with
# MaxArraySize=5: QUIRE=path/to/quire Tests/Slurm/integration.sh
#  1. a sweep of 16 points run with --executor slurm is byte-identical to a local run, in 4 arrays
#     (MaxArraySize=5), and a later local run is all cache hits;
#  2. an array task cancelled while it runs is submitted again and the document still comes out
#     byte-identical to a local run.
set -euo pipefail
QUIRE=$(realpath "${QUIRE:?set QUIRE to the quire executable}")
export SLURM_CONF=${SLURM_CONF:-${SLURM_TEST_DIR:-/tmp/quire-slurm}/slurm.conf}
WORK=$(mktemp -d /tmp/quire-slurm-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# The key every worker shares with the submitting run (a real cluster: the same $HOME).
export QUIRE_CACHE_KEY=$WORK/key

fail() { echo "integration.sh: FAIL: $*" >&2; exit 1; }

# Runs DOCUMENT locally in local/ and with --executor slurm in slurm/ (extra options after it),
# checks both trees are identical; the run's standard error is in $WORK/<name>.err.
compare() {
  local name=$1 document=$2
  shift 2
  mkdir -p "$WORK/$name/local" "$WORK/$name/slurm"
  printf '%s' "$document" >"$WORK/$name/local/paper.md"
  printf '%s' "$document" >"$WORK/$name/slurm/paper.md"
  "$QUIRE" run --no-cache --quiet "$WORK/$name/local/paper.md"
  "$QUIRE" run --executor slurm --slurm-timeout 900 "$@" "$WORK/$name/slurm/paper.md" 2>"$WORK/$name.err" \
    || { cat "$WORK/$name.err" >&2; fail "$name: quire run --executor slurm failed"; }
  diff -r --exclude=.quire "$WORK/$name/local" "$WORK/$name/slurm" >&2 || fail "$name: the Slurm run differs from the local run"
}

echo "integration.sh: 16 points, MaxArraySize 5"
compare sweep '# Sweep

```experiment id=grid
dataset: {name: moons, samples: 40}
baselines: [logistic-regression, rbf-svm]
repeat: 1
sweep:
  dataset.noise: [0.05, 0.1, 0.2, 0.3]
  dataset.samples: [30, 40, 50, 60]
```
' --array-limit 3
cat "$WORK/sweep.err" >&2
jobs=$(grep -o 'submitted 16 points as Slurm jobs [0-9, ]*' "$WORK/sweep.err" | tr ',' '\n' | wc -l)
[ "$jobs" = 4 ] || fail "16 points with MaxArraySize=5 should be 4 arrays, not $jobs"
after=$("$QUIRE" run "$WORK/sweep/slurm/paper.md" 2>&1)
[[ $after == *"unchanged, 1 cached block reused"* ]] || fail "a local run after the Slurm run is not all cache hits: $after"

echo "integration.sh: a task cancelled while it runs is retried"
document='# Retry

```experiment id=trained
dataset: {name: moons, samples: 60, noise: 0.1}
encoding: {kind: angle, rotation: y}
model: {kind: variational, qubits: 2, ansatz: strongly-entangling, layers: 2, observable: Z0}
train: {optimizer: adam, learning_rate: 0.1, epochs: 40, batch_size: 4, gradient: parameter-shift}
baselines: [logistic-regression]
sweep:
  train.learning_rate: [0.05, 0.1]
```
'
(
  # Cancel the first task seen running (its job and index from squeue).
  for _ in $(seq 600); do
    task=$(squeue --noheader --states=RUNNING --name=quire-worker --format=%i 2>/dev/null | head -1)
    if [ -n "$task" ]; then scancel "$task" && echo "$task" >"$WORK/cancelled"; exit 0; fi
    sleep 0.2
  done
) &
canceller=$!
compare retry "$document"
wait "$canceller"
cat "$WORK/retry.err" >&2
[ -s "$WORK/cancelled" ] || fail "no task was seen running, so none was cancelled"
grep -q "(second attempt)" "$WORK/retry.err" || fail "the cancelled task $(cat "$WORK/cancelled") was not submitted again"
echo "integration.sh: all passed"
