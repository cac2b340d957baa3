/// Tells an opinion column or analysis piece from a news report (`Document.genre`), from cues kept as data
/// (`Resources/genre/cues.tsv`): a column header or byline among the first words, first-person and argumentative
/// markers outside quotes, and no agency or dateline among the first words. Events told in an opinion piece are
/// commentary (`commentary: true` in the output), ranked below reported news in the timeline.
///
/// Most columns carry no header in the text a feed gives, so the style of the writing counts too
/// (`Resources/genre/style.tsv`): the writer's own "we", rhetorical marks, a title that exclaims or asks, length,
/// against a report's attributions and its dates reckoned from the publication day.
public struct GenreStage: Sendable {
    let cues: PhraseLexicon
    let style: GenreStyle
    /// The first-person plural enclitics of the morphological analyzer's rules ("نا").
    let firstPlural: [[UInt32]]
    /// How many first words hold the header, the byline or the dateline.
    static let opening = 15
    static let threshold = 3

    public init() {
        cues = PhraseLexicon.resource("genre/cues.tsv")
        style = GenreStyle(rows: (try? ResourceStore.rows("genre/style.tsv")) ?? [])
        firstPlural = Morphology.shared.enclitics.filter { $0.agreement == "1p" }.map(\.form)
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
        // "نحن"، "أعتقد" inside a quote are the speaker's words, not the writer's: each token's, marked once.
        var quoted = [Bool](repeating: false, count: doc.tokens.count)
        for q in doc.quotes {
            var t = doc.firstToken(startingAtOrAfter: q.start)
            while t < doc.tokens.count, doc.tokens[t].start < q.end { quoted[t] = true; t += 1 }
        }
        while i < doc.tokens.count {
            guard let m = cues.match(doc.tokens, at: i) else { i += 1; continue }
            switch m.values.first {
            case "header" where i < opening: header += 1
            case "argument" where !quoted[i]: argument.insert(m.key)
            case "news" where i < opening: news += 1
            default: break
            }
            i = m.tokens.upperBound
        }
        if let title = doc.title {
            let words = title.split(separator: " ").map { ArabicNormalizer.shared.key(String($0)) }
            header += words.filter { cues.values(word: $0)?.first == "header" }.count
        }
        let cueScore = 3 * min(header, 1) + min(argument.count, 6) - (news > 0 ? 3 : 0)
        return cueScore + style.points(measures(doc, quoted: quoted))
    }

    /// The measures `genre/style.tsv` gives points for (see there), on the body's Arabic words outside quotes.
    func measures(_ doc: Document, quoted: [Bool]) -> [String: Double] {
        // A token that starts inside a name ("فيينا") holds no pronoun.
        var names = [Bool](repeating: false, count: doc.tokens.count)
        for m in doc.mentions { for t in m.tokens where (m.start..<m.end).contains(doc.tokens[t].start) { names[t] = true } }
        var words = 0, voice = 0, rhetoric = 0
        for sentence in doc.sentences {
            let speech = sentence.contains { doc.speechVerbs[$0] != nil }
            for i in sentence {
                let token = doc.tokens[i]
                if quoted[i] { continue }
                switch token.kind {
                case .arabic:
                    words += 1
                    if !speech, !names[i], Self.endsInPronoun(token.norm, firstPlural),
                       cues.values(token: token)?.first != "not_voice" { voice += 1 }
                case .punct:
                    let s = doc.text[token.start]
                    if s == "!" || s == "؟" || s == "?" { rhetoric += 1 }
                default: break
                }
            }
        }
        let title = doc.title ?? ""
        let per100 = 100 / Double(max(words, 1))
        return ["voice": Double(voice) * per100, "rhetoric": Double(rhetoric) * per100,
                "title_question": title.contains(where: { $0 == "!" || $0 == "؟" || $0 == "?" }) ? 1 : 0,
                "title_ellipsis": title.contains("..") ? 1 : 0, "words": Double(words),
                "speech": Double(doc.speechVerbs.count) * per100,
                "relative_dates": Double(doc.dates.filter { $0.basis == .relative }.count) * per100]
    }

    /// A word of at least two letters before a first-person plural ending, not an accusative "-ًا" after ن
    /// ("بيانا"، "أحيانا": the ending then follows ا).
    static func endsInPronoun(_ word: String, _ forms: [[UInt32]]) -> Bool {
        let scalars = word.unicodeScalars.map(\.value)
        for form in forms where scalars.count >= form.count + 2 && scalars.suffix(form.count).elementsEqual(form) {
            if scalars[scalars.count - form.count - 1] != 0x0627 { return true }
        }
        return false
    }
}

/// Points for style measures, read from `genre/style.tsv`: for each measure the row with the highest threshold
/// reached counts.
struct GenreStyle: Sendable {
    var steps: [String: [(atLeast: Double, points: Int)]] = [:]

    init(rows: [[String]]) {
        for row in rows where row.count >= 3 {
            guard let atLeast = Double(row[1]), let points = Int(row[2]) else { continue }
            steps[row[0], default: []].append((atLeast, points))
        }
        for key in steps.keys { steps[key]!.sort { $0.atLeast > $1.atLeast } }
    }

    func points(_ measures: [String: Double]) -> Int {
        var total = 0
        for (measure, value) in measures {
            if let step = steps[measure]?.first(where: { value >= $0.atLeast }) { total += step.points }
        }
        return total
    }
}
