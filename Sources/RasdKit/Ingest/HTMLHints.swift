/// Class/id hints for content scoring, read from `Resources/ingest/html_hints.tsv`.
public struct HTMLHints: Sendable {
    public struct Hint: Sendable {
        public var word: String
        public var weight: Double
        public var drops: Bool
    }

    public var hints: [Hint]
    public static let shared = HTMLHints()

    public init(hints: [Hint]? = nil) {
        if let hints { self.hints = hints; return }
        let rows = (try? ResourceStore.rows("ingest/html_hints.tsv")) ?? []
        self.hints = rows.compactMap { row in
            guard row.count >= 2, let weight = Double(row[1]) else { return nil }
            return Hint(word: row[0].lowercased(), weight: weight, drops: row.count > 2 && row[2] == "1")
        }
    }

    /// The summed weight of the hints in a class/id string, and whether it names boilerplate to drop
    /// (a dropping hint and a negative total).
    public func judge(_ classAndID: String) -> (weight: Double, drop: Bool) {
        if classAndID.isEmpty { return (0, false) }
        let lower = classAndID.lowercased()
        let tokens = Set(lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
        var weight = 0.0
        var dropping = false
        for hint in hints {
            let hit = hint.word.count >= 4 ? lower.contains(hint.word) : tokens.contains(hint.word)
            guard hit else { continue }
            weight += hint.weight
            if hint.drops { dropping = true }
        }
        return (weight, dropping && weight < 0)
    }
}
