"""Writes elementary/<function>.bin: the correctly rounded value of each function of
Sources/QuireCore/Elementary on COUNT arguments, from mpmath at 256 bits (independent of any libm).

The arguments are not stored: ElementaryArguments.swift draws the same ones from the same
SplitMix64 stream with the same IEEE operations as `arguments()` below (only +, −, ×, ÷, steps between
neighbouring doubles and exact scalings, which Python and Swift round alike). Each record is 9 bytes: the correctly rounded
double (little-endian) and the side of it the exact value lies on (−1, 0, +1), so the test can demand
a faithfully rounded answer (error < 1 ulp). Run from this folder: python3 make_elementary_reference.py
"""
import math
import struct
from mpmath import mp, mpf

mp.prec = 256
COUNT = 1 << 14
MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        """Uniform in [0, 1) on the 2^-53 grid."""
        return (self.next() >> 11) * 2.0**-53

    def uniform(self, a, b):
        return a + (b - a) * self.unit()

    def exponential(self, low, high, signed):
        """A random significand in [1, 2) times 2^e, e uniform in [low, high]."""
        e = low + self.next() % (high - low + 1)
        value = math.ldexp(1 + self.unit(), e)
        return -value if signed and self.next() & 1 else value

    def near(self, x, ulps):
        """x (nonzero) with its magnitude moved up to `ulps` representable steps either way."""
        steps = self.next() % (2 * ulps + 1) - ulps
        bits = struct.unpack("<q", struct.pack("<d", abs(x)))[0] + steps
        return math.copysign(struct.unpack("<d", struct.pack("<q", bits))[0], x)


HALF_PI = 1.5707963267948966


def arguments(name, g, i):
    """The i-th argument tuple of `name`: the kind cycles with i so every region gets COUNT/kinds."""
    kind = i % 4
    if name in ("sin", "cos", "tan"):
        if kind == 0:
            return (g.uniform(-10.0, 10.0),)
        if kind == 1:
            return (g.exponential(-30, 1023, True),)
        if kind == 2:
            return (g.near((1 + g.next() % (1 << 30)) * HALF_PI, 3),)
        return (g.uniform(-3e6, 3e6),)
    if name == "exp":
        return [lambda: (g.uniform(-745.2, 709.8),), lambda: (g.exponential(-60, 3, True),), lambda: (g.uniform(-1.0, 1.0),),
                lambda: (g.near(709.78 if g.next() & 1 else -745.13, 1 << 20),)][kind]()
    if name == "expm1":
        return [lambda: (g.uniform(-40.0, 709.8),), lambda: (g.exponential(-60, 3, True),), lambda: (g.uniform(-1.0, 1.0),),
                lambda: (g.uniform(-0.4, 0.4),)][kind]()
    if name in ("log", "log10"):
        return [lambda: (g.exponential(-1074, 1023, False),), lambda: (g.uniform(0.5, 2.0),),
                lambda: (g.near(1.0, 1 << 40),), lambda: (g.uniform(0.0, 1e6),)][kind]()
    if name == "log1p":
        return [lambda: (g.exponential(-60, 1023, False),), lambda: (g.uniform(-1.0, 0.0),),
                lambda: (g.exponential(-60, -1, True),), lambda: (g.uniform(-0.5, 2.0),)][kind]()
    if name == "tanh":
        return [lambda: (g.uniform(-25.0, 25.0),), lambda: (g.exponential(-40, 1, True),), lambda: (g.uniform(-1.0, 1.0),),
                lambda: (g.near(0.55, 1 << 30),)][kind]()
    if name == "lgamma":
        return [lambda: (g.exponential(-70, 1000, False),), lambda: (g.uniform(0.0, 10.0),),
                lambda: (g.near(1.0 if g.next() & 1 else 2.0, 1 << 40),), lambda: (g.uniform(0.0, 200.0),)][kind]()
    if name == "atan2":
        y = g.exponential(-40, 40, True)
        if kind == 0:
            return (y, g.exponential(-40, 40, True))
        if kind == 1:
            return (y, g.near(y if g.next() & 1 else -y, 1 << 10))
        if kind == 2:
            return (g.exponential(-1074, 1023, True), g.exponential(-1074, 1023, True))
        return (g.uniform(-1.0, 1.0), g.uniform(-1.0, 1.0))
    if name == "pow":
        if kind == 0:  # |y ln x| < 700
            e = g.next() % 41 - 20
            x = math.ldexp(1 + g.unit(), e)
            return (x, g.uniform(-1.0, 1.0) * (1000.0 / (abs(e) + 1)))
        if kind == 1:
            return (g.near(1.0, 1 << 30), g.uniform(-1e9, 1e9))
        if kind == 2:
            return (-g.exponential(-8, 8, False), float(g.next() % 81) - 40)
        return (g.uniform(0.0, 4.0), g.uniform(-30.0, 30.0))
    raise ValueError(name)


FUNCTIONS = {
    "sin": mp.sin, "cos": mp.cos, "tan": mp.tan, "exp": mp.exp, "expm1": mp.expm1, "log": mp.log,
    "log10": mp.log10, "log1p": mp.log1p, "tanh": mp.tanh, "lgamma": mp.loggamma,
    "atan2": lambda y, x: mp.atan2(y, x), "pow": lambda x, y: mpf(x) ** mpf(y),
}
SEEDS = {name: 0x5157_0000 + index for index, name in enumerate(sorted(FUNCTIONS))}


def rounded(value):
    """The double nearest the real `value` (ties to even), with the side the exact value lies on."""
    if value == 0:
        return 0.0, 0
    if abs(value) >= mpf(2) ** 1024 - mpf(2) ** 970:
        return math.copysign(math.inf, value), 0
    exponent = int(mp.floor(mp.log(abs(value), 2)))
    while abs(value) < mpf(2) ** exponent:
        exponent -= 1
    while abs(value) >= mpf(2) ** (exponent + 1):
        exponent += 1
    exponent = max(exponent, -1022)
    scaled = value * mpf(2) ** (52 - exponent)
    integer = int(mp.nint(scaled))  # ties to even
    result = math.copysign(math.ldexp(float(integer), exponent - 52), value)
    difference = value - mpf(result)
    return result, (difference > 0) - (difference < 0)


def main():
    for name, function in sorted(FUNCTIONS.items()):
        g = SplitMix64(SEEDS[name])
        out = bytearray()
        for i in range(COUNT):
            args = arguments(name, g, i)
            value, side = rounded(function(*[mpf(a) for a in args]))
            out += struct.pack("<db", value, side)
        with open("elementary/%s.bin" % name, "wb") as f:
            f.write(bytes(out))
        print(name, len(out))


if __name__ == "__main__":
    main()
