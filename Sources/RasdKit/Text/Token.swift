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

    public init(start: Int, end: Int, norm: String, kind: Kind) {
        self.init(start: start, end: end, norm: norm, kind: kind, key: TokenKey.of(norm))
    }

    public init(start: Int, end: Int, norm: String, kind: Kind, key: UInt64) {
        self.start = start
        self.end = end
        self.norm = norm
        self.kind = kind
        self.key = key
    }

    public var isWord: Bool { kind == .arabic || kind == .latin }
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
