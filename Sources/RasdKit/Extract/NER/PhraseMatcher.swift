/// Finds listed phrases (titles, trigger words, knowledge-base aliases, names) in a sentence of normalized
/// tokens, by hashes: a phrase is the hash of its tokens' normalized scalars, where the first token may carry
/// proclitics (و ف ب ل ك ال لل) in the text and may or may not start with ال in the list.
struct PhraseMatcher: Sendable {
    /// Phrase hash → bit mask of the classes it belongs to.
    private(set) var entries = HashTable64()
    /// First-token hash → longest phrase length starting with it, to reject most tokens with one lookup.
    private(set) var firsts = HashTable64()

    static let maximumLength = 6

    init() {}

    init(entries: HashTable64, firsts: HashTable64) {
        self.entries = entries
        self.firsts = firsts
    }

    var isEmpty: Bool { entries.count == 0 }

    /// Adds a phrase given as normalized tokens (each a list of scalar values).
    mutating func add(_ tokens: [[UInt32]], mask: UInt64) {
        guard !tokens.isEmpty, tokens.count <= PhraseMatcher.maximumLength, !tokens[0].isEmpty else { return }
        var firstForms = [tokens[0]]
        let al: [UInt32] = [ProcliticStripper.alef, ProcliticStripper.lam]
        if tokens[0].count >= 4, Array(tokens[0].prefix(2)) == al { firstForms.append(Array(tokens[0].dropFirst(2))) }
        for form in firstForms {
            var h = FeatureHash.scalars(form)
            let length = UInt64(tokens.count)
            firsts.update(h) { max($0 ?? 0, length) }
            for token in tokens.dropFirst() { h = FeatureHash.combine(h, FeatureHash.scalars(token)) }
            entries.update(h) { ($0 ?? 0) | mask }
        }
    }

    /// Adds a phrase written as text (normalized here; tokens split on white space).
    mutating func add(text: String, mask: UInt64) {
        var scalars: [UInt32] = []
        ArabicNormalizer.shared.appendNormalized(text, to: &scalars)
        var tokens: [[UInt32]] = []
        var current: [UInt32] = []
        for v in scalars {
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D {
                if !current.isEmpty { tokens.append(current); current.removeAll(keepingCapacity: true) }
            } else {
                current.append(v)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        add(tokens, mask: mask)
    }

    /// Marks matches in `marks` (one mask per token): for class bit c of a match, bit 3c on its first token,
    /// 3c+1 on the others, 3c+2 on its last token.
    /// - Parameters:
    ///   - firstForms: the hashes of each token with each possible proclitic strip (unstripped first); token i's
    ///     are `firstForms[formStarts[i]..<formStarts[i + 1]]`.
    ///   - full: per token, the hash of the whole normalized token.
    func mark(firstForms: [UInt64], formStarts: [Int], full: [UInt64], marks: inout [UInt64]) {
        if entries.count == 0 { return }
        let n = full.count
        for i in 0..<n {
            for form in firstForms[formStarts[i]..<formStarts[i + 1]] {
                guard let longest = firsts.get(form) else { continue }
                var h = form
                var length = 1
                while true {
                    if let classes = entries.get(h) { PhraseMatcher.apply(classes, i, length, &marks) }
                    if length >= Int(longest) || i + length >= n { break }
                    h = FeatureHash.combine(h, full[i + length])
                    length += 1
                }
            }
        }
    }

    private static func apply(_ classes: UInt64, _ start: Int, _ length: Int, _ marks: inout [UInt64]) {
        var rest = classes
        while rest != 0 {
            let c = UInt64(rest.trailingZeroBitCount)
            rest &= rest - 1
            marks[start] |= 1 << (3 * c)
            for k in 1..<max(1, length) { marks[start + k] |= 1 << (3 * c + 1) }
            marks[start + length - 1] |= 1 << (3 * c + 2)
        }
    }
}
