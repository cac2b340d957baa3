import Foundation

/// Reads the linguistic data files under `Resources/` (gazetteers, lexicons, month names, ...).
///
/// Every file is UTF-8 text: blank lines and lines starting with `#` are comments, fields are separated by
/// tabs. `RASD_RESOURCES` may point at another folder with the same layout, so a linguist can try changes
/// without rebuilding.
public enum ResourceStore {
    public struct MissingResource: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "resource file not found: \(path)" }
    }

    /// The folder that holds the resource files.
    public static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["RASD_RESOURCES"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        if let url = Bundle.module.url(forResource: "Resources", withExtension: nil) {
            return url
        }
        return Bundle.module.bundleURL.appendingPathComponent("Resources", isDirectory: true)
    }()

    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    public static func data(_ relativePath: String) throws -> Data {
        let url = url(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MissingResource(path: url.path)
        }
        return data
    }

    /// The non-comment lines of a text resource, trimmed of trailing white space.
    public static func lines(_ relativePath: String) throws -> [String] {
        let text = String(decoding: try data(relativePath), as: UTF8.self)
        var result: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(raw)
            while let last = line.last, last == "\r" || last == " " { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            result.append(String(line))
        }
        return result
    }

    /// Tab-separated rows of a resource; empty fields are kept.
    public static func rows(_ relativePath: String) throws -> [[String]] {
        try lines(relativePath).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
