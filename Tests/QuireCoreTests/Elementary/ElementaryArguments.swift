import Foundation

/// The arguments of Reference/make_elementary_reference.py, drawn from the same SplitMix64 stream with
/// the same IEEE operations as its `arguments()`, so the reference needs to store only the results.
struct ElementaryArguments {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    mutating func exponential(_ low: Int, _ high: Int, signed: Bool) -> Double {
        let e = low + Int(next() % UInt64(high - low + 1))
        let value = Double(sign: .plus, exponent: e, significand: 1 + unit())
        return signed && next() & 1 == 1 ? -value : value
    }

    mutating func near(_ x: Double, _ ulps: Int) -> Double {
        let steps = Int(next() % UInt64(2 * ulps + 1)) - ulps
        let magnitude = Double(bitPattern: UInt64(Int(abs(x).bitPattern) + steps))
        return x < 0 ? -magnitude : magnitude
    }

    /// The i-th argument pair of `name` (the second is 0 for one-argument functions).
    mutating func arguments(_ name: String, _ i: Int) -> (Double, Double) {
        let kind = i % 4
        switch name {
        case "sin", "cos", "tan":
            switch kind {
            case 0: return (uniform(-10, 10), 0)
            case 1: return (exponential(-30, 1023, signed: true), 0)
            case 2: return (near(Double(1 + next() % (1 << 30)) * 1.570_796_326_794_896_6, 3), 0)
            default: return (uniform(-3e6, 3e6), 0)
            }
        case "exp":
            switch kind {
            case 0: return (uniform(-745.2, 709.8), 0)
            case 1: return (exponential(-60, 3, signed: true), 0)
            case 2: return (uniform(-1, 1), 0)
            default: return (near(next() & 1 == 1 ? 709.78 : -745.13, 1 << 20), 0)
            }
        case "expm1":
            switch kind {
            case 0: return (uniform(-40, 709.8), 0)
            case 1: return (exponential(-60, 3, signed: true), 0)
            case 2: return (uniform(-1, 1), 0)
            default: return (uniform(-0.4, 0.4), 0)
            }
        case "log", "log10":
            switch kind {
            case 0: return (exponential(-1074, 1023, signed: false), 0)
            case 1: return (uniform(0.5, 2), 0)
            case 2: return (near(1, 1 << 40), 0)
            default: return (uniform(0, 1e6), 0)
            }
        case "log1p":
            switch kind {
            case 0: return (exponential(-60, 1023, signed: false), 0)
            case 1: return (uniform(-1, 0), 0)
            case 2: return (exponential(-60, -1, signed: true), 0)
            default: return (uniform(-0.5, 2), 0)
            }
        case "tanh":
            switch kind {
            case 0: return (uniform(-25, 25), 0)
            case 1: return (exponential(-40, 1, signed: true), 0)
            case 2: return (uniform(-1, 1), 0)
            default: return (near(0.55, 1 << 30), 0)
            }
        case "lgamma":
            switch kind {
            case 0: return (exponential(-70, 1000, signed: false), 0)
            case 1: return (uniform(0, 10), 0)
            case 2: return (near(next() & 1 == 1 ? 1 : 2, 1 << 40), 0)
            default: return (uniform(0, 200), 0)
            }
        case "atan2":
            let y = exponential(-40, 40, signed: true)
            switch kind {
            case 0: return (y, exponential(-40, 40, signed: true))
            case 1: return (y, near(next() & 1 == 1 ? y : -y, 1 << 10))
            case 2: return (exponential(-1074, 1023, signed: true), exponential(-1074, 1023, signed: true))
            default: return (uniform(-1, 1), uniform(-1, 1))
            }
        case "pow":
            switch kind {
            case 0:
                let e = Int(next() % 41) - 20
                let x = Double(sign: .plus, exponent: e, significand: 1 + unit())
                return (x, uniform(-1, 1) * (1000 / Double(abs(e) + 1)))
            case 1: return (near(1, 1 << 30), uniform(-1e9, 1e9))
            case 2: return (-exponential(-8, 8, signed: false), Double(next() % 81) - 40)
            default: return (uniform(0, 4), uniform(-30, 30))
            }
        default: fatalError("no arguments for \(name)")
        }
    }
}
