/// Class/id hints for content scoring, read from `Resources/ingest/html_hints.tsv`.
package struct HTMLHints: Sendable {
    package struct Hint: Sendable {
        package var word: String
        package var weight: Double
        package var drops: Bool
        /// Hints of 4+ letters match inside a word, shorter ones only as a whole token.
        var matchesInside: Bool { word.unicodeScalars.count >= 4 }
    }

    package var hints: [Hint]
    package static let shared = HTMLHints()

    package init(hints: [Hint]? = nil) {
        if let hints { self.hints = hints; return }
        let rows = (try? ResourceStore.rows("ingest/html_hints.tsv")) ?? []
        self.hints = rows.compactMap { row in
            guard row.count >= 2, let weight = Double(row[1]) else { return nil }
            return Hint(word: row[0].lowercased(), weight: weight, drops: row.count > 2 && row[2] == "1")
        }
    }

    /// The summed weight of the hints in a class/id string, and whether it names boilerplate to drop
    /// (a dropping hint and a negative total).
    package func judge(_ classAndID: String) -> (weight: Double, drop: Bool) {
        if classAndID.isEmpty { return (0, false) }
        let lower = Array(classAndID.lowercased().utf8)
        // Tokens: runs of ASCII letters/digits or non-ASCII bytes (class names are mostly ASCII).
        var tokens = Set<ArraySlice<UInt8>>()
        var start = 0
        for i in 0...lower.count {
            let isWordByte = i < lower.count && (lower[i] >= 0x80 || (lower[i] >= 0x30 && lower[i] <= 0x39) || (lower[i] >= 0x61 && lower[i] <= 0x7A))
            if !isWordByte { if i > start { tokens.insert(lower[start..<i]) }; start = i + 1 }
        }
        var weight = 0.0
        var dropping = false
        for hint in hints {
            let word = Array(hint.word.utf8)
            let hit = hint.matchesInside ? HTMLHints.contains(lower, word) : tokens.contains(word[...])
            guard hit else { continue }
            weight += hint.weight
            if hint.drops { dropping = true }
        }
        return (weight, dropping && weight < 0)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        for i in 0...(haystack.count - needle.count) where haystack[i] == first {
            var j = 1
            while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
        }
        return false
    }
}
