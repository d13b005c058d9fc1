"""Prints the constants of Sources/QuireCore/Elementary (mpmath at 2000 bits, enough for the 1344 bits of 2/π), for pasting.

Each constant is a Double (or a hi/lo pair whose sum carries ~106 bits), written as a hex float so the
Swift source holds exactly the bits printed here. Run: python3 make_elementary_constants.py
"""
from mpmath import mp, mpf, pi, log, atan, zeta, euler, bernoulli, taylor, tanh, floor
mp.prec = 2000


def d(x):
    return float(x)


def pair(x):
    hi = float(x)
    lo = float(x - mpf(hi))
    return "(%s, %s)" % (hi.hex(), lo.hex())


def chop(x, bits):
    """x truncated to `bits` significant bits."""
    m, e = mp.frexp(x)
    return mp.ldexp(floor(m * 2**bits), e - bits)


print("ln2", pair(log(2)))
print("invLn10", pair(1 / log(10)))
print("halfLog2Pi", pair(log(2 * pi) / 2))
print("pi", pair(pi), "halfPi", pair(pi / 2))
rest = pi / 2
for i in range(3):
    part = chop(rest, 33)
    print("halfPiPart%d" % (i + 1), d(part).hex())
    rest -= part
print("halfPiPart4", d(rest).hex())
# 2/π fraction bits, 64 per word, after one zero word of padding.
bits = mpf(2) / pi
words = ["0x0"]
for _ in range(21):
    bits *= 2**64
    w = int(floor(bits))
    bits -= w
    words.append("0x%016x" % w)
print("twoOverPiWords", ", ".join(words))
print("atanTable", ", ".join(pair(atan(mpf(j) / 16)) for j in range(17)))
c = taylor(tanh, 0, 45)
print("tanhTaylor", ", ".join(d(c[k]).hex() for k in range(3, 45, 2)))
print("lgammaAround2", ", ".join(pair((1 - euler) if k == 1 else (-1) ** k * (zeta(k) - 1) / k) for k in range(1, 34)))
print("stirling", ", ".join(d(bernoulli(2 * k) / (2 * k * (2 * k - 1))).hex() for k in range(1, 12)))
