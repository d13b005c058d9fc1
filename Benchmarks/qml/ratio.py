# Runs two benchmark commands one after the other in the same run and prints the ratio of their
# times: ratio.py NAME COMMAND_A PATTERN_A COMMAND_B PATTERN_B. Each command runs in the shell with
# its output passed through; its time in seconds is the first group of PATTERN (a regular
# expression) in that output, or, when PATTERN is "wall", the command's wall-clock time.
import re
import subprocess
import sys
import time


def seconds(command, pattern):
    start = time.perf_counter()
    output = subprocess.run(command, shell=True, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    print(output, end="", flush=True)
    if pattern == "wall":
        return wall
    match = re.search(pattern, output)
    if match is None:
        sys.exit(f"ratio.py: no match for {pattern!r} in the output of {command!r}")
    return float(match.group(1))


name, command_a, pattern_a, command_b, pattern_b = sys.argv[1:6]
a = seconds(command_a, pattern_a)
b = seconds(command_b, pattern_b)
print(f"{name}: {a:.2f} s against {b:.2f} s, ratio {a / b:.3g}")
