OPENQASM 2.0;
include "qelib1.inc";
// a user gate with parameters, broadcasting, a conditional and a barrier
gate twist(theta, phi) a, b {
  rz(theta / 2) a;
  cx a, b;
  u3(phi, -pi/4, 2^-1) b;
}
qreg q[3];
qreg r[3];
creg c[3];
twist(pi, 0.25e1) q[0], q[2];
cx q, r;
barrier q, r[1];
if (c == 5) x q[1];
reset r;
measure q[1] -> c[0];
