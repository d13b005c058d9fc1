import CQuireKernels
import Testing

@testable import QuireKernels

/// The MLP baseline's C kernels (mlp_product.h) on every SIMD path against the scalar loops they
/// replace, bit for bit, on shapes that leave remainders everywhere: rows not a multiple of 4 or 8,
/// columns not a multiple of the 8-double tile and narrower than it, both layouts of `a`.
struct MLPProductKernelTests {
    /// Values with many zeros of both signs and negatives, from a fixed linear congruential sequence.
    static func values(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Double(state >> 11) / Double(1 << 53)
            switch state >> 60 {
            case 0...3: return 0
            case 4: return -0.0
            default: return 4 * u - 2
            }
        }
    }

    /// The header's definition, one multiply and one add a term in ascending k.
    static func reference(
        rows: Int, cols: Int, depth: Int, a: [Double], rowStride: Int, depthStride: Int, b: [Double], start: [Double]?,
        skipZeros: Bool, relu: Bool
    ) -> [Double] {
        var c = [Double](repeating: 0, count: rows * cols)
        for r in 0..<rows {
            for j in 0..<cols {
                var sum = start?[j] ?? 0
                for k in 0..<depth {
                    let x = a[r * rowStride + k * depthStride]
                    if skipZeros && x == 0 { continue }
                    let term = x * b[k * cols + j]
                    sum = sum + term
                }
                c[r * cols + j] = relu && sum < 0 ? 0 : sum
            }
        }
        return c
    }

    static let paths = SIMDPath.allCases.filter(SIMDPath.isAvailable)

    @Test(arguments: [1, 3, 5, 9, 13, 17], [1, 3, 7, 8, 10, 17, 21])
    func productEqualsTheScalarLoopOnEveryPath(rows: Int, cols: Int) {
        for depth in [0, 1, 2, 7, 33] {
            let a = Self.values(rows * depth, seed: UInt64(rows * 100 + depth))
            let b = Self.values(depth * cols, seed: UInt64(cols * 100 + depth + 7))
            // The biases start some sums at −0, so that a skipped +0 term would show.
            let start = Self.values(cols, seed: UInt64(cols + 3)).map { $0 == 0 ? -0.0 : $0 }
            for (rowStride, depthStride) in [(depth, 1), (1, rows)] {
                for (skip, relu, initial) in [(true, true, true), (true, false, true), (false, false, false), (false, true, false)] {
                    let expected = Self.reference(
                        rows: rows, cols: cols, depth: depth, a: a, rowStride: rowStride, depthStride: depthStride, b: b,
                        start: initial ? start : nil, skipZeros: skip, relu: relu)
                    for path in Self.paths {
                        var c = [Double](repeating: .nan, count: rows * cols)
                        quire_mlp_product(
                            Int64(rows), Int64(cols), Int64(depth), a, Int64(rowStride), Int64(depthStride), b, Int64(cols),
                            initial ? start : nil, &c, Int64(cols), skip ? 1 : 0, relu ? 1 : 0, path.kernelPath)
                        #expect(
                            c.map(\.bitPattern) == expected.map(\.bitPattern),
                            "\(path) depth \(depth) strides \(rowStride),\(depthStride) skip \(skip) relu \(relu)")
                    }
                }
            }
        }
    }

    @Test(arguments: [1, 7, 8, 13, 37])
    func reluGateAndAdamStepEqualTheScalarLoopsOnEveryPath(count: Int) {
        let gate = Self.values(count, seed: 1)
        let gradient = Self.values(count, seed: 2)
        let start = Self.values(count, seed: 3)
        let (beta1, beta2, epsilon, rate) = (0.9, 0.999, 1e-8, 0.003)
        var gated = Self.values(count, seed: 4)
        var (values, first, second) = (start, Self.values(count, seed: 5), Self.values(count, seed: 6).map { $0 * $0 })
        let expectedGate = zip(gated, gate).map { $1 > 0 ? $0 : 0 }
        var expected = (values: values, first: first, second: second)
        for k in 0..<count {
            let g = gradient[k]
            expected.first[k] = beta1 * expected.first[k] + (1 - beta1) * g
            expected.second[k] = beta2 * expected.second[k] + (1 - beta2) * g * g
            expected.values[k] = expected.values[k] - rate * expected.first[k] / (expected.second[k].squareRoot() + epsilon)
        }
        let initial = (gated, values, first, second)
        for path in Self.paths {
            (gated, values, first, second) = initial
            quire_mlp_relu_gate(Int64(count), &gated, gate, path.kernelPath)
            quire_mlp_adam_step(Int64(count), &values, &first, &second, gradient, beta1, beta2, epsilon, rate, path.kernelPath)
            #expect(gated.map(\.bitPattern) == expectedGate.map(\.bitPattern), "\(path)")
            #expect(values.map(\.bitPattern) == expected.values.map(\.bitPattern), "\(path)")
            #expect(first.map(\.bitPattern) == expected.first.map(\.bitPattern), "\(path)")
            #expect(second.map(\.bitPattern) == expected.second.map(\.bitPattern), "\(path)")
        }
    }
}
