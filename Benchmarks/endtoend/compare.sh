#!/bin/bash
# End to end: `quire run --no-cache` on every paper of Notebooks/ (copies in /tmp) with the release build
# of the last commit before Quire's own elementary functions replaced the platform's libm (the first
# parent of the merge that added Sources/QuireCore/Elementary) and with this tree's release build, both
# binaries side by side in one run: per paper the wall time and the CPU time (user + system) of each
# and their ratios, then the totals over the papers both can run (papers added later may need features
# the old build lacks) and the load average. Usage: compare.sh CURRENT_QUIRE [BASE_COMMIT];
# QUIRE_BASE=path/to/quire skips building the old tree and times that binary instead.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
current=$(realpath "$1")
switch=$(git -C "$repo" log --first-parent --diff-filter=A --format=%H -- Sources/QuireCore/Elementary/Elementary.swift | tail -1)
base=$(git -C "$repo" rev-parse "${2:-$switch^1}")
base_dir=/tmp/quire-e2e-base
work=/tmp/quire-e2e

# The old tree in a temporary worktree, built once (kept while it is at the same commit).
old=${QUIRE_BASE:-$base_dir/.build/release/quire}
if [ -z "${QUIRE_BASE:-}" ]; then
    if [ "$(git -C "$base_dir" rev-parse HEAD 2>/dev/null || true)" != "$base" ]; then
        git -C "$repo" worktree remove --force "$base_dir" 2>/dev/null || rm -rf "$base_dir"
        git -C "$repo" worktree prune
        git -C "$repo" worktree add --detach "$base_dir" "$base" >/dev/null
    fi
    (cd "$base_dir" && swift build -c release --product quire 2>&1 | tail -1)
fi

# One run: copy the paper's folder afresh, run, print "wall-seconds cpu-seconds" (user + system, all
# threads; steadier than the wall time on a loaded machine), or "failed".
run() {
    local binary=$1 name=$2 dir=$work/$3
    rm -rf "$dir" && mkdir -p "$dir" && cp -R "$repo/Notebooks/." "$dir/"
    if /usr/bin/time -f "%e %U %S" -o "$dir.time" "$binary" run --no-cache "$dir/$name" >"$dir.log" 2>&1; then
        awk '{printf "%.2f %.2f", $1, $2 + $3}' "$dir.time"
    else
        echo failed
    fi
}

echo "end to end: quire run --no-cache per paper; base $(git -C "$repo" rev-parse --short "$base") (platform libm, $old), current $current"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "  %-24s %9s %9s %7s %9s %9s %7s\n" paper "base s" "current s" ratio "base cpu" "cpu" ratio
totals="0 0 0 0"
index=0
for paper in "$repo"/Notebooks/*.md; do
    name=$(basename "$paper")
    # Alternate which binary goes first, so a drift in the machine's load favours neither.
    if [ $((index % 2)) = 0 ]; then
        old_times=$(run "$old" "$name" base)
        new_times=$(run "$current" "$name" current)
    else
        new_times=$(run "$current" "$name" current)
        old_times=$(run "$old" "$name" base)
    fi
    index=$((index + 1))
    if [ "$old_times" = failed ] || [ "$new_times" = failed ]; then
        printf "  %-24s  not compared: %s cannot run it (see %s/*.log)\n" "$name" \
            "$([ "$old_times" = failed ] && echo "the base build" || echo "this build")" "$work"
        continue
    fi
    line=$(echo "$old_times $new_times" | awk '{printf "%9.2f %9.2f %7.3f %9.2f %9.2f %7.3f", $1, $3, $3 / $1, $2, $4, $4 / $2}')
    printf "  %-24s %s\n" "$name" "$line"
    totals=$(echo "$totals $old_times $new_times" | awk '{print $1 + $5, $2 + $7, $3 + $6, $4 + $8}')
done
line=$(echo "$totals" | awk '{printf "%9.2f %9.2f %7.3f %9.2f %9.2f %7.3f", $1, $2, $2 / $1, $3, $4, $4 / $3}')
printf "  %-24s %s\n" "total (papers both run)" "$line"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
