#!/bin/sh
# Every paper in Notebooks/ checks under a libm one ulp away from glibc (perturb.c preloaded):
# Quire's results depend on IEEE arithmetic only. Run by `make test` after the release build.
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
out=${TMPDIR:-/tmp}/quire-perturb-$$.so
cc -shared -fPIC -O2 -o "$out" "$dir/perturb.c" -ldl -lm
trap 'rm -f "$out"' EXIT
LD_PRELOAD="$out" .build/release/quire check "$@"
