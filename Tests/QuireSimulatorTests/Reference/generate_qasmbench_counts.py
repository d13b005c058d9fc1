"""Reference facts about the QASMBench sample, computed with Qiskit's OpenQASM 2 reader.

For every ../shared/qasmbench/*.qasm (relative to the repository root) this loads the program with
qiskit.qasm2.loads(..., custom_instructions=LEGACY_CUSTOM_INSTRUCTIONS), decomposes user-defined
gates until only qelib1.inc gates, measure, reset and barrier remain, and records:

- qubits, clbits: total register sizes;
- operations: the number of operations;
- gates: the number of operations per name (qelib1.inc names; Qiskit's class names mapped back);
- wires_sha256: SHA-256 of the per-wire operation sequences. Qiskit's decompose() rebuilds the
  circuit through its DAG, so operations on disjoint qubits may come out in another (equivalent)
  order than the program's; what is invariant is the order of operations on each wire. For each
  qubit in turn, then each clbit, the text has a line "q<i>:" or "c<i>:" followed by one line per
  operation touching that wire, "name q0,q1[ -> c]" (global indices, registers concatenated in
  declaration order; "-> c" only for measure). This checks names, argument order and per-wire
  order;
- parameter_checksum: the sum over operations and their parameters k of
  (first qubit + 1) * (position of the operation on its first qubit's wire + 1) * (k + 1) * value,
  which is sensitive to parameter order and values, and invariant under that reordering.

Run from anywhere with the Qiskit virtual environment:
    /work/venv/bin/python Tests/QuireSimulatorTests/Reference/generate_qasmbench_counts.py
It writes qasmbench_counts.json next to this script.
"""

import hashlib
import json
import pathlib

import qiskit
import qiskit.qasm2 as qasm2

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
SAMPLE = REPO.parent / "shared" / "qasmbench"

QELIB1 = {
    "id", "u0", "u1", "u2", "u3", "u", "p", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg",
    "rx", "ry", "rz", "cx", "cy", "cz", "ch", "swap", "ccx", "cswap", "crx", "cry", "crz", "cu1", "cp",
    "cu3", "cu", "csx", "rxx", "rzz", "rccx", "rc3x", "c3x", "c3sqrtx", "c4x",
}
NON_GATES = {"measure", "reset", "barrier"}
# Qiskit's class names for qelib1.inc gates whose names differ; mcx is c3x or c4x by qubit count.
RENAMED = {"rcccx": "rc3x", "c3sx": "c3sqrtx"}


def qelib1_name(instruction):
    name = instruction.operation.name
    if name == "mcx":
        return {4: "c3x", 5: "c4x"}[len(instruction.qubits)]
    return RENAMED.get(name, name)


def flatten(circuit):
    """Decompose user gates (anything not in qelib1.inc) until none remain."""
    while True:
        user = {inst.operation.name for inst in circuit.data
                if qelib1_name(inst) not in QELIB1 | NON_GATES}
        if not user:
            return circuit
        circuit = circuit.decompose(gates_to_decompose=sorted(user))


def facts(path):
    circuit = qasm2.loads(path.read_text(), custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    circuit = flatten(circuit)
    gates = {}
    qubit_wires = [[] for _ in range(circuit.num_qubits)]
    clbit_wires = [[] for _ in range(circuit.num_clbits)]
    checksum = 0.0
    for inst in circuit.data:
        name = qelib1_name(inst)
        gates[name] = gates.get(name, 0) + 1
        qubits = [circuit.find_bit(q).index for q in inst.qubits]
        clbits = [circuit.find_bit(c).index for c in inst.clbits]
        line = f"{name} {','.join(map(str, qubits))}"
        if name == "measure":
            line += f" -> {clbits[0]}"
        position = len(qubit_wires[qubits[0]])
        for k, value in enumerate(inst.operation.params):
            checksum += (qubits[0] + 1) * (position + 1) * (k + 1) * float(value)
        for q in qubits:
            qubit_wires[q].append(line)
        for c in clbits:
            clbit_wires[c].append(line)
    text = "".join(f"q{i}:\n" + "".join(l + "\n" for l in wire) for i, wire in enumerate(qubit_wires))
    text += "".join(f"c{i}:\n" + "".join(l + "\n" for l in wire) for i, wire in enumerate(clbit_wires))
    return {
        "qubits": circuit.num_qubits,
        "clbits": circuit.num_clbits,
        "operations": len(circuit.data),
        "gates": dict(sorted(gates.items())),
        "wires_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "parameter_checksum": checksum,
    }


def main():
    files = sorted(SAMPLE.glob("*.qasm"))
    if not files:
        raise SystemExit(f"no .qasm files in {SAMPLE}")
    result = {
        "generator": f"qiskit {qiskit.__version__}, qiskit.qasm2.loads with LEGACY_CUSTOM_INSTRUCTIONS",
        "files": {path.name: facts(path) for path in files},
    }
    (HERE / "qasmbench_counts.json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
