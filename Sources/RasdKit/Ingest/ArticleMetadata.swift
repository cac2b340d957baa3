import Foundation

/// The `--meta` file: JSON Lines with `id`, `published` and optional `source` per article, for inputs whose
/// files do not carry their date (plain text).
public enum ArticleMetadata {
    public struct LoadError: Error, CustomStringConvertible {
        public let location: String
        public let reason: String
        public var description: String { "\(location): \(reason)" }
    }

    /// Entries by article id. An unreadable file throws; a bad line throws naming `FILE:LINE`.
    public static func load(_ path: String) throws -> [String: (published: PartialDate?, source: String?)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(location: path, reason: "metadata file cannot be read")
        }
        var result: [String: (published: PartialDate?, source: String?)] = [:]
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = "\(path):\(index + 1)"
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                throw LoadError(location: location, reason: "not a JSON object")
            }
            let id: String
            switch object["id"] {
            case let s as String: id = s
            case let n as NSNumber: id = n.stringValue
            default: throw LoadError(location: location, reason: "record has no 'id'")
            }
            result[id] = (PartialDate.published(json: object["published"]), object["source"] as? String)
        }
        return result
    }

    /// Applies metadata to articles: a date or source given in the file wins over what the input said.
    public static func apply(_ meta: [String: (published: PartialDate?, source: String?)], to articles: inout [SourceArticle]) {
        guard !meta.isEmpty else { return }
        for i in articles.indices {
            guard let entry = meta[articles[i].id] else { continue }
            if let date = entry.published { articles[i].published = date }
            if let source = entry.source { articles[i].source = source }
        }
    }
}
