/// Strips Arabic proclitics from a normalized word: conjunction (و ف), preposition (ب ل ك) and article (ال),
/// in that order, so "والعراق", "بالعراق", "للعراق" and "العراق" all give the stem "عراق". Lists come from
/// `Resources/text/clitics.tsv`. Light on purpose: no suffixes, no roots; for search and loose matching.
public struct CliticStripper: Sendable {
    public var conjunctions: [String]
    public var prepositions: [String]
    public var articles: [String]
    public var minimumStem: Int

    public static let shared = CliticStripper()

    public init() {
        let rows = (try? ResourceStore.rows("text/clitics.tsv")) ?? []
        func forms(_ kind: String) -> [String] { rows.filter { $0.count >= 2 && $0[0] == kind }.map { $0[1] } }
        conjunctions = forms("conj")
        prepositions = forms("prep")
        articles = forms("article")
        minimumStem = rows.first { $0.first == "min" }.flatMap { $0.count > 1 ? Int($0[1]) : nil } ?? 3
    }

    /// The stem of a normalized word (the word itself when nothing can be stripped).
    public func stem(_ word: String) -> String {
        let scalars = word.unicodeScalars
        let total = scalars.count
        var dropped = 0
        // Strips the first matching prefix of a kind when enough letters remain after it.
        func strip(_ prefixes: [String]) -> Bool {
            let rest = scalars.dropFirst(dropped)
            for p in prefixes {
                let n = p.unicodeScalars.count
                if total - dropped - n >= minimumStem, rest.starts(with: p.unicodeScalars) { dropped += n; return true }
            }
            return false
        }
        _ = strip(conjunctions)
        let hadPreposition = strip(prepositions)
        if !strip(articles), hadPreposition, scalars.dropFirst(dropped).first == "ل", total - dropped - 1 >= minimumStem {
            // "للعراق" = ل + ال + عراق, written with one alef-lam dropped.
            dropped += 1
        }
        return dropped == 0 ? word : String(String.UnicodeScalarView(scalars.dropFirst(dropped)))
    }
}
