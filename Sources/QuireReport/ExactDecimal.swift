/// The exact decimal value of a finite `Double`: `(negative ? -1 : 1) × digits × 10^exponent`.
///
/// Every finite binary double has a finite decimal expansion (at most 767 significant digits), so
/// rounding it to decimal places is exact: halfway cases are decided on the true binary value, not on
/// a shortest round-trip string. `digits` has no leading or trailing zeros; it is empty for zero.
struct ExactDecimal: Equatable {
    /// Whether the sign bit is set (also for `-0.0`; callers decide how zero prints).
    var negative: Bool
    /// Decimal digits, most significant first, each 0...9.
    var digits: [UInt8]
    /// Power of ten of the last digit.
    var exponent: Int

    /// The exact expansion of a finite `x`.
    init(_ x: Double) {
        precondition(x.isFinite, "ExactDecimal needs a finite value")
        negative = x.sign == .minus
        guard x != 0 else {
            digits = []
            exponent = 0
            return
        }
        var significand = x.significandBitPattern
        var binaryExponent: Int
        if x.exponentBitPattern == 0 {
            binaryExponent = -1074
        } else {
            significand |= 1 << 52
            binaryExponent = Int(x.exponentBitPattern) - 1075
        }
        let zeros = significand.trailingZeroBitCount
        significand >>= zeros
        binaryExponent += zeros
        var value = LimbNumber(significand)
        if binaryExponent >= 0 {
            value.multiply(byPowerOf: 2, count: binaryExponent)
            exponent = 0
        } else {
            // m · 2^-k = m · 5^k · 10^-k
            value.multiply(byPowerOf: 5, count: -binaryExponent)
            exponent = binaryExponent
        }
        digits = value.decimalDigits()
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
    }

    /// Creates a decimal from its parts (normalising leading and trailing zeros away).
    init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = Array(digits.drop { $0 == 0 })
        self.exponent = exponent
        while self.digits.last == 0 {
            self.digits.removeLast()
            self.exponent += 1
        }
        if self.digits.isEmpty { self.exponent = 0 }
    }

    /// Whether the value is zero (of either sign).
    var isZero: Bool { digits.isEmpty }

    /// The power of ten of the leading digit (`d.ddd × 10^leadingExponent`); meaningless for zero.
    var leadingExponent: Int { exponent + digits.count - 1 }

    /// The value rounded half-to-even to a multiple of `10^place`, as digits of that multiple.
    ///
    /// The result is `digits × 10^place` with `digits` empty when the value rounds to zero.
    func rounded(toPlace place: Int) -> [UInt8] {
        if isZero { return [] }
        if exponent >= place {
            return digits + [UInt8](repeating: 0, count: exponent - place)
        }
        let keep = digits.count - (place - exponent)
        guard keep >= 0 else { return [] }  // below half a unit of the place
        var kept = Array(digits[..<keep])
        let next = digits[keep]
        let moreAfter = keep + 1 < digits.count  // digits has no trailing zeros
        let lastOdd = (kept.last ?? 0) % 2 == 1
        if next > 5 || (next == 5 && (moreAfter || lastOdd)) {
            var index = kept.count - 1
            while index >= 0 && kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
        }
        return Array(kept.drop { $0 == 0 })
    }

    /// The value rounded half-to-even to `count` significant digits: exactly `count` digits and the
    /// power of ten of the first one (which a carry such as 9.9996 → 10.00 may raise by one).
    func rounded(significantDigits count: Int) -> (digits: [UInt8], leadingExponent: Int) {
        precondition(!isZero && count >= 1)
        var lead = leadingExponent
        var result = rounded(toPlace: lead - (count - 1))
        if result.count > count {
            result.removeLast()  // a carry gave 10…0: one more digit, all trailing zeros
            lead += 1
        }
        return (result, lead)
    }
}

/// A non-negative integer in base 10^9 limbs (least significant first), just enough arithmetic to
/// expand a double exactly: multiplication by small powers and conversion to decimal digits.
private struct LimbNumber {
    private static let base: UInt64 = 1_000_000_000
    private var limbs: [UInt64]

    init(_ value: UInt64) {
        limbs = []
        var rest = value
        repeat {
            limbs.append(rest % Self.base)
            rest /= Self.base
        } while rest > 0
    }

    /// Multiplies by `factor^count` for factor 2 or 5, in chunks that keep each product below 2^64.
    mutating func multiply(byPowerOf factor: UInt64, count: Int) {
        let chunk = factor == 2 ? 29 : 13  // 2^29 and 5^13 are both < 2^31
        var remaining = count
        while remaining > 0 {
            let step = min(chunk, remaining)
            var multiplier: UInt64 = 1
            for _ in 0..<step { multiplier *= factor }
            multiply(by: multiplier)
            remaining -= step
        }
    }

    private mutating func multiply(by multiplier: UInt64) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = limbs[index] * multiplier + carry
            limbs[index] = product % Self.base
            carry = product / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    /// Decimal digits, most significant first, without leading zeros.
    func decimalDigits() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(limbs.count * 9)
        for (position, limb) in limbs.reversed().enumerated() {
            var chunk = [UInt8](repeating: 0, count: 9)
            var rest = limb
            for index in stride(from: 8, through: 0, by: -1) {
                chunk[index] = UInt8(rest % 10)
                rest /= 10
            }
            out += position == 0 ? Array(chunk.drop { $0 == 0 }) : chunk
        }
        return out
    }
}
