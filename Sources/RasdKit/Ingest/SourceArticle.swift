/// One article as read from an input, before any analysis.
public struct SourceArticle: Sendable, Equatable {
    /// Document id: the file name without extension, or a JSONL record's `id`.
    public var id: String
    /// The article text as read (for HTML: the text extracted from the page). Output offsets point into it.
    public var text: String
    public var title: String?
    /// Publication date (from metadata, a JSONL field or the page's <meta>/<time>/JSON-LD).
    public var published: PartialDate?
    public var source: String?
    public var url: String?
    /// Where it came from, for messages: "path" or "path:line".
    public var origin: String
    /// The author line of a web page ("بقلم ...", `<meta name=author>`), when found.
    public var byline: String?
    /// The place/agency line that opens a report ("الرياض - واس"), when found.
    public var dateline: String?

    public init(id: String, text: String, title: String? = nil, published: PartialDate? = nil,
                source: String? = nil, url: String? = nil, origin: String,
                byline: String? = nil, dateline: String? = nil) {
        self.id = id; self.text = SourceArticle.replacingNUL(text); self.title = title.map(SourceArticle.replacingNUL); self.published = published
        self.source = source; self.url = url; self.origin = origin
        self.byline = byline; self.dateline = dateline
    }

    /// U+0000 becomes U+FFFD: stores and C libraries end a string at NUL, which would silently cut the text,
    /// and one scalar for one keeps every offset.
    static func replacingNUL(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }
}

/// A problem with one input (file or record). It never stops the run: it is reported and the input skipped.
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// "path" or "path:line".
    public var location: String
    public var reason: String
    /// True when the whole named path is missing or unreadable (the run then exits non-zero).
    public var isFatalForPath: Bool

    public init(location: String, reason: String, isFatalForPath: Bool = false) {
        self.location = location; self.reason = reason; self.isFatalForPath = isFatalForPath
    }

    public var description: String { "\(location): \(reason)" }
}
