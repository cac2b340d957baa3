import RasdKit

/// The entities a free-text query names, found the way entity linking finds them, so that a search meets the
/// spellings the analysis unified: the query's normalized key looked up among the knowledge base's aliases
/// (exactly, article toggled, ج/غ folded, spaces removed: `KnowledgeBase.lookup`, proclitics stripped), and
/// compared with the names the analysis gave its entities by `KBKeys` variant and loose keys (a name written
/// joined or split, غ or ج).
struct NameSearch {
    /// The bundled knowledge base, loaded on the first search (nil if it cannot be read: names still match).
    static let knowledgeBase: KnowledgeBase? = try? KnowledgeBase.bundled()

    /// Shortest loose key matched inside a longer name: shorter ones meet too many unrelated names.
    static let minimumInnerKey = 5

    let key: String
    let keys: StoryIndex.NameKeys
    var variantWords: [[UInt8]] { keys.words }
    var loose: [UInt8] { keys.loose }
    /// Whether the query is long enough to be looked for inside longer names.
    let matchesInside: Bool

    init(_ query: String) {
        key = ArabicNormalizer.shared.key(query)
        keys = StoryIndex.NameKeys(query)
        matchesInside = KBKeys.looseKey(key).unicodeScalars.count >= NameSearch.minimumInnerKey
    }

    var isEmpty: Bool { loose.isEmpty }

    /// Ids of the analysis' entities the query names.
    func entities(in index: StoryIndex) -> Set<String> {
        guard !isEmpty else { return [] }
        var kbIDs = Set<String>()
        if let kb = NameSearch.knowledgeBase, !kb.isCommonWord(key) {
            // One word is not folded as far as two: "كبير" would meet "الجبير" (as in entity linking).
            var hits = kb.lookup(key, loose: variantWords.count > 1)
            if hits.isEmpty { hits = kb.lookup(strippingProclitics: key).entities }
            kbIDs = Set(hits.map(\.id))
        }
        var out = Set<String>()
        for (entity, names) in zip(index.analysis.entities, index.entityNameKeys) {
            if let kb = entity.kb, kbIDs.contains(kb) { out.insert(entity.id); continue }
            if names.contains(where: matches) { out.insert(entity.id) }
        }
        return out
    }

    /// True when a name (its variant and loose keys) holds the query: the same loose key, the query's words
    /// as whole words of the name, or (a long enough query) its loose key inside the name's.
    func matches(_ name: StoryIndex.NameKeys) -> Bool {
        if name.loose == loose { return true }
        if !variantWords.isEmpty, name.words.count >= variantWords.count {
            for start in 0...(name.words.count - variantWords.count)
            where name.words[start..<(start + variantWords.count)].elementsEqual(variantWords) { return true }
        }
        return matchesInside && StoryIndex.bytes(name.loose, contain: loose)
    }
}
