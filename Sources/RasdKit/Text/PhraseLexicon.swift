/// A lexicon of words and phrases (from a resource file) matched over tokens, proclitics allowed on the first word.
package struct PhraseLexicon: Sendable {
    /// normalized phrase → the row's other fields
    package private(set) var entries: [String: [String]] = [:]
    /// Every row of a phrase listed more than once, in file order (`entries` holds the first).
    package private(set) var allEntries: [String: [[String]]] = [:]
    package var maxTokens: Int { max(1, index.maxWords) }
    /// The phrases, by their first word (see `PhraseIndex`); each entry's value is its key and its row.
    private var index = PhraseIndex<(key: String, values: [String])>()
    /// `TokenKey`s of the whole entries, to reject most single words with one hash test.
    private var wholeKeys = Set<UInt64>()

    package init(rows: [[String]], keyColumn: Int = 0) {
        for row in rows where row.count > keyColumn {
            let key = ArabicNormalizer.shared.key(row[keyColumn])
            guard !key.isEmpty else { continue }
            var values = row
            values.remove(at: keyColumn)
            if entries[key] == nil {
                entries[key] = values
                let words = key.split(separator: " ").map(String.init)
                index.insert(first: words[0], rest: Array(words.dropFirst()), value: (key, values))
                wholeKeys.insert(TokenKey.of(key))
            }
            allEntries[key, default: []].append(values)
        }
    }

    /// Loads a resource once; a missing file gives an empty lexicon here and an error from
    /// `ResourceStore.checkLoaded()` (which `Analyzer.init` calls).
    package static func resource(_ path: String, keyColumn: Int = 0) -> PhraseLexicon {
        let key = "\(keyColumn):\(path)"
        if let loaded = loaded.withLock({ $0[key] }) { return loaded }
        let lexicon = PhraseLexicon(rows: (try? ResourceStore.rows(path)) ?? [], keyColumn: keyColumn)
        loaded.withLock { $0[key] = lexicon }
        return lexicon
    }

    /// Each file is read and indexed once, however many stages use it (speech verbs, titles, not-names).
    private static let loaded = Locked<[String: PhraseLexicon]>([:])

    package struct Match: Sendable, Equatable {
        package var tokens: Range<Int>
        /// Normalized scalars of proclitic before the phrase in its first token.
        package var prefix: Int
        package var key: String
        package var values: [String]
    }

    /// The longest phrase starting at token `i` (within `limit`), if any; among readings of the first word
    /// (the word itself, then with its proclitics stripped) the first wins a tie.
    package func match(_ tokens: [Token], at i: Int, limit: Int? = nil, allowClitics: Bool = true) -> Match? {
        let end = min(limit ?? tokens.count, tokens.count)
        guard i < end, tokens[i].isWord else { return nil }
        var best: (entry: PhraseIndex<(key: String, values: [String])>.Entry, prefix: Int)?
        func consider(_ prefix: Int, _ stem: String, _ key: UInt64) {
            guard let entry = index.longest(first: stem, key: key, tokens: tokens, after: i, end: end, wordsOnly: true),
                  entry.rest.count > (best?.entry.rest.count ?? -1) else { return }
            best = (entry, prefix)
        }
        // The word as written first; then its readings with proclitics stripped, spelled out only when their
        // hash begins a phrase.
        let word = tokens[i].norm
        consider(0, word, tokens[i].key)
        if allowClitics {
            for reading in tokens[i].clitics where index.mayStart(reading.key) {
                consider(reading.prefix, reading.stem(of: word), reading.key)
            }
        }
        guard let best else { return nil }
        return Match(tokens: i..<(i + 1 + best.entry.rest.count), prefix: best.prefix, key: best.entry.value.key,
                     values: best.entry.value.values)
    }

    /// False when no entry's whole key has this `TokenKey` hash: most words are rejected without a String.
    package func mayHold(key: UInt64) -> Bool { wholeKeys.contains(key) }

    /// True when the single word (proclitics allowed) is in the lexicon.
    package func contains(word norm: String) -> Bool { values(word: norm) != nil }

    /// True when the token's word (proclitics allowed) is in the lexicon.
    package func contains(token: Token) -> Bool { values(token: token) != nil }

    /// `values(word:)` of a token, through the readings it carries.
    package func values(token: Token) -> [String]? {
        if wholeKeys.contains(token.key), let v = entries[token.norm] { return v }
        for reading in token.clitics where wholeKeys.contains(reading.key) {
            if let v = entries[reading.stem(of: token.norm)] { return v }
        }
        return nil
    }

    /// The row of the single word (proclitics allowed): readings are tested by hash, and spelled out only on a hit.
    package func values(word norm: String) -> [String]? {
        for reading in Proclitics.readings(norm, key: TokenKey.of(norm)) where wholeKeys.contains(reading.key) {
            if let v = entries[reading.stem(of: norm)] { return v }
        }
        return nil
    }
}
