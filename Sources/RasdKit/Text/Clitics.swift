/// Proclitics of Arabic words (و ف ب ل ك and the article ال, alone or combined: وال، بال، فال، كال، لل، ولل ...),
/// added to lexicon entries so that a token matches with one hash look-up (`CliticLexicon`). The analysis of a
/// word goes the other way, through `Morphology`. Works on normalized text (see `ArabicNormalizer`).
package enum Clitics {
    /// Prefixes without the article, longest first.
    static let plain: [String] = ["وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك"]
    /// Prefixes that end with the article, longest first; "لل" is ل + ال with the alef dropped.
    static let withArticle: [String] = ["وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"]

    /// The surface forms a lexicon entry can take with proclitics attached, each with its prefix.
    /// An entry that starts with the article takes ل as لل; `article` adds ال (and its combinations) to entries
    /// written without it.
    static func surfaceForms(of key: String, article: Bool) -> [(surface: String, prefix: String)] {
        var out: [(surface: String, prefix: String)] = [(key, "")]
        if key.hasPrefix("ال") {
            let rest = String(key.unicodeScalars.dropFirst(2))
            for p in plain {
                if p.hasSuffix("ل") { out.append((String(p.unicodeScalars.dropLast()) + "لل" + rest, p)) }
                else { out.append((p + key, p)) }
            }
        } else {
            for p in plain { out.append((p + key, p)) }
            if article { for p in withArticle { out.append((p + key, p)) } }
        }
        return out
    }
}

/// A dictionary from normalized surface forms (clitics included) to lexicon values, so that matching a token is
/// one hash lookup however the word is prefixed.
struct CliticLexicon<Value: Sendable>: Sendable {
    struct Hit: Sendable { let value: Value; let prefix: String }
    private(set) var table: [UInt64: Hit] = [:]
    private var filter = KeyFilter()

    /// `entries` are (written form, value); forms are normalized here. The first entry for a surface form wins,
    /// and a form without clitics always beats a prefixed reading of another entry.
    /// `kaf`: also accept ك ("like") as a proclitic; number words leave it out, since "كميات" is not ك + مئات.
    init(_ entries: [(String, Value)], article: Bool = false, clitics: Bool = true, kaf: Bool = true) {
        let normalizer = ArabicNormalizer.shared
        for (form, value) in entries {
            let key = normalizer.key(form)
            guard !key.isEmpty else { continue }
            let k = TokenKey.of(key)
            if let old = table[k], old.prefix.isEmpty { continue }
            table[k] = Hit(value: value, prefix: "")
        }
        defer { for k in table.keys { filter.insert(k) } }
        guard clitics else { return }
        for (form, value) in entries {
            let key = normalizer.key(form)
            for (surface, prefix) in Clitics.surfaceForms(of: key, article: article) where !prefix.isEmpty {
                if !kaf && prefix.contains("ك") { continue }
                let k = TokenKey.of(surface)
                if table[k] == nil { table[k] = Hit(value: value, prefix: prefix) }
            }
        }
    }

    @inline(__always) subscript(_ key: UInt64) -> Hit? { filter.mayContain(key) ? table[key] : nil }
    @inline(__always) subscript(_ token: Token) -> Hit? { self[token.key] }
    subscript(_ norm: String) -> Hit? { table[TokenKey.of(norm)] }
}

/// A 65,536-bit set of key fingerprints in front of a dictionary: most tokens are in no lexicon, and one bit test
/// rejects them without hashing.
struct KeyFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    mutating func insert(_ key: UInt64) {
        let b = Int(truncatingIfNeeded: (key >> 20) & 0xFFFF)
        bits[b >> 6] |= 1 << UInt64(b & 63)
    }
    @inline(__always) func mayContain(_ key: UInt64) -> Bool {
        let b = Int(truncatingIfNeeded: (key >> 20) & 0xFFFF)
        return bits.withUnsafeBufferPointer { $0[b >> 6] & (1 << UInt64(b & 63)) != 0 }
    }
}
