/// Where sources give different values for the same measured thing: the amounts attached to one event with the
/// same unit (troops sent, workers hired), each value with its source and date. Reports far apart in time that
/// move one way are an `update`; otherwise a `conflict`.
enum Discrepancies {
    /// `storyOf`: each document's story number (index into `documents`); values of one event are compared
    /// within one story only.
    /// `quantities`: the analysis's quantities, in order (those in a spill included).
    static func find(_ quantities: [Analysis.QuantityEntry], _ analysis: Analysis, documents: [ArticleRecord],
                     storyOf: [Int]) -> [Analysis.Discrepancy] {
        let published = Dictionary(documents.map { ($0.id, $0.published) }, uniquingKeysWith: { a, _ in a })
        var story: [String: Int] = [:]
        for (i, d) in documents.enumerated() where story[d.id] == nil { story[d.id] = storyOf[i] }
        var groups: [String: [Analysis.QuantityEntry]] = [:]
        var order: [String] = []
        for q in quantities {
            guard let event = q.event, let unit = q.unit, (q.value ?? q.max) != nil else { continue }
            let key = event + "|" + unitKey(unit) + "|" + String(story[q.doc] ?? -1)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(q)
        }
        var out: [Analysis.Discrepancy] = []
        for key in order {
            let group = groups[key]!
            let values = Set(group.compactMap { $0.value ?? $0.max })
            let docs = Set(group.map(\.doc))
            guard values.count >= 2, docs.count >= 2 else { continue }
            let event = analysis.events.first { $0.id == key.split(separator: "|").first.map(String.init) }
            let entries = group.map { q in
                Analysis.DiscrepancyValue(value: q.value ?? q.max ?? 0, text: q.text, doc: q.doc, date: published[q.doc]??.iso)
            }.sorted { ($0.date ?? "", $0.doc) < ($1.date ?? "", $1.doc) }
            let about = "\(event?.type ?? "event") \(event?.id ?? ""): \(group[0].unit ?? "")"
            out.append(Analysis.Discrepancy(about: about, kind: kind(entries), event: event?.id, unit: group[0].unit, values: entries,
                                            story: story[group[0].doc].map { StoryRecords.id($0) }))
        }
        return out
    }

    /// An update when the reports are more than a week apart and the values only grow (or only shrink) with time.
    static func kind(_ values: [Analysis.DiscrepancyValue]) -> String {
        let dated = values.compactMap { v in v.date.flatMap(PartialDate.init(iso:)).map { ($0, v.value) } }.sorted { $0.0 < $1.0 }
        guard dated.count == values.count, let first = dated.first, let last = dated.last,
              last.0.dayNumber - first.0.dayNumber > 7 else { return "conflict" }
        let rising = zip(dated, dated.dropFirst()).allSatisfy { $0.1 <= $1.1 }
        let falling = zip(dated, dated.dropFirst()).allSatisfy { $0.1 >= $1.1 }
        return rising || falling ? "update" : "conflict"
    }

    /// A unit noun's key: normalized, without the article and the common case and number endings
    /// (جندي / جنديا / الجنود share "جند").
    static func unitKey(_ unit: String) -> String {
        var key = KBKeys.variantKey(ArabicNormalizer.shared.key(unit))
        if let first = key.split(separator: " ").first { key = String(first) }
        for suffix in ["يين", "يون", "ين", "ون", "ات", "يا", "ي", "ا"] where key.hasSuffix(suffix) && key.count - suffix.count >= 3 {
            key = String(key.dropLast(suffix.count))
            break
        }
        if key.count == 4, Array(key)[2] == "و" { key.remove(at: key.index(key.startIndex, offsetBy: 2)) }   // جنود → جند
        return key
    }
}
