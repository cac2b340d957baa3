import Foundation

/// A `TOKEN TAG` corpus in CoNLL layout, read the way ANERCorp needs: the tag is the last whitespace-separated
/// field, everything before it (trimmed) is the token, which may be empty or contain a space; blank lines
/// separate sentences. Every input line is kept (blank ones as `nil`) so predictions can be written back one per
/// input line.
package struct CoNLLCorpus: Sendable {
    package struct Line: Sendable, Equatable {
        package var token: String
        package var tag: String
        package init(token: String, tag: String) {
            self.token = token
            self.tag = tag
        }
    }

    package struct ParseError: Error, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    /// One entry per input line; `nil` for a blank line.
    package var lines: [Line?]
    /// Sentences as ranges of `lines`, never containing a blank line. ANERCorp has no blank lines, so a
    /// sentence also ends after a sentence-final punctuation token (see `sentenceEnders`); the tags play no
    /// part, so tagging never depends on the gold answer.
    package var sentences: [Range<Int>]

    /// Tokens that end a sentence when the corpus has no blank lines between sentences.
    package static let sentenceEnders: Set<String> = [".", "!", "?", "؟", "…"]

    package init(lines: [Line?]) {
        self.lines = lines
        var sentences: [Range<Int>] = []
        var start = 0
        for (i, line) in lines.enumerated() {
            guard let line else {
                if start < i { sentences.append(start..<i) }
                start = i + 1
                continue
            }
            if CoNLLCorpus.sentenceEnders.contains(line.token) {
                sentences.append(start..<(i + 1))
                start = i + 1
            }
        }
        if start < lines.count { sentences.append(start..<lines.count) }
        self.sentences = sentences
    }

    package init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ParseError(message: "cannot read CoNLL file: \(url.path)")
        }
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    package init(text: String) {
        var lines: [Line?] = []
        var rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if rawLines.last?.isEmpty == true { rawLines.removeLast() }   // final newline
        lines.reserveCapacity(rawLines.count)
        for raw in rawLines { lines.append(CoNLLCorpus.parseLine(raw)) }
        self.init(lines: lines)
    }

    /// Splits one line into token and tag; `nil` for a blank (whitespace-only) line.
    package static func parseLine(_ raw: Substring) -> Line? {
        let scalars = raw.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        if end == scalars.startIndex { return nil }
        var tagStart = end
        while tagStart > scalars.startIndex, !scalars[scalars.index(before: tagStart)].properties.isWhitespace {
            tagStart = scalars.index(before: tagStart)
        }
        let tag = String(scalars[tagStart..<end])
        var tokenEnd = tagStart
        while tokenEnd > scalars.startIndex, scalars[scalars.index(before: tokenEnd)].properties.isWhitespace {
            tokenEnd = scalars.index(before: tokenEnd)
        }
        var tokenStart = scalars.startIndex
        while tokenStart < tokenEnd, scalars[tokenStart].properties.isWhitespace {
            tokenStart = scalars.index(after: tokenStart)
        }
        if tokenStart == tokenEnd, !BIOTag.looksLikeTag(tag) {
            return Line(token: tag, tag: "O")   // a lone field that is not a tag: a token without a tag
        }
        return Line(token: String(scalars[tokenStart..<tokenEnd]), tag: tag)
    }

    /// The tokens and tags of one sentence.
    package func sentence(_ index: Int) -> (tokens: [String], tags: [String]) {
        let lines = sentences[index].compactMap { self.lines[$0] }
        return (lines.map(\.token), lines.map(\.tag))
    }

    package var tokenCount: Int { lines.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
}

/// BIO tag helpers with conlleval's reading of tags.
package enum BIOTag {
    static func looksLikeTag(_ tag: String) -> Bool {
        tag == "O" || tag.hasPrefix("B-") || tag.hasPrefix("I-")
    }

    /// Splits a tag into its prefix ("B", "I", "O", ...) and type ("PERS", or "" for O).
    package static func split(_ tag: String) -> (prefix: Substring, type: Substring) {
        if let dash = tag.firstIndex(of: "-") {
            return (tag[..<dash], tag[tag.index(after: dash)...])
        }
        return (Substring(tag), "")
    }

    /// Rewrites an `I-X` that opens a chunk (after `O` or another type) as `B-X`, so the tags a model learns
    /// from are well formed. Chunks read by conlleval are unchanged.
    package static func repaired(_ tags: [String]) -> [String] {
        var out = tags
        var previousType: Substring = ""
        for (i, tag) in tags.enumerated() {
            let (prefix, type) = split(tag)
            if prefix == "I", type != previousType { out[i] = "B-" + type }
            previousType = prefix == "O" ? "" : type
        }
        return out
    }
}
