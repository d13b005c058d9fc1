/// Sizes, fonts and neutral colours shared by every figure, chosen for a Markdown column on GitHub
/// (about 830 px wide): figures default to 720 px so they show at their own scale, where 13 px text
/// reads like the surrounding prose.
enum Theme {
    /// System fonts only: nothing is downloaded, and every platform has one of them.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
    /// Bitstrings, whose digits should line up.
    static let monospaceFontFamily = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace"
    /// Tick labels, legend entries, category labels.
    static let fontSize = 13.0
    /// Axis titles.
    static let labelFontSize = 14.0
    /// The visible figure title.
    static let titleFontSize = 16.0
    /// Distance between baselines of wrapped lines, as a multiple of the font size.
    static let lineSpacing = 1.25
    /// Length of a tick mark outside the plot area.
    static let tickLength = 5.0
    /// Gap between a tick mark and its label, or between stacked blocks of the layout.
    static let gap = 6.0
    /// Outer margin of the figure.
    static let margin = 12.0

    /// Titles, labels and numbers.
    static let textColor = "#222222"
    /// Axis lines and tick marks.
    static let axisColor = "#555555"
    /// Grid lines behind the data.
    static let gridColor = "#E3E3E3"
    /// Unlabelled grid lines (2…9 × 10^k on a log axis).
    static let minorGridColor = "#F2F2F2"
    /// The figure's background: opaque white, so that dark page themes do not swallow dark text.
    static let background = "#FFFFFF"
}
