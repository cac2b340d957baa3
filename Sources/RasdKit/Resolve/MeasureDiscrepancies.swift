/// Counts of people that the sources of one story disagree on when no event holds the count ("قُتل 604 أشخاص"
/// in one report, "نحو 750 قتيلاً" in another): casualty tolls, the displaced, the detained, troops.
///
/// - A story is the set of articles `StoryDetector` groups (the same situation across outlets and days).
/// - What is counted (the measure) comes from the unit noun ("قتيلاً") or, for a generic one ("شخص"، "مدني"),
///   from the nearest predicate word around the number ("فرّ"، "مقتل"), as listed in `resolve/measures.tsv`.
/// - Each article gives its first count of a measure (its headline figure; later ones are often history).
///   Articles of one story whose figures differ by no more than a factor of three disagree; further apart,
///   they count different things.
struct MeasureDiscrepancies {
    let lexicon: PhraseLexicon

    static let shared = MeasureDiscrepancies(lexicon: PhraseLexicon.resource("resolve/measures.tsv"))

    /// Farther than this many tokens from the number, a predicate word says something else.
    static let reachBefore = 6, reachAfter = 4
    static let maxRatio = 3.0

    /// `storyOf`: each document's story number (index into `documents`, from `StoryDetector`).
    func find(_ analysis: Analysis, documents: [ArticleRecord], storyOf: [Int]) -> [Analysis.Discrepancy] {
        // story → measure → doc → (value, quantity)
        var figures: [Int: [String: [String: (Double, Quantity)]]] = [:]
        for (i, doc) in documents.enumerated() where doc.parent == nil {
            let s = storyOf[i]
            for (q, measure) in zip(doc.quantities, doc.measures) where !q.isDuration {
                guard let value = q.value ?? q.max, value >= 2, let measure else { continue }
                if figures[s]?[measure]?[doc.id] != nil { continue }
                figures[s, default: [:]][measure, default: [:]][doc.id] = (value, q)
            }
        }
        let published = Dictionary(documents.map { ($0.id, $0.published) }, uniquingKeysWith: { a, _ in a })
        var out: [Analysis.Discrepancy] = []
        for s in figures.keys.sorted() {
            for (measure, allDocs) in figures[s]!.sorted(by: { $0.key < $1.key }) {
              for byDoc in clusters(allDocs) {
                let values = byDoc.values.map(\.0)
                guard byDoc.count >= 2, Set(values).count >= 2 else { continue }
                let entries = byDoc.map { doc, figure in
                    Analysis.DiscrepancyValue(value: figure.0, text: figure.1.text, doc: doc, date: published[doc]??.iso)
                }.sorted { ($0.date ?? "", $0.doc) < ($1.date ?? "", $1.doc) }
                let unit = entries.first.flatMap { e in byDoc[e.doc]?.1.unit }
                out.append(Analysis.Discrepancy(about: "\(measure): \(unit ?? "")", kind: kind(entries, measure: measure),
                                                event: nil, unit: unit, values: entries, story: StoryRecords.id(s)))
              }
            }
        }
        return out
    }

    /// The articles' figures split where one is more than `maxRatio` times the next smaller one: 700,000
    /// displaced in the whole country and 12,000 fled from one town are counts of different things.
    func clusters(_ byDoc: [String: (Double, Quantity)]) -> [[String: (Double, Quantity)]] {
        var out: [[String: (Double, Quantity)]] = []
        var current: [String: (Double, Quantity)] = [:]
        var last: Double?
        for (doc, figure) in byDoc.sorted(by: { ($0.value.0, $0.key) < ($1.value.0, $1.key) }) {
            if let last, figure.0 / last > Self.maxRatio { out.append(current); current = [:] }
            current[doc] = figure
            last = figure.0
        }
        if !current.isEmpty { out.append(current) }
        return out
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

    /// What a count of people measures, or nil when it counts something else (money, days, ships). Worked out
    /// while the article's tokens exist (`ArticleRecord.measures`).
    func measure(of q: Quantity, in doc: Document) -> String? {
        if let word = q.text.split(separator: " ").first, lexicon.values(word: ArabicNormalizer.shared.key(String(word)))?.last == "vague" {
            return nil
        }
        guard let unit = q.unit, let unitWord = unit.split(separator: " ").first,
              let entry = lexicon.values(word: ArabicNormalizer.shared.key(String(unitWord))), entry.count >= 2 else { return nil }
        if entry[1] == "unit" { return entry[0] }
        guard entry[1] == "generic" else { return nil }
        // The nearest predicate word in the sentence, before the number or just after its unit.
        let first = doc.firstToken(endingAfter: q.start)
        guard let sentence = doc.sentences.first(where: { $0.contains(first) }) else { return nil }
        let last = min(doc.firstToken(startingAtOrAfter: q.end), sentence.upperBound)
        var best: (distance: Int, measure: String)?
        let lo = max(sentence.lowerBound, first - Self.reachBefore), hi = min(sentence.upperBound, last + Self.reachAfter)
        for t in lo..<hi where doc.tokens[t].isWord && (t < first || t >= last) {
            guard let v = lexicon.values(word: doc.tokens[t].norm), v.count >= 2, v[1] == "predicate" else { continue }
            let distance = t < first ? first - t : t - last + 1
            if best == nil || distance < best!.distance { best = (distance, v[0]) }
        }
        return best?.measure
    }
}
