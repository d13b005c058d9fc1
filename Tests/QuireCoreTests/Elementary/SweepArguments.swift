import QuireCore

/// The arguments of ElementarySweepTests: a Philox stream per function, each index drawing from one of
/// eight regions of the domain in turn — uniform in value and in exponent (subnormals included), next
/// to multiples of π/2 and π/4 (also huge ones and the double closest to one), at the switch points of
/// Quire's algorithms, at overflow, underflow and the subnormal boundary, near the zeros and the
/// minimum of lgamma, all four quadrants of atan2, negative bases with integer exponents for pow.
struct SweepArguments {
    let stream: RandomStream
    var index: UInt64
    var drawn: UInt64 = 0

    init(_ name: String, index: Int) {
        stream = RandomStream(seed: 15, purpose: "elementary-sweep-\(name)")
        self.index = UInt64(index)
    }

    mutating func next() -> UInt64 {
        drawn += 1
        return stream.uint64(at: index << 4 | drawn)
    }

    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    mutating func signed(_ x: Double) -> Double { next() & 1 == 1 ? -x : x }

    /// 2^e · (1 + u) for e uniform in low…high (below −1022: subnormal).
    mutating func exponential(_ low: Int, _ high: Int) -> Double {
        let e = low + Int(next() % UInt64(high - low + 1))
        return Double(sign: .plus, exponent: e, significand: 1 + unit())
    }

    /// Within `ulps` steps of x (same sign; at least the smallest subnormal).
    mutating func near(_ x: Double, _ ulps: UInt64) -> Double {
        let steps = Int64(next() % (2 * ulps + 1)) - Int64(ulps)
        let magnitude = Double(bitPattern: UInt64(max(1, Int64(abs(x).bitPattern) + steps)))
        return x < 0 ? -magnitude : magnitude
    }

    /// The double nearest k · π/2^shift for a random k below 2^bits.
    mutating func nearMultipleOfPi(bits: Int, shift: Int) -> Double {
        let k = Double(1 + next() % (1 << UInt64(bits)))
        return near(k * Double.pi.timesTwoTo(-shift), 4)
    }

    /// The i-th argument pair of `name` (the second is 0 for one-argument functions).
    static func arguments(_ name: String, _ i: Int) -> (Double, Double) {
        var s = SweepArguments(name, index: i)
        let region = i % 8
        switch name {
        case "sin", "cos", "tan":
            let x: Double
            switch region {
            case 0: x = s.uniform(-7, 7)
            case 1: x = s.exponential(-1074, 1023)
            case 2: x = s.nearMultipleOfPi(bits: 30, shift: 1)
            case 3: x = s.nearMultipleOfPi(bits: 10, shift: 2)
            case 4: x = s.uniform(-1e6, 1e6)
            case 5: x = s.exponential(20, 1023)
            case 6: x = s.near(0x1.6ac5b262ca1ffp+849, 1 << 20)  // 6381956970095103·2^797: the double closest to a multiple of π/2
            default: x = s.exponential(-30, 30)
            }
            return (s.signed(x), 0)
        case "exp":
            switch region {
            case 0: return (s.uniform(-745.2, 709.8), 0)
            case 1: return (s.signed(s.exponential(-1074, 3)), 0)
            case 2: return (s.near(709.782_712_893_384, 1 << 24), 0)
            case 3: return (s.near(-745.133_219_101_941_1, 1 << 24), 0)
            case 4: return (s.near(-708.396_418_532_264_1, 1 << 30), 0)  // the subnormal boundary
            case 5: return (s.uniform(-1, 1), 0)
            case 6: return (s.near(Double(Int(s.next() % 2001) - 1000) * 0.346_573_590_279_972_65, 1 << 12), 0)
            default: return (s.signed(s.exponential(-60, 9)), 0)
            }
        case "expm1":
            switch region {
            case 0: return (s.uniform(-40, 709.8), 0)
            case 1: return (s.signed(s.exponential(-1074, 3)), 0)
            case 2: return (s.uniform(-1, 1), 0)
            case 3: return (s.uniform(-0.5, 0.5), 0)
            case 4: return (s.signed(s.near(0.346_573_590_279_972_65, 1 << 30)), 0)
            case 5: return (s.near(709.78, 1 << 30), 0)
            case 6: return (s.uniform(-800, -30), 0)
            default: return (s.signed(s.exponential(-30, 9)), 0)
            }
        case "log", "log10":
            switch region {
            case 0: return (s.exponential(-1074, 1023), 0)
            case 1: return (s.uniform(0.5, 2), 0)
            case 2: return (s.near(1, 1 << 30), 0)
            case 3: return (s.near(1, 1 << 10), 0)
            case 4: return (s.uniform(0, 1e6), 0)
            case 5: return (s.near(1.414_213_562_373_095_1, 1 << 30), 0)
            case 6: return (s.near(Elementary.pow(10, Double(Int(s.next() % 617) - 308)), 1 << 8), 0)
            default: return (s.exponential(-1074, -1000), 0)
            }
        case "log1p":
            switch region {
            case 0: return (s.exponential(-1074, 1023), 0)
            case 1: return (s.uniform(-1, 0), 0)
            case 2: return (s.signed(s.exponential(-60, -1)), 0)
            case 3: return (-1 + s.exponential(-53, -10), 0)  // just above −1
            case 4: return (s.uniform(-0.5, 2), 0)
            case 5: return (s.signed(s.near(0.25, 1 << 30)), 0)
            case 6: return (-s.exponential(-1074, -60), 0)
            default: return (s.exponential(-10, 60), 0)
            }
        case "tanh":
            switch region {
            case 0: return (s.uniform(-25, 25), 0)
            case 1: return (s.signed(s.exponential(-1074, 1)), 0)
            case 2: return (s.uniform(-1, 1), 0)
            case 3: return (s.signed(s.near(0.55, 1 << 30)), 0)
            case 4: return (s.signed(s.near(22, 1 << 30)), 0)
            case 5: return (s.uniform(-45, 45), 0)
            case 6: return (s.signed(s.exponential(-30, 1023)), 0)
            default: return (s.signed(s.exponential(-30, 6)), 0)
            }
        case "lgamma":
            switch region {
            case 0: return (s.exponential(-1074, 1010), 0)
            case 1: return (s.uniform(0, 10), 0)
            case 2: return (s.near(1, 1 << 40), 0)
            case 3: return (s.near(2, 1 << 40), 0)
            case 4: return (s.uniform(0, 200), 0)
            case 5: return (s.near(1.461_632_144_968_362_2, 1 << 30), 0)  // the minimum
            case 6: return (s.uniform(0.5, 2.5), 0)
            default: return (s.near(Double(3 + s.next() % 30), 1 << 30), 0)  // near integers (and 8, the switch)
            }
        case "atan2":
            switch region {
            case 0: return (s.signed(s.exponential(-40, 40)), s.signed(s.exponential(-40, 40)))
            case 1:
                let y = s.signed(s.exponential(-40, 40))
                return (y, s.signed(s.near(abs(y), 1 << 10)))  // the diagonals
            case 2: return (s.signed(s.exponential(-1074, 1023)), s.signed(s.exponential(-1074, 1023)))
            case 3: return (s.uniform(-1, 1), s.uniform(-1, 1))
            case 4: return (s.signed(s.exponential(-1074, -900)), s.signed(s.exponential(0, 1023)))  // next to ±0 and ±π
            case 5: return (s.signed(s.exponential(0, 1023)), s.signed(s.exponential(-1074, -900)))  // next to ±π/2
            case 6:
                let x = s.signed(s.exponential(-10, 10))
                return (s.signed(s.near(abs(x) / 16 * Double(1 + s.next() % 16), 1 << 20)), x)  // atan(j/16) table points
            default: return (s.signed(s.exponential(-60, 0)), s.signed(s.exponential(-1, 1)))
            }
        case "pow":
            switch region {
            case 0:
                let x = s.exponential(-20, 20)
                return (x, s.uniform(-1, 1) * 1000 / Double(abs(Int(x.exponent)) + 1))
            case 1: return (s.near(1, 1 << 30), s.uniform(-1e9, 1e9))
            case 2: return (-s.exponential(-8, 8), Double(Int(s.next() % 121) - 60))  // negative bases, integer exponents
            case 3: return (s.uniform(0, 4), s.uniform(-30, 30))
            case 4:
                let x = s.uniform(1.5, 3)
                return (x, (1024 + s.uniform(-1, 1)) * 0.693_147_180_559_945_3 / Elementary.log(x))  // overflow edge
            case 5:
                let x = s.uniform(1.5, 3)
                return (x, -(1074 + s.uniform(-60, 2)) * 0.693_147_180_559_945_3 / Elementary.log(x))  // subnormal results
            case 6: return (s.exponential(-1074, 1023), Double(Int(s.next() % 41) - 20))
            default: return (s.signed(s.exponential(-1, 1)), Double(Int(s.next() % 2001) - 1000))
            }
        default: fatalError("no arguments for \(name)")
        }
    }
}

extension Double {
    /// self · 2^k (exact here: π over a small power of two).
    fileprivate func timesTwoTo(_ k: Int) -> Double { self * Double(sign: .plus, exponent: k, significand: 1) }
}
