import Foundation

/// The built-in templates of `quire render` (Mustache, with their CSS), shipped as resources.
public enum QuireTemplates {
    /// Names of the built-in page templates.
    public static let names = ["article", "report"]

    /// The text of resource `name` (e.g. `article.mustache`, `quire.css`), if it is one of ours.
    public static func text(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil),
              let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
