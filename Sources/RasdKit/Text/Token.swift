/// One token of a text: its span in the original text (scalar offsets, end exclusive) and its normalized form.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case arabic      // a run of Arabic letters
        case latin       // a run of other letters
        case number      // digits, with internal decimal point or thousands separators
        case punct       // one punctuation or symbol scalar
    }

    public var start: Int
    public var end: Int
    public var norm: String
    public var kind: Kind
    /// A 64-bit hash of `norm` (FNV-1a over its scalars): lexicons are keyed by it, because hashing and comparing
    /// non-ASCII Swift strings goes through Unicode normalization and is slow on the hot path.
    public var key: UInt64
    /// The word's readings with a proclitic stripped (`Proclitics.readings` after the word itself), worked out once
    /// here: every lexicon tests them, many times a token. Empty for most words (no proclitic letter first).
    package var clitics: [Proclitics.Reading]

    public init(start: Int, end: Int, norm: String, kind: Kind) {
        self.init(start: start, end: end, norm: norm, kind: kind, key: TokenKey.of(norm))
    }

    public init(start: Int, end: Int, norm: String, kind: Kind, key: UInt64) {
        self.init(start: start, end: end, norm: norm, kind: kind, key: key,
                  clitics: kind == .arabic ? Proclitics.clitics(norm, key: key) : [])
    }

    package init(start: Int, end: Int, norm: String, kind: Kind, key: UInt64, clitics: [Proclitics.Reading]) {
        self.start = start
        self.end = end
        self.norm = norm
        self.kind = kind
        self.key = key
        self.clitics = clitics
    }

    public var isWord: Bool { kind == .arabic || kind == .latin }

    /// Every reading of the word, itself first, then `clitics` (without building an array).
    package var readings: Readings { Readings(token: self) }

    package struct Readings: Sequence, IteratorProtocol {
        let token: Token
        var index = -1

        package mutating func next() -> Proclitics.Reading? {
            defer { index += 1 }
            if index < 0 { return Proclitics.Reading(prefix: 0, key: token.key, restoresArticle: false) }
            return index < token.clitics.count ? token.clitics[index] : nil
        }
    }
}

/// The hash that `Token.key` holds.
public enum TokenKey {
    public static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) public static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* 0x0000_0100_0000_01b3 }

    public static func of(_ s: String) -> UInt64 {
        var h = seed
        for u in s.unicodeScalars { h = mix(h, u.value) }
        return h
    }
}
