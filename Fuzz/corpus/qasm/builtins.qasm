OPENQASM 2.0;
qreg a[1];
qreg b[1];
U(sin(0.3), cos(1) * ln(2), sqrt(2) - exp(0.1)) a[0];
CX a[0], b[0];
gate empty q { }
empty a[0];
