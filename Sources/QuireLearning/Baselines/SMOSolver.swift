/// Sequential minimal optimisation for the C-SVM dual, with the second-order working-set
/// selection of Fan, Chen & Lin (JMLR 2005) that LIBSVM (and so scikit-learn's `SVC`) uses.
///
/// Solves `min ½ αᵀQα − Σα` subject to `0 ≤ α ≤ C`, `yᵀα = 0`, with `Q_ij = y_i y_j K_ij` and the
/// whole Gram matrix given up front (the "cached kernel rows": every row is resident). It stops
/// when the maximal KKT violation `m(α) − M(α)` falls below `tolerance`, LIBSVM's criterion, so at
/// the same tolerance both solvers stop at the same accuracy. No shrinking: it changes speed,
/// not the optimum. Ties in the selection go to the last index, as in LIBSVM, so both follow the
/// same path up to rounding.
enum SMOSolver {
    struct Solution {
        /// The dual variables.
        var alpha: [Double]
        /// LIBSVM's ρ: the decision function is `Σ α_i y_i K(x_i, x) − ρ`.
        var rho: Double
        /// Iterations (pair updates) performed.
        var iterations: Int
    }

    /// Solves the dual for Gram matrix `gram` (`n × n`, row-major), labels `y` in {−1, +1}.
    static func solve(gram: [Double], y: [Double], c: Double, tolerance: Double, maxIterations: Int) -> Solution {
        let n = y.count
        var alpha = [Double](repeating: 0, count: n)
        var gradient = [Double](repeating: -1, count: n)
        let tau = 1e-12
        var iterations = 0
        gram.withUnsafeBufferPointer { k in
            while iterations < maxIterations {
                // Select i: the maximal violator in I_up.
                var gMax = -Double.infinity
                var i = -1
                for t in 0..<n {
                    let canIncrease = y[t] > 0 ? alpha[t] < c : alpha[t] > 0
                    if canIncrease && -y[t] * gradient[t] >= gMax {
                        gMax = -y[t] * gradient[t]
                        i = t
                    }
                }
                guard i >= 0 else { break }
                // Select j in I_low by the second-order gain.
                var gMax2 = -Double.infinity
                var j = -1
                var bestGain = Double.infinity
                let rowI = i * n
                for t in 0..<n {
                    let canDecrease = y[t] > 0 ? alpha[t] > 0 : alpha[t] < c
                    guard canDecrease else { continue }
                    let yG = y[t] * gradient[t]
                    if yG >= gMax2 { gMax2 = yG }
                    let b = gMax + yG
                    if b > 0 {
                        var a = k[rowI + i] + k[t * n + t] - 2 * k[rowI + t]
                        if a <= 0 { a = tau }
                        let gain = -(b * b) / a
                        if gain <= bestGain {
                            bestGain = gain
                            j = t
                        }
                    }
                }
                if gMax + gMax2 < tolerance || j < 0 { break }
                iterations += 1
                update(i, j, k: k, n: n, y: y, c: c, alpha: &alpha, gradient: &gradient, tau: tau)
            }
        }
        return Solution(alpha: alpha, rho: rho(y: y, alpha: alpha, gradient: gradient, c: c), iterations: iterations)
    }

    /// Moves `α_i`, `α_j` to the optimum of the two-variable subproblem, clipped to the box, and
    /// updates the gradient.
    private static func update(
        _ i: Int, _ j: Int, k: UnsafeBufferPointer<Double>, n: Int, y: [Double], c: Double,
        alpha: inout [Double], gradient: inout [Double], tau: Double
    ) {
        let kii = k[i * n + i]
        let kjj = k[j * n + j]
        let kij = k[i * n + j]
        let oldI = alpha[i]
        let oldJ = alpha[j]
        var ai = oldI
        var aj = oldJ
        if y[i] != y[j] {
            var curvature = kii + kjj + 2 * (y[i] * y[j] * kij)
            if curvature <= 0 { curvature = tau }
            let delta = (-gradient[i] - gradient[j]) / curvature
            let difference = ai - aj
            ai += delta
            aj += delta
            if difference > 0 {
                if aj < 0 {
                    aj = 0
                    ai = difference
                }
            } else if ai < 0 {
                ai = 0
                aj = -difference
            }
            if difference > 0 {
                if ai > c {
                    ai = c
                    aj = c - difference
                }
            } else if aj > c {
                aj = c
                ai = c + difference
            }
        } else {
            var curvature = kii + kjj - 2 * (y[i] * y[j] * kij)
            if curvature <= 0 { curvature = tau }
            let delta = (gradient[i] - gradient[j]) / curvature
            let sum = ai + aj
            ai -= delta
            aj += delta
            if sum > c {
                if ai > c {
                    ai = c
                    aj = sum - c
                }
            } else if aj < 0 {
                aj = 0
                ai = sum
            }
            if sum > c {
                if aj > c {
                    aj = c
                    ai = sum - c
                }
            } else if ai < 0 {
                ai = 0
                aj = sum
            }
        }
        alpha[i] = ai
        alpha[j] = aj
        let deltaI = (ai - oldI) * y[i]
        let deltaJ = (aj - oldJ) * y[j]
        let rowI = i * n
        let rowJ = j * n
        for t in 0..<n {
            gradient[t] += y[t] * (k[rowI + t] * deltaI + k[rowJ + t] * deltaJ)
        }
    }

    /// ρ as LIBSVM computes it: the mean of `y_i G_i` over free vectors, or the midpoint of the
    /// feasible interval when no vector is free.
    private static func rho(y: [Double], alpha: [Double], gradient: [Double], c: Double) -> Double {
        var upper = Double.infinity
        var lower = -Double.infinity
        var freeSum = 0.0
        var freeCount = 0
        for t in y.indices {
            let yG = y[t] * gradient[t]
            if alpha[t] >= c {
                if y[t] < 0 { upper = min(upper, yG) } else { lower = max(lower, yG) }
            } else if alpha[t] <= 0 {
                if y[t] > 0 { upper = min(upper, yG) } else { lower = max(lower, yG) }
            } else {
                freeCount += 1
                freeSum += yG
            }
        }
        return freeCount > 0 ? freeSum / Double(freeCount) : (upper + lower) / 2
    }
}
