/// A gate angle that is an affine function of one trainable parameter and one circuit input:
/// `constant + parameterScale · θ[parameter] + inputScale · u[input]`.
///
/// Affine angles keep every derivative trivial (∂angle/∂θ_k = `parameterScale`), which is what
/// adjoint differentiation and the parameter-shift rule need. Non-linear feature maps (IQP's
/// (π−x_i)(π−x_j), amplitude encoding's arcsines) are computed once per sample into the input
/// vector `u` by the encoding, so the circuit itself stays affine.
public struct AngleExpression: Hashable, Sendable {
    /// The constant term.
    public var constant: Double
    /// Index of the trainable parameter, or nil.
    public var parameter: Int?
    /// Coefficient of the parameter.
    public var parameterScale: Double
    /// Index of the circuit input, or nil.
    public var input: Int?
    /// Coefficient of the input.
    public var inputScale: Double

    /// Creates `constant + parameterScale·θ[parameter] + inputScale·u[input]`.
    public init(constant: Double = 0, parameter: Int? = nil, parameterScale: Double = 1, input: Int? = nil, inputScale: Double = 1) {
        self.constant = constant
        self.parameter = parameter
        self.parameterScale = parameterScale
        self.input = input
        self.inputScale = inputScale
    }

    /// The angle θ[k].
    public static func parameter(_ k: Int) -> AngleExpression { AngleExpression(parameter: k) }

    /// The angle `scale · u[j]`.
    public static func input(_ j: Int, scale: Double = 1) -> AngleExpression { AngleExpression(input: j, inputScale: scale) }

    /// The value for parameters `theta` and inputs `inputs`.
    @inlinable
    public func value(parameters theta: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>) -> Double {
        var angle = constant
        if let parameter { angle += parameterScale * theta[parameter] }
        if let input { angle += inputScale * inputs[input] }
        return angle
    }
}
