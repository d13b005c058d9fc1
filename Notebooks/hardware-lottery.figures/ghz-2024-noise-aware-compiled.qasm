OPENQASM 2.0;
include "qelib1.inc";
// compiled by Quire for ibm_nairobi: layout noise-aware, optimization 1, routing seed 6774759375741544138
// initial layout (physical qubit of each logical qubit): 2 1 3
// final layout (physical qubit of each logical qubit): 2 1 3
qreg q[7];
creg c[3];
rz(1.5707963267948966) q[2];
sx q[2];
rz(1.5707963267948966) q[2];
cx q[2],q[1];
cx q[1],q[3];
measure q[2] -> c[0];
measure q[1] -> c[1];
measure q[3] -> c[2];
