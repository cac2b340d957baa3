import Foundation

/// Crawler metadata for articles: a JSONL file with one object per line, `id` plus optional `published`
/// (ISO date or timestamp), `source`, `url` and `title`. Applied to articles whose id matches.
public struct ArticleMetadata: Sendable, Equatable {
    public var published: PartialDate?
    public var source: String?
    public var url: String?
    public var title: String?

    public init(published: PartialDate? = nil, source: String? = nil, url: String? = nil, title: String? = nil) {
        self.published = published; self.source = source; self.url = url; self.title = title
    }

    /// Reads a metadata file. Bad lines are returned as problems (`FILE:LINE: reason`), the others kept.
    public static func load(path: String) -> (entries: [String: ArticleMetadata], problems: [InputProblem]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([:], [InputProblem(location: path, reason: "metadata file cannot be read", isFatalForPath: true)])
        }
        var entries: [String: ArticleMetadata] = [:]
        var problems: [InputProblem] = []
        let text = String(decoding: data, as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let location = "\(path):\(index + 1)"
            guard let object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any] else {
                problems.append(InputProblem(location: location, reason: "not a JSON object"))
                continue
            }
            guard let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue, !id.isEmpty else {
                problems.append(InputProblem(location: location, reason: "no \"id\" field"))
                continue
            }
            var entry = ArticleMetadata()
            if let value = object["published"] as? String, !value.isEmpty {
                guard let date = PartialDate(iso: value) else {
                    problems.append(InputProblem(location: location, reason: "\"published\" is not an ISO date: \(value)"))
                    continue
                }
                entry.published = date
            }
            entry.source = (object["source"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            entry.url = object["url"] as? String
            entry.title = object["title"] as? String
            entries[id] = entry
        }
        return (entries, problems)
    }

    /// The article with this metadata applied (metadata wins over what the reader found).
    public func applied(to article: SourceArticle) -> SourceArticle {
        var a = article
        if let published { a.published = published }
        if let source { a.source = source }
        if let url { a.url = url }
        if let title { a.title = title }
        return a
    }
}
