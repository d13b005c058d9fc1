import QuireSimulator

extension DeviceTemplate {
    /// The Z mask on the compiled qubits of `observable` read on `logicalQubits` logical qubits.
    func zMask(_ observable: ReadoutObservable, logicalQubits: Int) -> Int {
        zMask(logical: observable.zMask(qubits: logicalQubits))
    }
}
