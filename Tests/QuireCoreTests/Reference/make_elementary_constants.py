"""Prints the constants of Sources/QuireCore/Elementary (mpmath at 2000 bits, enough for the 1344 bits of 2/π), for pasting.

Each constant is a Double (or a hi/lo pair whose sum carries ~106 bits), written as a hex float so the
Swift source holds exactly the bits printed here. Run: python3 make_elementary_constants.py
"""
from mpmath import mp, mpf, pi, log, atan, zeta, euler, bernoulli, taylor, tanh, floor, nint
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

# exp's table: 2^(j/128) = hi·(1 + tail), hi the nearest double.
rows = []
for j in range(128):
    v = mpf(2) ** (mpf(j) / 128)
    hi = float(v)
    rows.append("%s, %s" % (hi.hex(), float(v / mpf(hi) - 1).hex()))
print("expTable", ", ".join(rows))
print("ln2Over128 (35-bit hi)", d(chop(log(2) / 128, 35)).hex(), d(log(2) / 128 - chop(log(2) / 128, 35)).hex())
# log's table. Interval i of z in [0.6875, 1.375) starts at the double whose bits are 0x3FE6… + i·2^45:
# 0.6875 + i/256 for i < 80, 1 + (i − 80)/128 from i = 80. invc has 8 significant bits (j/256 below 1,
# j/128 from 1) and minimises max |z·invc − 1| over the interval; the two intervals next to 1 take
# invc = 1 (no cancellation between −ln invc and ln(1 + r) there). −ln invc = logcHi + logcLo with logcHi
# a multiple of 2^-43 (so k·ln2Hi + logcHi is exact; ln2Hi is a multiple of 2^-42).
print("ln2 (hi multiple of 2^-42)", d(nint(log(2) * 2**42) / mpf(2) ** 42).hex(), d(log(2) - nint(log(2) * 2**42) / mpf(2) ** 42).hex())
rows = []
candidates = [mpf(j) / 256 for j in range(128, 256)] + [mpf(j) / 128 for j in range(128, 256)]
for i in range(128):
    a = mpf(0.6875) + mpf(i) / 256 if i < 80 else 1 + mpf(i - 80) / 128
    b = a + (mpf(1) / 256 if i < 80 else mpf(1) / 128)
    if i in (79, 80):
        invc = mpf(1)
    else:
        invc = min(candidates, key=lambda c: max(abs(a * c - 1), abs(b * c - 1)))
    assert max(abs(a * invc - 1), abs(b * invc - 1)) <= mpf(2) ** -7
    logc = -log(invc)
    hi = nint(logc * 2**43) / mpf(2) ** 43
    rows.append("%s, %s, %s" % (d(invc).hex(), d(hi).hex(), d(logc - hi).hex()))
print("logTable", ", ".join(rows))
