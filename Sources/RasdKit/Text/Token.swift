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

    public init(start: Int, end: Int, norm: String, kind: Kind) {
        self.start = start
        self.end = end
        self.norm = norm
        self.kind = kind
    }

    public var isWord: Bool { kind == .arabic || kind == .latin }
}
