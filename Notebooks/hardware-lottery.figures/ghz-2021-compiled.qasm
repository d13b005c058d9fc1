OPENQASM 2.0;
include "qelib1.inc";
// compiled by Quire for ibm_nairobi: layout trivial, optimization 1, routing seed 17979455423578049655
// initial layout (physical qubit of each logical qubit): 0 1 2
// final layout (physical qubit of each logical qubit): 0 1 2
qreg q[7];
creg c[3];
rz(1.5707963267948966) q[0];
sx q[0];
rz(1.5707963267948966) q[0];
cx q[0],q[1];
cx q[1],q[2];
measure q[0] -> c[0];
measure q[1] -> c[1];
measure q[2] -> c[2];
