/// The one phrase matcher under every lexicon of phrases (`PhraseLexicon` for the resource files read by the
/// extract stages, `PhraseTable` for the text stages' typed tables): phrases of normalized words indexed by the
/// hash of their first word, so that one hash test rejects most tokens and no String is built while matching;
/// each entry keeps its other words' hashes, and the longest phrase wins.
///
/// How a first word may carry proclitics is the caller's choice: `PhraseTable` indexes the first word's surface
/// forms when it is built; `PhraseLexicon` strips the token's proclitics when it matches and asks for each
/// reading.
struct PhraseIndex<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        /// The first word as indexed (a surface form, or the normalized word) and the other normalized words:
        /// compared as Strings only on a hash hit, so a hash collision never makes a match.
        let first: String
        let rest: [String]
        let restKeys: [UInt64]
        let value: Value
    }

    /// First-word hash → entries, longest first (entries of one length in insertion order).
    private var byFirst: [UInt64: [Entry]] = [:]
    private var filter = KeyFilter()
    /// The most words in one phrase.
    private(set) var maxWords = 0

    init() {}

    mutating func insert(first: String, rest: [String], value: Value) {
        let key = TokenKey.of(first)
        let entry = Entry(first: first, rest: rest, restKeys: rest.map(TokenKey.of), value: value)
        var list = byFirst[key] ?? []
        // After every entry at least as long: longest first, file order among equals.
        let at = list.firstIndex { $0.rest.count < rest.count } ?? list.count
        list.insert(entry, at: at)
        byFirst[key] = list
        filter.insert(key)
        maxWords = max(maxWords, rest.count + 1)
    }

    /// True when some phrase starts with the word of this hash.
    @inline(__always) func mayStart(_ key: UInt64) -> Bool { filter.mayContain(key) && byFirst[key] != nil }

    /// The longest phrase whose first word is `first` (hash `key`) and whose other words are the tokens right
    /// after `i`, ending before `end`. With `wordsOnly`, the other tokens must be words.
    func longest(first: String?, key: UInt64, tokens: [Token], after i: Int, end: Int, wordsOnly: Bool = false) -> Entry? {
        guard filter.mayContain(key), let entries = byFirst[key] else { return nil }
        outer: for entry in entries {
            let last = i + entry.rest.count
            guard last < end else { continue }
            for (k, restKey) in entry.restKeys.enumerated() {
                let token = tokens[i + 1 + k]
                if token.key != restKey || (wordsOnly && !token.isWord) { continue outer }
            }
            if let first, entry.first != first { continue }
            for (k, word) in entry.rest.enumerated() where tokens[i + 1 + k].norm != word { continue outer }
            return entry
        }
        return nil
    }
}
