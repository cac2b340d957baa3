/// A lexicon of words and phrases (from a resource file) matched over tokens, proclitics allowed on the first word.
public struct PhraseLexicon: Sendable {
    /// normalized phrase → the row's other fields
    public private(set) var entries: [String: [String]] = [:]
    /// Every row of a phrase listed more than once, in file order (`entries` holds the first).
    public private(set) var allEntries: [String: [[String]]] = [:]
    public private(set) var maxTokens = 1
    /// `TokenKey`s of the entries' first words and of the whole entries: most tokens begin no phrase, and a hash
    /// test rejects them before any key String is built or hashed (slow for Arabic text).
    private var firstWords = Set<UInt64>()
    private var wholeKeys = Set<UInt64>()

    public init(rows: [[String]], keyColumn: Int = 0) {
        for row in rows where row.count > keyColumn {
            let key = ArabicNormalizer.shared.key(row[keyColumn])
            guard !key.isEmpty else { continue }
            var values = row
            values.remove(at: keyColumn)
            if entries[key] == nil { entries[key] = values }
            allEntries[key, default: []].append(values)
            firstWords.insert(TokenKey.of(String(key.prefix { $0 != " " })))
            wholeKeys.insert(TokenKey.of(key))
            maxTokens = max(maxTokens, key.split(separator: " ").count)
        }
    }

    /// Loads a resource once; a missing file gives an empty lexicon here and an error from
    /// `ResourceStore.checkLoaded()` (which `Analyzer.init` calls).
    public static func resource(_ path: String, keyColumn: Int = 0) -> PhraseLexicon {
        let key = "\(keyColumn):\(path)"
        if let loaded = loaded.withLock({ $0[key] }) { return loaded }
        let lexicon = PhraseLexicon(rows: (try? ResourceStore.rows(path)) ?? [], keyColumn: keyColumn)
        loaded.withLock { $0[key] = lexicon }
        return lexicon
    }

    /// Each file is read and indexed once, however many stages use it (speech verbs, titles, not-names).
    private static let loaded = Locked<[String: PhraseLexicon]>([:])

    public struct Match: Sendable, Equatable {
        public var tokens: Range<Int>
        /// Normalized scalars of proclitic before the phrase in its first token.
        public var prefix: Int
        public var key: String
        public var values: [String]
    }

    /// The longest phrase starting at token `i` (within `limit`), if any.
    public func match(_ tokens: [Token], at i: Int, limit: Int? = nil, allowClitics: Bool = true) -> Match? {
        let end = min(limit ?? tokens.count, tokens.count)
        guard i < end, tokens[i].isWord else { return nil }
        let readings = allowClitics ? Proclitics.candidates(tokens[i].norm) : [(0, tokens[i].norm)]
        let candidates = readings.filter { firstWords.contains(TokenKey.of($0.1)) }
        if candidates.isEmpty { return nil }
        var len = min(maxTokens, end - i)
        while len >= 1 {
            let rest = tokens[(i + 1)..<(i + len)]
            if !rest.contains(where: { !$0.isWord }) {
                let tail = rest.map(\.norm).joined(separator: " ")
                for (prefix, stem) in candidates {
                    let key = tail.isEmpty ? stem : stem + " " + tail
                    if let values = entries[key] {
                        return Match(tokens: i..<(i + len), prefix: prefix, key: key, values: values)
                    }
                }
            }
            len -= 1
        }
        return nil
    }

    /// True when the single word (proclitics allowed) is in the lexicon.
    public func contains(word norm: String) -> Bool {
        Proclitics.candidates(norm).contains { wholeKeys.contains(TokenKey.of($0.stem)) && entries[$0.stem] != nil }
    }

    public func values(word norm: String) -> [String]? {
        for c in Proclitics.candidates(norm) where wholeKeys.contains(TokenKey.of(c.stem)) {
            if let v = entries[c.stem] { return v }
        }
        return nil
    }
}
