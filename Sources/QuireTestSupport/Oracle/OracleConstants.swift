/// The oracle's constants, computed here from their definitions rather than copied: π by Machin's
/// formula in 1,500-bit integer arithmetic (and 2/π's bits by long division), ln 2 by its series,
/// Euler's γ and ζ(k) by Euler–Maclaurin summation.
enum OracleConstants {
    /// Fraction bits of the fixed-point π.
    static let piBits = 1440
    /// π · 2^piBits, truncated, as little-endian 32-bit limbs.
    static let piFixed: [UInt32] = {
        let limbs = piBits / 32 + 2
        var one = [UInt32](repeating: 0, count: limbs)
        one[piBits / 32] = 1
        // π = 16 atan(1/5) − 4 atan(1/239), atan(1/n) = Σ (−1)^k / ((2k + 1) n^(2k+1)).
        func arctangentOfInverse(_ n: UInt32) -> [UInt32] {
            var power = BigFixed.divided(one, by: n)
            var sum = power
            var k: UInt32 = 1
            while power.contains(where: { $0 != 0 }) {
                power = BigFixed.divided(power, by: n * n)
                let term = BigFixed.divided(power, by: 2 * k + 1)
                sum = k % 2 == 1 ? BigFixed.subtracting(sum, term) : BigFixed.adding(sum, term)
                k += 1
            }
            return sum
        }
        return BigFixed.subtracting(
            BigFixed.multiplied(arctangentOfInverse(5), by: 16), BigFixed.multiplied(arctangentOfInverse(239), by: 4))
    }()

    /// π as a double-double (its first 106 bits; the rest of piFixed is far more than needed).
    static let pi: WideDouble = BigFixed.wideDouble(piFixed, fractionBits: piBits)
    static let halfPi = pi.scaled(by: -1)

    /// The bits of 2/π after the binary point: `twoOverPiBits[i − 1]` has weight 2^-i, for i up to
    /// 1,340 (a double's Payne–Hanek reduction reads up to bit 1,227).
    static let twoOverPiBits: [Bool] = {
        // 2/π · 2^count = 2^(piBits + 1 + count) / piFixed, by restoring long division.
        let count = 1340
        var remainder = [UInt32](repeating: 0, count: piFixed.count + 1)
        let divisor = piFixed + [0]
        var bits: [Bool] = []
        for position in 0...(piBits + 1 + count) {
            remainder = BigFixed.shiftedLeftByOne(remainder)
            if position == 0 { remainder[0] |= 1 }
            let fits = BigFixed.compare(remainder, divisor) >= 0
            if fits { remainder = BigFixed.subtracting(remainder, divisor) }
            bits.append(fits)
        }
        // The quotient's bit with weight 2^0 is at index piBits + 1; the fraction follows.
        return Array(bits[(piBits + 2)...])
    }()

    /// ln 2 = Σ 1/(k 2^k).
    static let ln2: WideDouble = (1...120).reversed().reduce(WideDouble(0)) { sum, k in
        sum + (WideDouble(1) / Double(k)).scaled(by: -k)
    }

    /// B_2, B_4, …, B_28 as exact numerator and denominator.
    static let bernoulli: [(Double, Double)] = [
        (1, 6), (-1, 30), (1, 42), (-1, 30), (5, 66), (-691, 2730), (7, 6), (-3617, 510), (43867, 798),
        (-174_611, 330), (854_513, 138), (-236_364_091, 2730), (8_553_103, 6), (-23_749_461_029, 870),
    ]

    /// B_2j as a double-double, j ≥ 1.
    static func bernoulliNumber(_ j: Int) -> WideDouble { WideDouble(bernoulli[j - 1].0) / bernoulli[j - 1].1 }

    /// Euler–Maclaurin's cut-off: sums run to n = N − 1 and the rest is the asymptotic tail.
    static let summationCutoff = 50.0

    /// Euler's γ = H_N − ln N − 1/(2N) + Σ B_2k/(2k N^2k).
    static let eulerGamma: WideDouble = {
        let n = summationCutoff
        var sum = (1...Int(n)).reversed().reduce(WideDouble(0)) { $0 + WideDouble(1) / Double($1) }
        sum = sum - Oracle.logWide(n) - WideDouble(0.5) / n
        let inverseSquare = (WideDouble(1) / n).power(2)
        for k in 1...11 { sum = sum + bernoulliNumber(k) * inverseSquare.power(k) / Double(2 * k) }
        return sum
    }()

    /// ζ(k) for k = 2…24: Σ n^-k to N − 1, then ∫ + ½ term + Euler–Maclaurin corrections.
    static let zeta: [WideDouble] = (2...24).map { k in
        let n = summationCutoff
        var sum = (1..<Int(n)).reversed().reduce(WideDouble(0)) { $0 + (WideDouble(1) / Double($1)).power(k) }
        let inverse = WideDouble(1) / n
        let tailPower = inverse.power(k)  // N^-k
        sum = sum + tailPower * n / Double(k - 1) + tailPower.scaled(by: -1)
        var factor = WideDouble(Double(k)) / 2  // rising(k, 2j − 1)/(2j)!
        var power = tailPower * inverse  // N^(−k−2j+1)
        for j in 1...11 {
            if j > 1 {
                factor = factor * Double((k + 2 * j - 3) * (k + 2 * j - 2)) / Double((2 * j - 1) * (2 * j))
                power = power * inverse * inverse
            }
            sum = sum + bernoulliNumber(j) * factor * power
        }
        return sum
    }
}
