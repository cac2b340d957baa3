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
        var scalars = Array(word.unicodeScalars)
        func strip(_ prefixes: [String]) -> Bool {
            for p in prefixes {
                let ps = Array(p.unicodeScalars)
                if scalars.count - ps.count >= minimumStem, scalars.starts(with: ps) {
                    scalars.removeFirst(ps.count); return true
                }
            }
            return false
        }
        _ = strip(conjunctions)
        let hadPreposition = strip(prepositions)
        if !strip(articles), hadPreposition, scalars.first == "ل", scalars.count - 1 >= minimumStem {
            // "للعراق" = ل + ال + عراق, written with one alef-lam dropped.
            scalars.removeFirst()
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
