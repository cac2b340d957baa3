/// One key for a person named with and without a middle name ("بدر محمد باسلمة" in one article, "بدر باسلمة" in
/// another): a three-word name whose first two words are given names (`ner/first_names.txt`) and whose last is
/// none is keyed by its given and family name, as `TitleStage.nameKey` keys a نسب chain ("علي بن صالح الأحمري" as
/// "علي الأحمري"). A last word that is a given name too ("علي محمد صالح") keeps the whole name: it may be a
/// grandfather's, and "علي صالح" another man.
///
/// The middle name is the father's: two of them with one given and family name ("خالد أحمد اليوسف"، "خالد بن محمد
/// اليوسف") are two men. A three-word name whose short key was first seen with another father keeps its whole key
/// (`Fathers`, kept by the collection's entity table; a chain seen after it still takes the short key).
struct PersonNameKeys: Sendable {
    static let shared = PersonNameKeys()
    /// Given names, as variant keys.
    let givenNames: Set<String>
    /// بن، ابن، بنت: the links of a نسب chain (`lexicon/lineage.tsv`).
    static let lineage = Lineage()

    init() {
        let rows = (try? ResourceStore.rows("ner/first_names.txt")) ?? []
        givenNames = Set(rows.compactMap { $0.first.map { KBKeys.variantKey(ArabicNormalizer.shared.key($0)) } })
    }

    /// The father's name each short key was first seen with.
    typealias Fathers = [String: String]

    /// The key a person's name is known by across articles (`text`: the mention, where a chain names the father);
    /// any other reference as it is.
    func canonical(_ ref: EntityRef, text: String, fathers: inout Fathers) -> EntityRef {
        guard case .name(.person, let key) = ref else { return ref }
        let words = key.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if words.count == 3, givenNames.contains(words[0]), givenNames.contains(words[1]), !givenNames.contains(words[2]) {
            let short = words[0] + " " + words[2]
            if let seen = fathers[short], seen != words[1] { return ref }
            fathers[short] = words[1]
            return .name(.person, short)
        }
        // A chain already keyed short ("خالد بن محمد اليوسف" as "خالد اليوسف"): its father, from the mention, when
        // it is the first seen. Its key stays: the mentions of one chain may come with and without the father.
        if words.count == 2, fathers[key] == nil, let father = Self.father(in: text) { fathers[key] = father }
        return ref
    }

    /// The name after the first "بن" of a mention ("خالد بن محمد اليوسف" → "محمد"), as a variant key.
    static func father(in text: String) -> String? {
        let words = ArabicNormalizer.shared.key(text).split(separator: " ").map(String.init)
        guard let i = words.firstIndex(where: { lineage.role($0) == "link" }), i + 1 < words.count else { return nil }
        return KBKeys.variantKey(words[i + 1])
    }
}
