@testable import QuireReport

/// Deterministic sample figures shared by the golden and structural tests. Data come from rational
/// formulas only (no `exp`, `sin`), so the golden bytes cannot depend on a platform's math library.
enum FigureFixtures {
    /// Every fixture; each one's name is also its golden file's name.
    static var all: [any Figure] {
        [
            lossCurves, logSweep, accuracyBars, bellHistogram, cappedHistogram, moons, irisConfusion, rotatedBars,
            fourClasses, digitsConfusion, emptyLoss, shotNoise, improvements, deviceSpread,
        ]
    }

    /// The fixtures' names, as test arguments.
    static var names: [String] { all.map(\.name) }

    /// The SVG of fixture `name`.
    static func render(_ name: String) throws -> String {
        guard let figure = all.first(where: { $0.name == name }) else { fatalError("unknown fixture \(name)") }
        return try figure.svg()
    }

    /// Two devices by two compilers, five repeats each: a quantum model that spreads and a baseline
    /// that does not depend on the device (equal repeats overlap but stay visible by their jitter).
    static var deviceSpread: SpreadPlot {
        let vqc: [[Double]] = [
            [0.9, 0.933, 0.867, 0.9, 0.967], [0.933, 0.967, 0.9, 0.933, 0.933],
            [0.8, 0.867, 0.733, 0.833, 0.9], [0.867, 0.9, 0.833, 0.933, 0.867],
        ]
        let logistic = Array(repeating: [0.933, 0.967, 0.933, 0.9, 0.933], count: 4)
        return SpreadPlot(
            name: "spread-devices", title: "Test accuracy over 5 repeats per device and compiler",
            categories: [
                "nairobi-2021 · trivial · O0", "nairobi-2021 · noise-aware · O2", "nairobi-2024 · trivial · O0",
                "nairobi-2024 · noise-aware · O2",
            ],
            series: [.init("variational (hardware-efficient, 2 layers)", values: vqc), .init("logistic regression", values: logistic)],
            xAxis: PlotAxis("execution.device · execution.layout · execution.optimization"),
            yAxis: PlotAxis("test accuracy", bounds: 0...1))
    }

    /// A run that diverged before its first epoch: an empty series.
    static var emptyLoss: LinePlot {
        LinePlot(
            name: "line-empty", title: "Loss (run diverged before the first epoch)",
            xAxis: PlotAxis("epoch"), yAxis: PlotAxis("loss"), series: [.init("train", x: [], y: [])])
    }

    static var lossCurves: LinePlot {
        let epochs = (0...40).map(Double.init)
        let train = epochs.map { 0.62 / (1 + 0.18 * $0) + 0.08 + Double(Int($0) * 7 % 5) / 400 }
        let test = epochs.map { 0.66 / (1 + 0.12 * $0) + 0.12 + Double(Int($0) * 3 % 4) / 300 }
        let half = epochs.map { 0.05 / (1 + 0.05 * $0) + 0.01 }
        return LinePlot(
            name: "line-loss", title: "Training loss of the variational classifier",
            xAxis: PlotAxis("epoch"), yAxis: PlotAxis("cross-entropy loss", unit: "nats"),
            series: [
                .init("train", x: epochs, y: train),
                .init(
                    "test (mean ± 95% CI over 5 seeds)", x: epochs, y: test,
                    band: .init(lower: zip(test, half).map { $0 - $1 }, upper: zip(test, half).map { $0 + $1 })),
            ])
    }

    static var logSweep: LinePlot {
        let noise = [0.0, 0.002, 0.004, 0.006, 0.008, 0.01, 0.015, 0.02]
        let ideal = noise.map { 0.001 + 12 * $0 * $0 + 0.4 * $0 }
        let mitigated = noise.map { 0.0004 + 3 * $0 * $0 + 0.05 * $0 }
        return LinePlot(
            name: "line-log-sweep", title: "",
            xAxis: PlotAxis("two-qubit depolarizing probability"), yAxis: PlotAxis("classification error"),
            series: [
                .init("unmitigated", x: noise, y: ideal, markers: true),
                .init("zero-noise extrapolation", x: noise, y: mitigated, markers: true),
            ],
            yScale: .logarithmic)
    }

    static var accuracyBars: BarChart {
        let vqc = [0.912, 0.874, 0.968, 0.781]
        let svm = [0.955, 0.931, 0.981, 0.802]
        let logistic = [0.861, 0.502, 0.974, 0.755]
        return BarChart(
            name: "bar-accuracy", title: "Test accuracy, mean ± 95% CI over 10 seeds",
            categories: [
                "two moons", "concentric circles", "iris (setosa vs versicolor)", "breast cancer (PCA, 4 features)",
            ],
            series: [
                .init(
                    "VQC (4 qubits, 3 layers)", values: vqc,
                    errors: Intervals(center: vqc, halfWidth: [0.021, 0.034, 0.012, 0.041])),
                .init(
                    "SVM (RBF kernel)", values: svm,
                    errors: Intervals(center: svm, halfWidth: [0.011, 0.018, 0.008, 0.025])),
                .init(
                    "logistic regression", values: logistic,
                    errors: Intervals(center: logistic, halfWidth: [0.019, 0.044, 0.010, 0.030])),
            ],
            yAxis: PlotAxis("test accuracy"))
    }

    static var bellHistogram: Histogram {
        Histogram(
            name: "histogram-bell", title: "Bell pair on the noisy device, 2000 shots",
            probabilities: ["00": 0.4755, "01": 0.0245, "10": 0.0245, "11": 0.4755],
            counts: ["00": 957, "01": 52, "10": 41, "11": 950])
    }

    /// 6 qubits, 64 outcomes, a GHZ-like distribution with a noisy tail: capped to 12 bars.
    static var cappedHistogram: Histogram {
        var probabilities: [String: Double] = [:]
        for state in 0..<64 {
            let bits = String(String(state, radix: 2).reversed()).padding(toLength: 6, withPad: "0", startingAt: 0)
            let weight = state == 0 || state == 63 ? 0.40 : Double(1 + state % 7) / 1400
            probabilities[String(bits.reversed())] = weight
        }
        let total = probabilities.values.sorted().reduce(0, +)
        for key in probabilities.keys { probabilities[key]! /= total }
        return Histogram(
            name: "histogram-capped", title: "GHZ state, 6 qubits, exact probabilities",
            probabilities: probabilities, maxBars: 12)
    }

    /// Two interleaving half circles (rational parametrisation of the circle, deterministic jitter),
    /// 3 of every 10 points held out, under a smooth decision function on a 40 × 30 grid.
    static var moons: ScatterPlot {
        var points: [ScatterPlot.Point] = []
        for index in 0..<60 {
            let t = Double(index % 30) / 29  // tangent of half the angle, 0…1
            let (cos, sin) = ((1 - t * t) / (1 + t * t), 2 * t / (1 + t * t))  // of an angle in 0…π/2
            let (cosine, sine) = (cos * cos - sin * sin, 2 * cos * sin)  // double angle: 0…π
            let jitter = (Double(index * 37 % 11) - 5) / 50
            let jitter2 = (Double(index * 53 % 13) - 6) / 60
            let upper = index < 30
            let x = (upper ? cosine : 1 - cosine) + jitter2
            let y = (upper ? sine : 0.5 - sine) + jitter
            points.append(.init(x: x, y: y, classIndex: upper ? 0 : 1, split: index % 10 < 7 ? .train : .test))
        }
        let (xRange, yRange) = ((-1.5, 2.5), (-1.0, 1.5))
        let xs = ScatterPlot.HeatMap.centers(of: xRange, count: 40)
        let values = ScatterPlot.HeatMap.centers(of: yRange, count: 30).map { y in
            xs.map { x -> Double in
                // A cubic through the gap between the moons: (-1, -0.5), (0, 0.75), (1, -0.25), (2, 1).
                let boundary = 0.75 - 0.625 * x - 1.125 * x * x + 0.75 * x * x * x
                let f = -2.5 * (y - boundary)
                return f / (1 + abs(f))
            }
        }
        return ScatterPlot(
            name: "scatter-moons", title: "Decision function of the VQC on two moons",
            classes: ["upper moon", "lower moon"], points: points,
            heatMap: .init(xRange: xRange, yRange: yRange, values: values, title: "decision function"),
            xAxis: PlotAxis("x₁"), yAxis: PlotAxis("x₂"))
    }

    static var irisConfusion: ConfusionMatrix {
        ConfusionMatrix(
            name: "confusion-iris", title: "Iris test set, 3-class VQC",
            classes: ["setosa", "versicolor", "virginica"],
            counts: [[15, 0, 0], [0, 13, 2], [0, 4, 11]])
    }

    /// Eight baselines with long names: labels too long to wrap into their slot are rotated.
    static var rotatedBars: BarChart {
        let names = [
            "VQC, angle encoding, 2 layers", "VQC, amplitude encoding", "quantum kernel SVM (ZZ feature map)",
            "classical SVM, RBF kernel", "logistic regression", "random forest (100 trees)",
            "multilayer perceptron 16-16", "k-nearest neighbours (k = 5)",
        ]
        let values = [0.71, 0.64, 0.82, 0.86, 0.62, 0.84, 0.87, 0.8]
        return BarChart(
            name: "bar-rotated", title: "Circles dataset, test accuracy",
            categories: names,
            series: [
                .init(
                    "accuracy", values: values,
                    errors: Intervals(center: values, halfWidth: values.map { (1 - $0) / 6 }))
            ],
            xAxis: PlotAxis("model"), yAxis: PlotAxis("test accuracy", unit: "fraction"))
    }

    /// Four classes on a 2 × 2 lattice of clusters, no heat map, training points only.
    static var fourClasses: ScatterPlot {
        let points = (0..<80).map { index -> ScatterPlot.Point in
            let cls = index % 4
            let (cx, cy) = (Double(cls % 2) * 3, Double(cls / 2) * 3)
            let dx = (Double(index * 37 % 17) - 8) / 8
            let dy = (Double(index * 53 % 19) - 9) / 9
            return .init(x: cx + dx, y: cy + dy, classIndex: cls)
        }
        return ScatterPlot(
            name: "scatter-classes", title: "", classes: ["class A", "class B", "class C", "class D"],
            points: points, xAxis: PlotAxis("feature 1", unit: "a.u."), yAxis: PlotAxis("feature 2", unit: "a.u."))
    }

    /// Ten classes: cells shrink to 48 px, shares still printed.
    static var digitsConfusion: ConfusionMatrix {
        let counts = (0..<10).map { row in
            (0..<10).map { column in
                row == column
                    ? 40 + (row * 7) % 11 : (row * 3 + column * 5) % 7 == 0 ? 3 : (row + column) % 5 == 0 ? 1 : 0
            }
        }
        return ConfusionMatrix(
            name: "confusion-digits", title: "Handwritten digits (8 × 8), quantum kernel SVM",
            classes: (0..<10).map(String.init), counts: counts)
    }

    /// Log–log: the standard error of an expectation value falls as 1/√shots (√ is exact in IEEE
    /// arithmetic, so this stays platform-independent).
    static var shotNoise: LinePlot {
        let shots = [100.0, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100_000]
        let error = shots.map { 1 / $0.squareRoot() }
        let measured = shots.enumerated().map { 1.1 / $1.squareRoot() * (1 + Double($0 % 3 - 1) / 10) }
        return LinePlot(
            name: "line-shots", title: "Shot noise of ⟨Z⊗Z⟩",
            xAxis: PlotAxis("shots"), yAxis: PlotAxis("standard error"),
            series: [
                .init("1/√shots", x: shots, y: error),
                .init(
                    "measured (20 repetitions)", x: shots, y: measured,
                    band: .init(lower: measured.map { $0 * 0.8 }, upper: measured.map { $0 * 1.25 }), markers: true),
            ],
            yScale: .logarithmic, xScale: .logarithmic)
    }

    /// Differences can be negative: bars hang from a drawn zero line.
    static var improvements: BarChart {
        BarChart(
            name: "bar-negative", title: "Accuracy change from zero-noise extrapolation",
            categories: ["moons", "circles", "iris", "XOR"],
            series: [
                .init(
                    "depolarizing 1%", values: [0.042, -0.013, 0.008, 0.061],
                    errors: Intervals(center: [0.042, -0.013, 0.008, 0.061], halfWidth: [0.015, 0.02, 0.01, 0.018])),
                .init("depolarizing 3%", values: [0.081, 0.022, -0.031, 0.102]),
            ],
            yAxis: PlotAxis("accuracy change", unit: "points"))
    }
}
