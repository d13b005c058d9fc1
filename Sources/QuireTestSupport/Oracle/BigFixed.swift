/// Unsigned integers as little-endian arrays of 32-bit limbs, the few operations the oracle's
/// constants (π, 2/π) and its Payne–Hanek reduction need. Operands of a binary operation have the
/// same number of limbs; results are truncated to it.
enum BigFixed {
    static func adding(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = a
        var carry: UInt64 = 0
        for i in a.indices {
            let s = UInt64(a[i]) + UInt64(b[i]) + carry
            result[i] = UInt32(truncatingIfNeeded: s)
            carry = s >> 32
        }
        return result
    }

    /// a − b for a ≥ b.
    static func subtracting(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = a
        var borrow: Int64 = 0
        for i in a.indices {
            var d = Int64(a[i]) - Int64(b[i]) - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 1 << 32 }
            result[i] = UInt32(d)
        }
        return result
    }

    static func multiplied(_ a: [UInt32], by m: UInt32) -> [UInt32] {
        var result = a
        var carry: UInt64 = 0
        for i in a.indices {
            let p = UInt64(a[i]) * UInt64(m) + carry
            result[i] = UInt32(truncatingIfNeeded: p)
            carry = p >> 32
        }
        return result
    }

    /// ⌊a / d⌋.
    static func divided(_ a: [UInt32], by d: UInt32) -> [UInt32] {
        var result = a
        var remainder: UInt64 = 0
        for i in a.indices.reversed() {
            let current = remainder << 32 | UInt64(a[i])
            result[i] = UInt32(current / UInt64(d))
            remainder = current % UInt64(d)
        }
        return result
    }

    static func shiftedLeftByOne(_ a: [UInt32]) -> [UInt32] {
        var result = a
        for i in a.indices { result[i] = a[i] << 1 | (i > 0 ? a[i - 1] >> 31 : 0) }
        return result
    }

    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        for i in a.indices.reversed() where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return 0
    }

    /// The full product a × b (a.count + b.count limbs).
    static func product(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = [UInt32](repeating: 0, count: a.count + b.count)
        for i in a.indices {
            var carry: UInt64 = 0
            for j in b.indices {
                let p = UInt64(a[i]) * UInt64(b[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: p)
                carry = p >> 32
            }
            result[i + b.count] = UInt32(carry)
        }
        return result
    }

    /// a · 2^-fractionBits as a double-double (the limbs summed from the least significant up).
    static func wideDouble(_ a: [UInt32], fractionBits: Int) -> WideDouble {
        a.indices.reduce(WideDouble(0)) { sum, i in
            sum + WideDouble(Double(a[i]).timesPowerOfTwo(32 * i - fractionBits))
        }
    }
}
