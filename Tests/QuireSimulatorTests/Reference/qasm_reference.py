"""Shared helpers of the reference generators: the gate table and op-list -> Qiskit circuit.

An op is a JSON object: {"gate": name, "qubits": [...], "parameters": [...]},
{"measure": qubit, "clbit": c}, {"reset": qubit}, or a gate with "condition": [register, value].
Circuits are loaded through Qiskit's OpenQASM 2 reader with LEGACY_CUSTOM_INSTRUCTIONS, so every
qelib1 name maps to the Qiskit gate class Quire mirrors (the class matrices).
"""
import qiskit.qasm2 as qasm2

# name -> (qubits, parameters), the StandardGate table.
GATES = {
    "id": (1, 0), "u0": (1, 1), "u1": (1, 1), "u2": (1, 2), "u3": (1, 3), "u": (1, 3), "p": (1, 1),
    "x": (1, 0), "y": (1, 0), "z": (1, 0), "h": (1, 0), "s": (1, 0), "sdg": (1, 0), "t": (1, 0),
    "tdg": (1, 0), "sx": (1, 0), "sxdg": (1, 0), "rx": (1, 1), "ry": (1, 1), "rz": (1, 1),
    "cx": (2, 0), "cy": (2, 0), "cz": (2, 0), "ch": (2, 0), "swap": (2, 0), "crx": (2, 1),
    "cry": (2, 1), "crz": (2, 1), "cu1": (2, 1), "cp": (2, 1), "cu3": (2, 3), "cu": (2, 4),
    "csx": (2, 0), "rxx": (2, 1), "rzz": (2, 1), "ccx": (3, 0), "cswap": (3, 0), "rccx": (3, 0),
    "rc3x": (4, 0), "c3x": (4, 0), "c3sqrtx": (4, 0), "c4x": (5, 0),
}


def qasm_source(qubits, clbits, ops):
    """OpenQASM 2 text of an op list on one register q (and one register c when clbits > 0)."""
    lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', f"qreg q[{qubits}];"]
    if clbits:
        lines.append(f"creg c[{clbits}];")
    for op in ops:
        prefix = f"if(c=={op['condition'][1]}) " if "condition" in op else ""
        if "measure" in op:
            lines.append(f"{prefix}measure q[{op['measure']}] -> c[{op['clbit']}];")
        elif "reset" in op:
            lines.append(f"{prefix}reset q[{op['reset']}];")
        else:
            params = op["parameters"]
            call = op["gate"] + ("(" + ",".join(repr(float(x)) for x in params) + ")" if params else "")
            lines.append(prefix + call + " " + ",".join(f"q[{i}]" for i in op["qubits"]) + ";")
    return "\n".join(lines) + "\n"


def load(qubits, clbits, ops):
    """The Qiskit circuit of an op list."""
    return qasm2.loads(qasm_source(qubits, clbits, ops), custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
