/// The cos and sin of every gate angle that depends on θ alone, kept in the workspace between
/// samples.
///
/// Training and prediction evaluate one θ on many samples, and at 4 qubits the elementary
/// functions of the angles cost more than the gates (measured with `quire-bench small`: 34 gates,
/// 4.7 µs per evaluation before). The table is rebuilt when θ changes (compared bit for bit) or the
/// workspace last served another circuit; a table value is the same `Double` that computing it
/// again would give, so results do not change.
extension CompiledCircuit {
    /// Identifies one compiled circuit's tables (a class, so that identity survives copies).
    final class TableOwner: Sendable {}

    /// The workspace's table for θ = `parameters`, rebuilt first unless it is already θ's.
    func trigonometryTable(parameters: UnsafeBufferPointer<Double>, workspace: EvaluationWorkspace) -> [SIMD2<Double>] {
        let current =
            workspace.tableOwner === tableOwner && workspace.tableParameters.count == parameters.count
            && zip(workspace.tableParameters, parameters).allSatisfy { $0.bitPattern == $1.bitPattern }
        if !current {
            let noInputs = UnsafeBufferPointer<Double>(start: nil, count: 0)
            workspace.trigonometry = gates.indices.map { index in
                gates[index].angle.input == nil ? trigonometry(index, parameters: parameters, inputs: noInputs) : SIMD2(1, 0)
            }
            workspace.tableParameters = Array(parameters)
            workspace.tableOwner = tableOwner
        }
        return workspace.trigonometry
    }
}
