/// Tells an opinion column or analysis piece from a news report (`Document.genre`), from cues kept as data
/// (`Resources/genre/cues.tsv`): a column header or byline among the first words, first-person and argumentative
/// markers outside quotes, and no agency or dateline among the first words. Events told in an opinion piece are
/// commentary (`commentary: true` in the output), ranked below reported news in the timeline.
public struct GenreStage: Sendable {
    let cues: PhraseLexicon
    /// How many first words hold the header, the byline or the dateline.
    static let opening = 15
    static let threshold = 3

    public init() {
        cues = PhraseLexicon.resource("genre/cues.tsv")
    }

    public func process(_ doc: inout Document) {
        doc.genre = score(doc) >= Self.threshold ? .opinion : .news
    }

    /// A header cue in the title or the first words (3), distinct argument cues outside quotes (1 each, at most 6;
    /// a decree's repeated "نحن" counts once), minus 3 for an agency or dateline among the first words.
    func score(_ doc: Document) -> Int {
        var header = 0, news = 0
        var argument = Set<String>()
        var i = 0
        let opening = min(doc.tokens.count, Self.opening)
        // "نحن"، "أعتقد" inside a quote are the speaker's words, not the writer's.
        let quoted = doc.quotes.map { $0.start..<$0.end }
        while i < doc.tokens.count {
            guard let m = cues.match(doc.tokens, at: i) else { i += 1; continue }
            switch m.values.first {
            case "header" where i < opening: header += 1
            case "argument" where !quoted.contains(where: { $0.contains(doc.tokens[i].start) }): argument.insert(m.key)
            case "news" where i < opening: news += 1
            default: break
            }
            i = m.tokens.upperBound
        }
        if let title = doc.title {
            let words = title.split(separator: " ").map { ArabicNormalizer.shared.key(String($0)) }
            header += words.filter { cues.values(word: $0)?.first == "header" }.count
        }
        return 3 * min(header, 1) + min(argument.count, 6) - (news > 0 ? 3 : 0)
    }
}
