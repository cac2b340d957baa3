import Foundation

/// Boilerplate learned from the collection: lines that recur in several articles of one outlet (menus, tag
/// clouds, "related" lists, share bars, bylines of the desk) are not part of any one story.
///
/// Articles are grouped by `source`, or by the folder of their file when they have none. Exact copies of one
/// article count once, so a story sent three times does not make its own lines look like boilerplate.
package struct RepeatedBlockDetector: Sendable {
    package var minArticles: Int

    package init(minArticles: Int = 3) { self.minArticles = minArticles }

    /// Source key → normalized lines (see `normalizedLine`) found in at least `minArticles` articles of it.
    package func repeatedLines(in articles: [SourceArticle]) -> [String: Set<String>] {
        var tally = Tally<String>(minArticles: minArticles)
        for article in articles where !tally.seen(article) { tally.add(article, lines: Self.lines(of: article)) }
        return tally.repeated
    }

    /// An article's distinct non-empty lines, normalized (the per-article part, which may run concurrently).
    package static func lines(of article: SourceArticle) -> Set<String> {
        var lines = Set<String>()
        forEachLine(of: article) { lines.insert($0) }
        return lines
    }

    /// Each non-empty normalized line of the article, in order (repeats included). Lines end at "\n" (a "\r"
    /// before it is dropped), split on UTF-8 bytes: splitting the text by `Character` cost more than the rest.
    static func forEachLine(of article: SourceArticle, _ body: (String) -> Void) {
        var text = article.text
        text.withUTF8 { bytes in
            var start = 0
            for k in 0...bytes.count where k == bytes.count || bytes[k] == UInt8(ascii: "\n") {
                var end = k
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if end > start {
                    let line = normalizedLine(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                    if !line.isEmpty { body(line) }
                }
                start = k + 1
            }
        }
    }

    /// Counts of lines per outlet, added one article at a time in input order: lines as text, or as the hashes a
    /// store keeps with each article's record (`LineHashTally`), so that an incremental analysis needs no text.
    package struct Tally<Line: Hashable & Sendable>: Sendable {
        package let minArticles: Int
        var counts: [String: [Line: Int]] = [:]
        var seenTexts = Set<Int>()

        package init(minArticles: Int) { self.minArticles = minArticles }

        /// True when an exact copy of the article's text was added already (it would count once).
        package func seen(_ article: SourceArticle) -> Bool { seenTexts.contains(article.text.hashValue) }

        /// Adds an article's distinct lines; an exact copy of an article added before is not counted again. Returns
        /// the lines it made repeated (their count reached `minArticles` with it).
        @discardableResult
        package mutating func add<Lines: Sequence>(_ article: SourceArticle, lines: Lines) -> [Line] where Lines.Element == Line {
            guard seenTexts.insert(article.text.hashValue).inserted else { return [] }
            let key = RepeatedBlockDetector.sourceKey(article)
            var reached: [Line] = []
            for line in lines {
                counts[key, default: [:]][line, default: 0] += 1
                if counts[key]![line] == minArticles { reached.append(line) }
            }
            return reached
        }

        /// Source key → the lines found in at least `minArticles` of its articles.
        package var repeated: [String: Set<Line>] {
            var result: [String: Set<Line>] = [:]
            for (key, lines) in counts {
                let repeated = Set(lines.filter { $0.value >= minArticles }.map(\.key))
                if !repeated.isEmpty { result[key] = repeated }
            }
            return result
        }
    }

    /// The group an article belongs to: its source, else the folder of its file.
    package static func sourceKey(_ article: SourceArticle) -> String {
        if let source = article.source, !source.isEmpty { return source }
        var path = article.origin
        // "path:line" for JSONL records.
        if let colon = path.lastIndex(of: ":"), path[path.index(after: colon)...].allSatisfy(\.isNumber) {
            path = String(path[..<colon])
        }
        // The folder part, by hand: Foundation's NSString.deletingLastPathComponent traps on a one-letter path.
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The matching form of a line: normalized (ArabicNormalizer key) with every number folded to "0", so
    /// counters and dates in a repeated bar ("منذ 3 ساعات", "12 تعليقا") still match.
    package static func normalizedLine(_ line: String) -> String {
        var view = String.UnicodeScalarView()
        var inNumber = false
        for s in ArabicNormalizer.shared.key(line).unicodeScalars {
            let digit = ("0"..."9").contains(s)
            if digit && !inNumber { view.append("0") }
            if !digit { view.append(s) }
            inNumber = digit
        }
        return String(view)
    }

    /// True when the line of an article is one of its outlet's repeated lines.
    package static func isRepeated(_ line: String, in article: SourceArticle, lines: [String: Set<String>]) -> Bool {
        lines[sourceKey(article)]?.contains(normalizedLine(line)) ?? false
    }
}
