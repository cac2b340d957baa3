/// State institutions written as a head noun and a nationality ("الجيش السوداني"): the lexicon of heads
/// (lexicon/institutions.tsv) and the entity key they resolve to, "army@sd", so that every head naming the same
/// institution of the same state ("القوات المسلحة السودانية") gives one entity.
package struct Institutions: Sendable {
    let heads: PhraseLexicon

    package static let shared = Institutions(heads: PhraseLexicon.resource("lexicon/institutions.tsv"))

    /// The head phrase ending right before token `end` (at most three words, proclitics allowed on its first).
    func head(in tokens: [Token], endingAt end: Int, floor: Int) -> PhraseLexicon.Match? {
        for len in stride(from: min(3, end - floor), through: 1, by: -1) {
            if let m = heads.match(tokens, at: end - len, limit: end), m.tokens.upperBound == end { return m }
        }
        return nil
    }

    static func key(institution: String, country: String) -> String { institution + "@" + country }

    /// "Central Bank of Egypt" for "central_bank@eg", given the state's English name.
    func englishLabel(key: String, countryName: (String) -> String?) -> String? {
        let parts = key.split(separator: "@")
        guard parts.count == 2, let row = heads.entries.values.first(where: { $0.first == String(parts[0]) }),
              row.count > 1, let name = countryName(String(parts[1])) else { return nil }
        return row[1].replacingOccurrences(of: "{country}", with: name)
    }
}
