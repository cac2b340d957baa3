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
        // An article written days before its publication date says so in its lead ("قام صباح اليوم السبت"، "أمس
        // الأحد" in a paper dated Wednesday): its other relative dates ("اليوم"، "أمس") count from that day.
        if let written = writingDay(doc), let published = doc.published, written != published {
            doc.dates = DateExtractor.shared.extract(doc.tokens, in: doc.text, reference: written, prefer: preferDates)
        }
    }

    /// The day the article was written, when its first three sentences name it by "اليوم" or "أمس" with a weekday
    /// that is not the publication's (one to six days before it); nil otherwise.
    func writingDay(_ doc: Document) -> PartialDate? {
        guard let published = doc.published, published.precision == .day,
              let end = doc.sentences.prefix(3).last?.upperBound, end > 0 else { return nil }
        let lexicon = DateExtractor.shared.lex
        let limit = doc.tokens[end - 1].end
        for d in doc.dates where d.start < limit && d.basis == .relative {
            guard let date = d.date, date.precision == .day else { continue }
            var words: [Int] = []
            var k = doc.firstToken(startingAtOrAfter: d.start)
            while k < doc.tokens.count, doc.tokens[k].end <= d.end { words.append(k); k += 1 }
            guard words.contains(where: { lexicon.weekdays[doc.tokens[$0]] != nil }) else { continue }
            let keys = Set(words.map { doc.tokens[$0].norm })
            let day: PartialDate
            if keys.contains(Self.today) { day = date }
            else if keys.contains(Self.yesterday) { day = date.adding(days: 1) }
            else { continue }
            let before = published.dayNumber - day.dayNumber
            return (1...6).contains(before) ? day : nil
        }
        return nil
    }

    static let today = ArabicNormalizer.shared.key("اليوم")
    static let yesterday = ArabicNormalizer.shared.key("أمس")
}
