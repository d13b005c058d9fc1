import Foundation

/// Reads a JSON fixture written by `Reference/generate_sklearn.py` (beside this file).
func fixture<T: Decodable>(_ name: String, as type: T.Type = T.self, filePath: String = #filePath) throws -> T {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Reference/\(name)")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(T.self, from: Data(contentsOf: url))
}
