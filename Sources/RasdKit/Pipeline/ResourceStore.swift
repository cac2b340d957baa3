import Foundation

/// Reads the linguistic data files under `Resources/` (gazetteers, lexicons, month names, ...).
///
/// Every file is UTF-8 text: blank lines and lines starting with `#` are comments, fields are separated by
/// tabs. `RASD_RESOURCES` may point at another folder with the same layout, so a linguist can try changes
/// without rebuilding.
package enum ResourceStore {
    package struct MissingResource: Error, CustomStringConvertible {
        package let path: String
        package var description: String { "resource file not found: \(path)" }
    }

    /// The folder that holds the resource files.
    package static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["RASD_RESOURCES"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        if let url = Bundle.module.url(forResource: "Resources", withExtension: nil) {
            return url
        }
        return Bundle.module.bundleURL.appendingPathComponent("Resources", isDirectory: true)
    }()

    package static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    package static func data(_ relativePath: String) throws -> Data {
        let url = url(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            _ = missing.withLock { $0.insert(url.path) }
            throw MissingResource(path: url.path)
        }
        return data
    }

    /// Every resource file some stage asked for and did not find. Stages are built without `throws` and keep
    /// an empty lexicon when their file is missing; `checkLoaded()` is where that stops the program.
    static let missing = Locked<Set<String>>([])

    /// Resource files missing at start-up, as one error.
    package struct LoadError: Error, CustomStringConvertible, Equatable {
        package let missing: [String]
        package var description: String {
            "resource files not found (a broken installation, or RASD_RESOURCES pointing at an incomplete copy): "
                + missing.joined(separator: ", ")
        }
    }

    /// Throws `LoadError` when any resource asked for so far was missing. `Analyzer.init` calls it after
    /// building every stage, so a missing lexicon is one clear error instead of a silent empty one.
    package static func checkLoaded() throws {
        let paths = missing.withLock { $0.sorted() }
        if !paths.isEmpty { throw LoadError(missing: paths) }
    }

    /// The non-comment lines of a text resource, trimmed of trailing white space.
    package static func lines(_ relativePath: String) throws -> [String] {
        try rows(relativePath).map { $0.joined(separator: "\t") }
    }

    /// Tab-separated rows of a resource; empty fields are kept.
    package static func rows(_ relativePath: String) throws -> [[String]] {
        rows(in: try data(relativePath))
    }

    /// Tab-separated rows of resource text: blank lines and `#` comments skipped, trailing spaces and CR trimmed,
    /// empty fields kept. Split on UTF-8 bytes: the knowledge-base files are read at start-up, and this is
    /// several times faster than splitting a `String`.
    package static func rows(in data: Data) -> [[String]] {
        var rows: [[String]] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            let n = bytes.count
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var end = lineEnd
                while end > lineStart, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 { end -= 1 }
                if end > lineStart, bytes[lineStart] != 0x23 {   // not blank, not a # comment
                    var fields: [String] = []
                    var fieldStart = lineStart
                    for i in lineStart...end where i == end || bytes[i] == 0x09 {
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self))
                        fieldStart = i + 1
                    }
                    rows.append(fields)
                }
                lineStart = lineEnd + 1
            }
        }
        return rows
    }
}

/// A value behind a lock, for the few process-wide caches (resources load once, from any thread).
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
