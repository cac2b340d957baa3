/// The boilerplate phrase list (`Resources/clean/boilerplate.tsv`), keyed by normalized phrase.
package struct BoilerplatePhrases: Sendable {
    package enum Rule: String, Sendable {
        case line, prefix, readAlso = "read_also", end, credit, section, contains
        /// Inside a line: the phrase and the rest of its line go; a wire marker with a time stamp after it goes.
        case tail, marker
        /// The last word of a byline with one dash ("OUTLET- متابعة:"): a desk or service, not a place.
        case lead
    }

    var exact: [String: Rule] = [:]
    var prefixes: [(key: String, rule: Rule)] = []
    var inside: [String] = []
    /// Inline phrases (`tail`, `marker`) as normalized scalars without white space, for `InlineBoilerplate`.
    var inline: [(scalars: [Unicode.Scalar], rule: Rule)] = []
    /// `lead` words, by key.
    var leadWords: Set<String> = []

    package static let bundled: BoilerplatePhrases = {
        (try? BoilerplatePhrases(rows: ResourceStore.rows("clean/boilerplate.tsv"))) ?? BoilerplatePhrases(rows: [])
    }()

    package init(rows: [[String]]) {
        for row in rows where row.count >= 2 {
            guard let rule = Rule(rawValue: row[0]) else { continue }
            let key = BoilerplatePhrases.lineKey(row[1])
            guard !key.isEmpty else { continue }
            switch rule {
            case .prefix, .credit: prefixes.append((key, rule))
            case .contains: inside.append(key)
            case .lead: leadWords.insert(key)
            case .tail, .marker:
                let scalars = ArabicNormalizer.shared.normalize(ScalarText(row[1])).scalars.filter { !$0.isWhitespaceFast }
                if !scalars.isEmpty { inline.append((scalars, rule)) }
            default: exact[key] = rule
            }
        }
        // Longest prefixes first, so "طباعة شارك" wins over a shorter one.
        prefixes.sort { $0.key.count > $1.key.count }
    }

    static func utf8(_ haystack: String, contains needle: String) -> Bool {
        let h = Array(haystack.utf8), n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= h.count else { return n.isEmpty }
        for start in 0...(h.count - n.count) where h[start] == n[0] {
            if h[start..<(start + n.count)].elementsEqual(n) { return true }
        }
        return false
    }

    /// A line's matching key: normalized, with bullets, quotes and punctuation trimmed at both ends.
    package static func lineKey(_ line: String) -> String {
        let key = ArabicNormalizer.shared.key(line)
        let scalars = Array(key.unicodeScalars)
        var lo = 0, hi = scalars.count
        func isTrim(_ s: Unicode.Scalar) -> Bool {
            !(Tokenizer.isArabicLetter(s.value) || Tokenizer.isDigit(s.value) || Tokenizer.isLatinLetter(s))
        }
        while lo < hi, isTrim(scalars[lo]) { lo += 1 }
        while hi > lo, isTrim(scalars[hi - 1]) { hi -= 1 }
        return String(unicodeScalars: scalars[lo..<hi])
    }

    /// The rule a whole line matches, if any: exact phrases first, then prefixes (a prefix must end at a word
    /// boundary). A read-also marker followed by ":" and a headline on the same line counts as the marker.
    package func rule(forLineKey key: String) -> Rule? {
        if let rule = exact[key] { return rule }
        for (prefix, rule) in prefixes where key.hasPrefix(prefix) {
            let rest = key.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
            if let next = rest.first, Tokenizer.isArabicLetter(next.value) { continue }
            return rule
        }
        for (phrase, rule) in exact where rule == .readAlso && key.hasPrefix(phrase + ":") {
            return rule
        }
        // Only short lines can be such notices; the search is on UTF-8 bytes (Foundation's `contains` folds
        // characters and cost 4 % of a whole analysis).
        if !inside.isEmpty, key.utf8.count <= 400, inside.contains(where: { Self.utf8(key, contains: $0) }) { return .contains }
        return nil
    }
}
