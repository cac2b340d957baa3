/// How often each word (by the hash of its clitic-stripped stem) was seen in the training data, and with
/// which entity types: the tagger's knowledge of "is this a known word, and is it usually part of a name?".
/// During training every sentence sees the counts of the other folds only, as unseen text will, so the model
/// learns how far to trust them; an unknown word in a name-like context is then a strong hint.
struct WordStats: Sendable {
    /// Stem hash → counts per entity type number (0 = O), 12 bits each, five slots.
    private(set) var table = HashTable64()

    static let slots = 5
    static let bits: UInt64 = 12
    static let cap: UInt64 = (1 << bits) - 1

    init() {}
    init(table: HashTable64) { self.table = table }

    var isEmpty: Bool { table.count == 0 }

    mutating func add(stem: UInt64, type: Int) {
        guard type < WordStats.slots else { return }
        let shift = WordStats.bits * UInt64(type)
        table.update(stem) { old in
            let v = old ?? 0
            let c = (v >> shift) & WordStats.cap
            return c < WordStats.cap ? v + (1 << shift) : v
        }
    }

    /// Packed counts of a stem (0 when never seen).
    @inline(__always)
    func packed(_ stem: UInt64) -> UInt64 { table.get(stem) ?? 0 }

    @inline(__always)
    static func count(_ packed: UInt64, _ type: Int) -> Int { Int((packed >> (bits * UInt64(type))) & cap) }

    /// Times a stem was seen, of any type.
    static func total(_ packed: UInt64) -> Int { (0..<slots).reduce(0) { $0 + count(packed, $1) } }

    /// Counts of the words of tagged sentences; `typeOf` maps a tag to its type number.
    static func from(_ sentences: [(stems: [UInt64], tags: [String])]) -> WordStats {
        var stats = WordStats()
        for s in sentences {
            for (stem, tag) in zip(s.stems, s.tags) { stats.add(stem: stem, type: typeNumber(tag)) }
        }
        return stats
    }

    /// Fixed type numbers, so counts mean the same in every model: O 0, PERS 1, LOC 2, ORG 3, MISC 4.
    static func typeNumber(_ tag: String) -> Int {
        switch BIOTag.split(tag).type {
        case "": return 0
        case "PERS", "PER", "PERSON": return 1
        case "LOC", "GPE": return 2
        case "ORG": return 3
        default: return 4
        }
    }
}
