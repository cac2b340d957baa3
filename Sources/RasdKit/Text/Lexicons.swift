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

/// A typed table of phrases for the text stages (months, relative dates, qualifiers): the first word may carry
/// proclitics, whose surface forms are indexed when the table is built; the other words must match exactly.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Match: Sendable { let end: Int; let value: Value; let prefix: String }
    private var index = PhraseIndex<(prefix: String, value: Value)>()

    init(_ phrases: [(String, Value)], article: Bool = false, clitics: Bool = true) {
        for (phrase, value) in phrases {
            let words = TextResources.words(phrase)
            guard let first = words.first else { continue }
            let forms = clitics ? Clitics.surfaceForms(of: first, article: article) : [(first, "")]
            for (surface, prefix) in forms { index.insert(first: surface, rest: Array(words.dropFirst()), value: (prefix, value)) }
        }
    }

    /// The longest phrase starting at token `i`; `end` is the index after its last token.
    func match(_ tokens: [Token], at i: Int) -> Match? {
        guard i < tokens.count,
              let entry = index.longest(first: tokens[i].norm, key: tokens[i].key, tokens: tokens, after: i, end: tokens.count)
        else { return nil }
        return Match(end: i + 1 + entry.rest.count, value: entry.value.value, prefix: entry.value.prefix)
    }

    /// True when some phrase starts with this surface form.
    func startsPhrase(_ key: UInt64) -> Bool { index.mayStart(key) }
}
