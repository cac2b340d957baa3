/// Loading helpers for the TSV lexicons under `Resources/text/`.
enum TextResources {
    /// Rows of a text resource; a missing file yields no rows here and an error from
    /// `ResourceStore.checkLoaded()` (called by `Analyzer.init` and `rasd extract`).
    static func rows(_ file: String) -> [[String]] {
        (try? ResourceStore.rows("text/" + file)) ?? []
    }

    /// Normalized words of a multi-word phrase.
    static func words(_ phrase: String) -> [String] {
        ArabicNormalizer.shared.key(phrase).split(separator: " ").map(String.init)
    }
}

/// Multi-word phrases matched over tokens: the first word may carry proclitics, the others must match exactly.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Entry: Sendable { let rest: [UInt64]; let value: Value }
    struct Match: Sendable { let end: Int; let value: Value; let prefix: String }
    private var byFirst: [UInt64: [(prefix: String, entry: Entry)]] = [:]
    private var filter = KeyFilter()

    init(_ phrases: [(String, Value)], article: Bool = false, clitics: Bool = true) {
        for (phrase, value) in phrases {
            let words = TextResources.words(phrase)
            guard let first = words.first else { continue }
            let entry = Entry(rest: words.dropFirst().map(TokenKey.of), value: value)
            let forms = clitics ? Clitics.surfaceForms(of: first, article: article) : [(first, "")]
            for (surface, prefix) in forms { byFirst[TokenKey.of(surface), default: []].append((prefix, entry)) }
        }
        // Longest phrases first, so the first match found is the longest.
        for (k, v) in byFirst { byFirst[k] = v.sorted { $0.entry.rest.count > $1.entry.rest.count }; filter.insert(k) }
    }

    /// The longest phrase starting at token `i`; `end` is the index after its last token.
    func match(_ tokens: [Token], at i: Int) -> Match? {
        guard i < tokens.count, filter.mayContain(tokens[i].key), let candidates = byFirst[tokens[i].key] else { return nil }
        outer: for (prefix, entry) in candidates {
            guard i + entry.rest.count < tokens.count else { continue }
            for (k, w) in entry.rest.enumerated() where tokens[i + 1 + k].key != w { continue outer }
            return Match(end: i + 1 + entry.rest.count, value: entry.value, prefix: prefix)
        }
        return nil
    }

    /// True when some phrase starts with this surface form.
    func startsPhrase(_ key: UInt64) -> Bool { filter.mayContain(key) && byFirst[key] != nil }
}

