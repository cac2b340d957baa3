/// Event triggers by lemma (`Resources/events/trigger_lemmas.tsv`), matched through `Morphology`: one row
/// covers every inflected form of its word and its clitics.
package struct TriggerLemmas: Sendable {
    package static let shared = TriggerLemmas()

    package let lexicon: MorphLexicon
    /// Per lexicon entry, its rows as triggers.tsv's values: type, pos, requires, role.
    let rows: [[[String]]]

    init() {
        var items: [(lemma: String, pos: Morphology.POS, stems: [String])] = []
        var rows: [[[String]]] = []
        var index: [String: Int] = [:]
        for row in (try? ResourceStore.rows("events/trigger_lemmas.tsv")) ?? [] where row.count >= 3 {
            guard let pos = Morphology.POS(rawValue: row[2]) else { continue }
            let key = ArabicNormalizer.shared.key(row[0]) + "\t" + row[2]
            let values = Array(row[1..<min(row.count, 5)])
            if let i = index[key] { rows[i].append(values); continue }
            index[key] = rows.count
            let stems = row.count > 5 ? row[5].split(separator: "|").map(String.init) : []
            items.append((row[0], pos, stems))
            rows.append([values])
        }
        lexicon = MorphLexicon(items)
        self.rows = rows
    }

    package struct Hit: Sendable {
        package var reading: Morphology.Reading
        package var lemma: String
        package var rows: [[String]]
    }

    /// The trigger readings of a normalized word, most likely first; `taMarbuta` as in `Morphology.analyze`.
    package func hits(_ word: String, taMarbuta: Bool = false) -> [Hit] {
        Morphology.shared.analyze(word, lexicon: lexicon, taMarbuta: taMarbuta).map { r in
            Hit(reading: r, lemma: lexicon.entries[r.entry].lemma, rows: rows[r.entry])
        }
    }
}
