extension DeviceCompilation {
    /// The compiled circuit as OpenQASM 2.0 (`Circuit.qasm()`), with comment lines after the
    /// include naming the device, the options and both layouts (logical qubit q on the q-th listed
    /// physical qubit), so the file says how to read its results.
    public func qasm(device: String, options: CompileOptions) -> String {
        let layout = { (layout: Layout) in layout.physical.map(String.init).joined(separator: " ") }
        let header = """
            // compiled by Quire for \(device): layout \(options.layout.rawValue), optimization \(options.optimizationLevel), routing seed \(options.routingSeed)
            // initial layout (physical qubit of each logical qubit): \(layout(initialLayout))
            // final layout (physical qubit of each logical qubit): \(layout(finalLayout))

            """
        let text = circuit.qasm()
        let include = "include \"qelib1.inc\";\n"
        guard let range = text.range(of: include) else { return header + text }
        return text[..<range.upperBound] + header + text[range.upperBound...]
    }
}
