/// "وقال سموه:"، "وأكد معاليه أن": an honorific with a pronoun as the subject of a speech verb stands for a person
/// named before it, the prince, minister or president the article is about (`quotes/honorific_pronouns.tsv`). The
/// speaker is the last person named before the verb with one of the honorific's marks before the name (or as its
/// first word); with none, the speaker is unknown (the last name is as often the person spoken of: a condolence).
struct HonorificPronouns: Sendable {
    /// Normalized honorific → normalized marks of the person it stands for.
    let marks: [String: Set<String>]
    /// Normalized honorific → normalized marks that rule a person out.
    let exclusions: [String: Set<String>]

    init() {
        var marks: [String: Set<String>] = [:], exclusions: [String: Set<String>] = [:]
        func words(_ field: String) -> [String] { field.split(separator: "|").map { ArabicNormalizer.shared.key(String($0)) } }
        for row in (try? ResourceStore.rows("quotes/honorific_pronouns.tsv")) ?? [] where row.count >= 2 {
            let key = ArabicNormalizer.shared.key(row[0])
            marks[key, default: []].formUnion(words(row[1]))
            if row.count >= 3 { exclusions[key, default: []].formUnion(words(row[2])) }
        }
        (self.marks, self.exclusions) = (marks, exclusions)
    }

    /// The person the honorific at token `k` stands for, among the document's mentions before it.
    func referent(_ doc: Document, at k: Int) -> EntityMention? {
        guard let wanted = marks[doc.tokens[k].norm] else { return nil }
        let excluded = exclusions[doc.tokens[k].norm] ?? []
        let people = doc.mentions.filter { $0.type == .person && $0.tokens.upperBound <= k }
        func marked(_ m: EntityMention) -> Bool {
            let words = (max(0, m.tokens.lowerBound - 3)...m.tokens.lowerBound).map { doc.tokens[$0].norm }
            return words.contains(where: wanted.contains) && !words.contains(where: excluded.contains)
        }
        return people.last(where: marked)
    }
}
