/// What every figure kind offers, so that a notebook can write any of them the same way: its name
/// (the file stem and the source of its SVG ids) and its SVG text.
///
///     let figures: [any Figure] = [lossPlot, accuracyChart, confusion]
///     for figure in figures { try write(figure.svg(), to: "\(folder)/\(figure.name).svg") }
public protocol Figure: Sendable {
    /// The figure's name, unique within a document (the block id plus a suffix, e.g. `moons-loss`).
    var name: String { get }

    /// The figure as a standalone SVG 1.1 document, the same bytes for the same data on every machine.
    ///
    /// - Throws: `PlotError` when the data cannot be drawn (NaN or inf, mismatched lengths, …).
    func svg() throws(PlotError) -> String
}

extension LinePlot: Figure {}
extension BarChart: Figure {}
extension Histogram: Figure {}
extension ScatterPlot: Figure {}
extension ConfusionMatrix: Figure {}
extension SpreadPlot: Figure {}
