import Foundation
import RasdKit

/// The body of `POST /api/articles`: a JSON array of article objects, or JSON Lines (one object a line),
/// each `{id, text | html, title, published, source, url}` as in a `.jsonl` feed (RasdKit's `JSONLReader`).
struct ArticleUpload {
    var articles: [SourceArticle] = []
    var problems: [APIError.Problem] = []

    /// Reads every record; records that cannot be read are listed in `problems` (location `record N` for the
    /// N-th element of an array, `line N` for JSON Lines).
    static func parse(_ body: Data, maxArticles: Int) throws -> ArticleUpload {
        let (records, unit) = try split(body)
        guard !records.isEmpty else { throw APIError.badRequest("the body has no article: send a JSON array or JSON Lines of {id, text or html, ...}") }
        guard records.count <= maxArticles else {
            throw APIError(.contentTooLarge, "\(records.count) articles in one request; at most \(maxArticles)")
        }
        let reader = JSONLReader()
        var upload = ArticleUpload()
        var seenIDs = Set<String>()
        for (number, record) in records {
            let location = "\(unit) \(number)"
            if let reason = fieldTypeProblem(record) {
                upload.problems.append(.init(location: location, reason: reason))
                continue
            }
            switch reader.record(record, location: location, fallbackID: "") {
            case .failure(let problem):
                upload.problems.append(.init(location: location, reason: problem.reason))
            case .success(var article):
                if article.id.isEmpty {
                    upload.problems.append(.init(location: location, reason: "record has no 'id'"))
                } else if !seenIDs.insert(article.id).inserted {
                    upload.problems.append(.init(location: location, reason: "id '\(article.id)' appears twice in this request"))
                } else {
                    article.origin = "api:\(article.id)"
                    upload.articles.append(article)
                }
            }
        }
        return upload
    }

    /// The records as (number from 1, JSON bytes): the elements of a top-level array, else the non-blank lines.
    static func split(_ body: Data) throws -> (records: [(Int, Data)], unit: String) {
        let bytes = body.starts(with: [0xEF, 0xBB, 0xBF]) ? body.dropFirst(3) : body[...]
        guard let first = bytes.first(where: { !isSpace($0) }) else { return ([], "line") }
        if first == UInt8(ascii: "[") {
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
            } catch {
                throw APIError.badRequest("malformed JSON: \(shortMessage(error))")
            }
            guard let array = value as? [Any] else { throw APIError.badRequest("expected a JSON array of articles") }
            let records = try array.enumerated().map { i, element in
                // Each element goes back to bytes so that one reader validates arrays and lines alike.
                guard JSONSerialization.isValidJSONObject(element) else { return (i + 1, Data("null".utf8)) }
                return (i + 1, try JSONSerialization.data(withJSONObject: element, options: []))
            }
            return (records, "record")
        }
        var records: [(Int, Data)] = []
        var number = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy(isSpace) { continue }
            records.append((number, Data(line)))
        }
        return (records, "line")
    }

    /// A field of the wrong JSON type (`"url": {}`): the feed reader would drop it silently; an API says so.
    static func fieldTypeProblem(_ record: Data) -> String? {
        guard let object = (try? JSONSerialization.jsonObject(with: record)) as? [String: Any] else { return nil }
        for key in ["id", "text", "html", "title", "source", "url"] {
            guard let value = object[key], !(value is NSNull) else { continue }
            if value is String { continue }
            // An id may be a number (as in feeds); the others must be text.
            if key == "id", value is NSNumber { continue }
            return "'\(key)' must be a string"
        }
        if let published = object["published"], !(published is NSNull), !(published is String), !(published is NSNumber) {
            return "'published' must be a date string or a Unix time"
        }
        return nil
    }

    /// Foundation's JSON errors are long; the first clause says enough.
    static func shortMessage(_ error: Error) -> String {
        let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return String(message.prefix(160))
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
