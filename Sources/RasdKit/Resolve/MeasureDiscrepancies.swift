/// Figures that sources give differently when no event holds them: counts of people ("قُتل 604 أشخاص" in one
/// report, "نحو 750 قتيلاً" in another), a count of things or an amount misreported by its scale word ("100 مليار
/// دولار" against "100 مليون دولار"), and within one article the counts of people that two named sources give
/// ("14 عسكريا" by the group's claim, "11 عسكريا" by a newspaper).
///
/// - What is counted (the measure): for people, from the unit noun ("قتيلاً") or, for a generic one ("شخص") or a
///   class of people ("جندي"), from the nearest predicate word around the number ("فرّ"، "مقتل"); for things and
///   money, the counted noun or currency, and two figures count the same things only where the words around them
///   share a word. All as listed in `resolve/measures.tsv`.
/// - Between articles, only within one story (the articles `StoryDetector` groups), and never between figures
///   whose sentences name places, none in common (one story's accidents in two towns are two counts): each
///   article gives its first figure of a measure (its headline figure; later ones are often history). Figures that
///   differ by no more than a factor of three disagree; further apart, they count different things, unless they
///   differ by a scale word alone ("100 مليار" against "100 مليون": one of them misreported). Counts of things and
///   amounts are compared only so: read over 1,929 sample articles, their other differences were other days'
///   market figures, other phones' specifications and other accidents' rescue teams (0 of 6 right).
/// - Within an article, only counts of people attributed to different named sources (a quote's speaker, or the
///   subject of a speech verb before the figure in its sentence): the article's own voice revising a figure is no
///   conflict.
struct MeasureDiscrepancies {
    let lexicon: PhraseLexicon
    /// Stems never counted as shared context (the story step's function and reporting words).
    let stopwords: Set<UInt64>

    static let shared = MeasureDiscrepancies(lexicon: PhraseLexicon.resource("resolve/measures.tsv"),
                                             stopwords: StoryDetector.shared.stopwords)

    /// Farther than this many tokens from the number, a predicate word says something else.
    static let reachBefore = 6, reachAfter = 4
    /// Words this far around a count of things are its context.
    static let contextReach = 5
    static let maxRatio = 3.0

    typealias Figure = MeasuredFigure

    /// One article's figure as the comparison sees it.
    private struct Given {
        var doc: String
        var value: Double
        var quantity: Quantity
        var figure: Figure
    }

    /// `storyOf`: each document's story number (index into `documents`, from `StoryDetector`).
    func find(_ analysis: Analysis, documents: [ArticleRecord], storyOf: [Int]) -> [Analysis.Discrepancy] {
        let published = Dictionary(documents.map { ($0.id, $0.published) }, uniquingKeysWith: { a, _ in a })
        // story → measure → the first figure of each document, in input order
        var figures: [Int: [String: [Given]]] = [:]
        var out: [Analysis.Discrepancy] = []
        for (i, doc) in documents.enumerated() where doc.parent == nil {
            let s = storyOf[i]
            // Measure → the first figure each named source gives, in text order.
            var bySource: [String: [Given]] = [:]
            for (q, figure) in zip(doc.quantities, doc.figures) where !q.isDuration {
                guard let value = q.value ?? q.max, value >= 2, let figure else { continue }
                let given = Given(doc: doc.id, value: value, quantity: q, figure: figure)
                // Documents come in order: one already in the list is the last one.
                if figures[s]?[figure.measure]?.last?.doc != doc.id {
                    figures[s, default: [:]][figure.measure, default: []].append(given)
                }
                if !figure.isCount, let source = figure.source,
                   !(bySource[figure.measure]?.contains { $0.figure.source == source } ?? false) {
                    bySource[figure.measure, default: []].append(given)
                }
            }
            // Within the article: one figure per named source.
            for (measure, given) in bySource.sorted(by: { $0.key < $1.key }) where given.count >= 2 {
                out += discrepancies(given, measure: measure, story: s, published: published)
            }
        }
        for s in figures.keys.sorted() {
            for (measure, given) in figures[s]!.sorted(by: { $0.key < $1.key }) where given.count >= 2 {
                out += discrepancies(given, measure: measure, story: s, published: published)
            }
        }
        var seen = Set<Set<Double>>()
        return out.filter { seen.insert(Set($0.values.map(\.value))).inserted }
    }

    /// The discrepancies among figures of one measure: those that count the same things (a shared context word
    /// for counts of things), split into groups of comparable size, each group with two values or more.
    private func discrepancies(_ given: [Given], measure: String, story: Int,
                               published: [String: PartialDate?]) -> [Analysis.Discrepancy] {
        var out: [Analysis.Discrepancy] = []
        for group in linked(given) {
            for cluster in clusters(group) where cluster.count >= 2 && Set(cluster.map(\.value)).count >= 2 {
                let entries = cluster.map { g in
                    Analysis.DiscrepancyValue(value: g.value, text: g.quantity.text, doc: g.doc, date: published[g.doc]??.iso)
                }.sorted { ($0.date ?? "", $0.doc, $0.value) < ($1.date ?? "", $1.doc, $1.value) }
                let unit = cluster[0].quantity.unit
                let about = cluster[0].figure.isCount ? "count: \(unit ?? "")" : "\(measure): \(unit ?? "")"
                out.append(Analysis.Discrepancy(about: about, kind: kind(entries, measure: measure), event: nil, unit: unit,
                                                values: entries, story: StoryRecords.id(story)))
            }
        }
        return out
    }

    /// Figures in groups that may count the same thing: each joins the first group whose every figure names a
    /// place it names (or one of the two names none) and, for counts of things, shares a word around it.
    private func linked(_ given: [Given]) -> [[Given]] {
        func compatible(_ a: Given, _ b: Given) -> Bool {
            if !a.figure.places.isEmpty, !b.figure.places.isEmpty, Set(a.figure.places).isDisjoint(with: b.figure.places) { return false }
            return !a.figure.isCount || !Set(a.figure.context).isDisjoint(with: b.figure.context)
        }
        var groups: [[Given]] = []
        for g in given {
            if let k = groups.firstIndex(where: { $0.allSatisfy { compatible($0, g) } }) { groups[k].append(g) } else { groups.append([g]) }
        }
        return groups
    }

    /// Figures split where one is more than `maxRatio` times the next smaller one: 700,000 displaced in the whole
    /// country and 12,000 fled from one town are counts of different things. Two figures whose numbers are the
    /// same but for a scale word stay together; counts of things and amounts only so.
    private func clusters(_ given: [Given]) -> [[Given]] {
        var out: [[Given]] = []
        var current: [Given] = []
        for g in given.sorted(by: { ($0.value, $0.doc) < ($1.value, $1.doc) }) {
            if let last = current.last {
                let near = g.value / last.value <= Self.maxRatio && !g.figure.isCount
                if !near && !Self.differByScale(last, g) { out.append(current); current = [] }
            }
            current.append(g)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// "100 مليار" and "100 مليون": values a power of a thousand apart, each written with a scale word.
    private static func differByScale(_ a: Given, _ b: Given) -> Bool {
        let ratio = b.value / a.value
        guard [1e3, 1e6].contains(where: { abs(ratio - $0) < 1e-9 * $0 }) else { return false }
        return [a, b].allSatisfy { g in
            let number = g.quantity.unit.map { g.quantity.text.replacingOccurrences(of: $0, with: "") } ?? g.quantity.text
            return number.unicodeScalars.contains { $0.properties.isAlphabetic && !("0"..."9").contains($0) }
        }
    }

    /// A toll that only grows from one day's report to the next is being updated; otherwise as for events.
    func kind(_ values: [Analysis.DiscrepancyValue], measure: String) -> String {
        let dated = values.compactMap { v in v.date.flatMap(PartialDate.init(iso:)).map { ($0.dayNumber, v.value) } }
        if Self.tolls.contains(measure), dated.count == values.count,
           zip(dated, dated.dropFirst()).allSatisfy({ $0.0 < $1.0 && $0.1 < $1.1 }) {
            return "update"
        }
        return Discrepancies.kind(values)
    }

    static let tolls: Set<String> = ["killed", "injured"]

    // MARK: Per article

    /// What a figure measures, with its context and source, or nil when it is no figure to compare (a vague
    /// count, a duration, a share, a count of people whose measure the words around do not say).
    func figure(of q: Quantity, in doc: Document) -> Figure? {
        if let word = q.text.split(separator: " ").first, lexicon.values(word: ArabicNormalizer.shared.key(String(word)))?.last == "vague" {
            return nil
        }
        guard let unit = q.unit, let unitWord = unit.split(separator: " ").first else { return nil }
        let first = doc.firstToken(endingAfter: q.start)
        guard let sentence = doc.sentence(containing: first) else { return nil }
        let last = min(doc.firstToken(startingAtOrAfter: q.end), sentence.upperBound)
        let source = self.source(of: q, in: doc, sentence: sentence, before: first)
        let places = self.places(doc, sentence: sentence)
        let entry = lexicon.values(word: ArabicNormalizer.shared.key(String(unitWord)))
        switch entry.map({ $0.count >= 2 ? $0[1] : "" }) {
        case nil, "money":
            // A count of things or an amount: the counted noun or currency, and the words around it.
            let key = Discrepancies.unitKey(String(unitWord))
            guard key.unicodeScalars.count >= 2 else { return nil }
            return Figure(measure: "#" + key, context: context(doc, sentence: sentence, first: first, last: last),
                          source: source, places: places)
        case "unit": return Figure(measure: entry![0], context: [], source: source, places: places)
        case "class", "generic":
            let measure = predicate(doc, sentence: sentence, first: first, last: last) ?? (entry![1] == "class" ? entry![0] : nil)
            return measure.map { Figure(measure: $0, context: [], source: source, places: places) }
        default: return nil
        }
    }

    /// The nearest predicate word in the sentence, before the number or just after its unit.
    private func predicate(_ doc: Document, sentence: Range<Int>, first: Int, last: Int) -> String? {
        var best: (distance: Int, measure: String)?
        let lo = max(sentence.lowerBound, first - Self.reachBefore), hi = min(sentence.upperBound, last + Self.reachAfter)
        for t in lo..<hi where doc.tokens[t].isWord && (t < first || t >= last) {
            guard let v = lexicon.values(token: doc.tokens[t]), v.count >= 2, v[1] == "predicate" else { continue }
            let distance = t < first ? first - t : t - last + 1
            if best == nil || distance < best!.distance { best = (distance, v[0]) }
        }
        return best?.measure
    }

    /// Stems of the words (and years) around a count of things, in its sentence.
    private func context(_ doc: Document, sentence: Range<Int>, first: Int, last: Int) -> [UInt64] {
        let lo = max(sentence.lowerBound, first - Self.contextReach), hi = min(sentence.upperBound, last + Self.contextReach)
        var keys = Set<UInt64>()
        for t in lo..<hi where t < first || t >= last {
            let token = doc.tokens[t]
            guard token.isWord, token.norm.unicodeScalars.count >= 3 else { continue }
            let key = TokenKey.of(CliticStripper.shared.stem(token.norm))
            if !stopwords.contains(key) { keys.insert(key) }
        }
        return keys.sorted()
    }

    /// The places a figure's sentence names (the keys of their references, sorted). Those of the article's lead
    /// when the sentence names none were tried: on the sample they kept the same wrong pairs and lost a right one.
    private func places(_ doc: Document, sentence: Range<Int>) -> [String] {
        let refs = doc.mentions.filter { ($0.type == .gpe || $0.type == .loc) && $0.origin != .demonym && sentence.contains($0.tokens.lowerBound) }
        return Set(refs.map(\.ref.description)).sorted()
    }

    /// Who gives a figure: the speaker of a quote that holds it, else the speaker of the last speech verb before
    /// it in its sentence.
    private func source(of q: Quantity, in doc: Document, sentence: Range<Int>, before first: Int) -> EntityRef? {
        if let quote = doc.quotes.first(where: { $0.start <= q.start && q.end <= $0.end && $0.speaker != nil }) {
            return quote.speaker
        }
        for t in (sentence.lowerBound..<first).reversed() {
            if let verb = doc.speechVerbs[t] { return verb.speaker }
        }
        return nil
    }
}

/// What one figure of an article measures, worked out while the article's tokens exist
/// (`ArticleRecord.figures`).
package struct MeasuredFigure: Sendable, Codable, Equatable {
    /// "killed", "troops", ...; for a count of things "#" and the counted noun's key.
    package var measure: String
    /// For a count of things: keys of the word stems around it (`TokenKey` of the stem), sorted.
    package var context: [UInt64]
    /// Who gives the figure: the speaker of the quote holding it, or of the speech verb before it.
    package var source: EntityRef?
    /// The places its sentence names (`EntityRef` descriptions, sorted).
    package var places: [String]

    var isCount: Bool { measure.hasPrefix("#") }
}
