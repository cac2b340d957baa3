/// A collection's entity mentions as fixed-size records: entity, document, offsets, alias and origin in 24 bytes,
/// where an `Analysis.Mention` in its entity's growing list took about a hundred (two strings, an optional string
/// and list, and the list's slack). The resolve keeps the mentions this way (`EntityTable`) and writes them into
/// the analysis at its end, or, for a large collection's JSON, when each entity is written (`AnalysisSpill`).
package struct PackedMentions: Sendable {
    struct Item: Sendable {
        var entity: Int32
        var doc: Int32
        var start: Int32
        var end: Int32
        /// Position of the mention's text among its entity's aliases.
        var alias: Int32
        var origin: UInt8
    }

    private var items: [Item] = []
    /// Each item's provenance notes (`--explain`), when kept.
    private var notes: [[String]?]?
    /// After `groupByEntity`: entity e's items are at `first[e]..<first[e + 1]`, in the order appended.
    private var first: [Int] = []

    init(explain: Bool) {
        notes = explain ? [] : nil
    }

    var count: Int { items.count }

    mutating func reserve(_ n: Int) {
        items.reserveCapacity(n)
        notes?.reserveCapacity(n)
    }

    mutating func append(entity: Int, doc: Int, start: Int, end: Int, alias: Int, origin: EntityMention.Origin?, notes: [String]?) {
        items.reserveGently(1)
        items.append(Item(entity: Int32(entity), doc: Int32(doc), start: Int32(clamping: start), end: Int32(clamping: end),
                          alias: Int32(alias), origin: origin.flatMap { Self.origins.firstIndex(of: $0) }.map(UInt8.init) ?? .max))
        self.notes?.append(notes)
    }

    /// Orders the items by entity (a stable counting sort: each entity's keep the order they were appended in).
    mutating func groupByEntity(entityCount: Int) {
        var start = [Int](repeating: 0, count: entityCount + 1)
        for item in items { start[Int(item.entity) + 1] += 1 }
        for e in 0..<entityCount { start[e + 1] += start[e] }
        first = start
        var sorted = [Item](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            var next = start
            for item in items {
                buffer.initializeElement(at: next[Int(item.entity)], to: item)
                next[Int(item.entity)] += 1
            }
            initialized = items.count
        }
        if let notes {
            var sortedNotes = [[String]?](repeating: nil, count: notes.count)
            var next = start
            for (k, item) in items.enumerated() {
                sortedNotes[next[Int(item.entity)]] = notes[k]
                next[Int(item.entity)] += 1
            }
            self.notes = sortedNotes
        }
        swap(&items, &sorted)
    }

    /// Entity `e`'s mentions as the analysis lists them (after `groupByEntity`); `docID` names a document by position.
    func mentions(of e: Int, aliases: [String], docID: (Int) -> String) -> [Analysis.Mention] {
        guard e + 1 < first.count else { return [] }
        return (first[e]..<first[e + 1]).map { k in
            let item = items[k]
            let origin = Int(item.origin) < Self.origins.count ? Self.origins[Int(item.origin)].rawValue : nil
            return Analysis.Mention(doc: docID(Int(item.doc)), text: aliases[Int(item.alias)], start: Int(item.start),
                                    end: Int(item.end), origin: origin, explain: notes?[k])
        }
    }

    /// Entity `e`'s documents (positions) with its mentions in each, in the order first named (after `groupByEntity`).
    func documents(of e: Int) -> [(doc: Int, mentions: Int)] {
        guard e + 1 < first.count else { return [] }
        var out: [(doc: Int, mentions: Int)] = []
        for k in first[e]..<first[e + 1] {
            let d = Int(items[k].doc)
            // Appended document by document: one document's mentions of an entity are adjacent.
            if out.last?.doc == d { out[out.count - 1].mentions += 1 } else { out.append((d, 1)) }
        }
        return out
    }

    static let origins = EntityMention.Origin.allCases
}

/// Which documents name each entity, and how often: what the story steps read of the mentions.
struct EntityDocuments {
    private var lists: [[(doc: Int, mentions: Int)]]

    /// From the mentions the analysis lists (`docIndex`: a document's position by id).
    init(_ analysis: Analysis, docIndex: [String: Int]) {
        lists = analysis.entities.map { entity in
            var out: [(doc: Int, mentions: Int)] = []
            var at: [Int: Int] = [:]
            for m in entity.mentions {
                guard let d = docIndex[m.doc] else { continue }
                if let i = at[d] { out[i].mentions += 1 } else { at[d] = out.count; out.append((d, 1)) }
            }
            return out
        }
    }

    init(_ packed: PackedMentions, entityCount: Int) {
        lists = (0..<entityCount).map { packed.documents(of: $0) }
    }

    /// Entity `e`'s documents with its mentions in each, in the order first named.
    subscript(e: Int) -> [(doc: Int, mentions: Int)] { e < lists.count ? lists[e] : [] }
}
