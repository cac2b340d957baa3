/// Text stage: tokens and sentences of the kept segments, then numbers and quantities.
public struct TextStage: Sendable {
    package var tokenizer = Tokenizer()
    package var splitter = SentenceSplitter()

    public init() {}

    public func process(_ doc: inout Document) {
        doc.tokens = []
        doc.sentences = []
        for segment in doc.segments {
            let tokens = tokenizer.tokenize(doc.text, range: segment)
            let base = doc.tokens.count
            for s in splitter.split(tokens, in: doc.text) {
                doc.sentences.append((s.lowerBound + base)..<(s.upperBound + base))
            }
            doc.tokens.append(contentsOf: tokens)
        }
        let numbers = NumberExtractor.shared.extract(doc.tokens, in: doc.text)
        doc.numbers = numbers.numbers
        doc.quantities = numbers.quantities
    }
}

/// Without a publication date, the article's own dateline gives one: the first full date (day, month and year)
/// written in its first two sentences ("الثلاثاء 19نوفمبر2024").
public struct DatelineStage: Sendable {
    public var preferDates: DatePreference

    public init(preferDates: DatePreference = .past) {
        self.preferDates = preferDates
    }

    public func process(_ doc: inout Document) {
        guard doc.published == nil, let dateline = datelineDate(doc) else { return }
        doc.published = dateline
        doc.publishedBasis = "text"
    }

    /// A full date stated in the first two sentences.
    func datelineDate(_ doc: Document) -> PartialDate? {
        guard let last = doc.sentences.prefix(2).last else { return nil }
        let head = Array(doc.tokens[0..<last.upperBound])
        return DateExtractor.shared.extract(head, in: doc.text, reference: nil, prefer: preferDates)
            .first { $0.basis == .absolute && $0.date?.precision == .day }?.date
    }
}

/// Dates written in the article, relative ones resolved against its publication date.
public struct DateStage: Sendable {
    public var preferDates: DatePreference

    public init(preferDates: DatePreference = .past) {
        self.preferDates = preferDates
    }

    public func process(_ doc: inout Document) {
        doc.dates = DateExtractor.shared.extract(doc.tokens, in: doc.text, reference: doc.published, prefer: preferDates)
    }
}
