/// Two analyses of the same articles compared by content, not by ids (an entity or event numbered in another
/// order is the same): for a collection grown by appended articles against a full resolve (`IncrementalCollection`,
/// its test and `rasd bench --add-one`).
package enum AnalysisComparison {
    /// Entities by what they are, not their ids: label, type, knowledge-base id, mentions.
    package static func entities(_ a: Analysis) -> Set<String> {
        Set(a.entities.map { e in
            "\(e.type)|\(e.label)|\(e.kb ?? "")|" + e.mentions.map { "\($0.doc)@\($0.start)" }.sorted().joined(separator: ",")
        })
    }

    package static func entityKey(_ a: Analysis) -> [String: String] {
        Dictionary(a.entities.map { ($0.id, $0.kb ?? "\($0.type)|\($0.label)") }, uniquingKeysWith: { x, _ in x })
    }

    package static func events(_ a: Analysis) -> Set<String> {
        let key = entityKey(a)
        return Set(a.events.map { e in
            [e.type, e.date ?? "", e.modality, e.sources.joined(separator: ","),
             e.participants.map { "\(key[$0.entity] ?? $0.entity)/\($0.role)" }.sorted().joined(separator: ","),
             e.place.map { key[$0] ?? $0 } ?? "", e.mentions.map { "\($0.doc)@\($0.start)" }.joined(separator: ",")]
                .joined(separator: "|")
        })
    }

    package static func timeline(_ a: Analysis) -> [String] {
        let byID = Dictionary(a.events.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        return a.timeline.map { "\($0.date ?? "")|\($0.summary)|" + (byID[$0.event]?.mentions.map { "\($0.doc)@\($0.start)" }.joined(separator: ",") ?? "") }
            .sorted()
    }

    /// Pairs of documents both analyses put in one story, over pairs together in either (1 when neither groups
    /// any): counted from the stories' sizes, so it costs the documents, not their pairs.
    package static func storyAgreement(_ a: Analysis, _ b: Analysis) -> Double {
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        var inA: [String: Int] = [:], inB: [String: Int] = [:], inBoth: [String: Int] = [:]
        for (x, y) in zip(a.documents, b.documents) {
            let sa = x.story ?? "-" + x.id, sb = y.story ?? "-" + y.id
            inA[sa, default: 0] += 1
            inB[sb, default: 0] += 1
            inBoth[sa + "|" + sb, default: 0] += 1
        }
        let both = inBoth.values.reduce(0) { $0 + pairs($1) }
        let either = inA.values.reduce(0) { $0 + pairs($1) } + inB.values.reduce(0) { $0 + pairs($1) } - both
        return either == 0 ? 1 : Double(both) / Double(either)
    }
}
