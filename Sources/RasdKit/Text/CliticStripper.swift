/// Strips Arabic proclitics from a normalized word: conjunction (و ف), preposition (ب ل ك) and article (ال),
/// in that order, so "والعراق", "بالعراق", "للعراق" and "العراق" all give the stem "عراق". Lists come from
/// `Resources/text/clitics.tsv`. Light on purpose: no suffixes, no roots; for search and loose matching.
package struct CliticStripper: Sendable {
    package var conjunctions: [String]
    package var prepositions: [String]
    package var articles: [String]
    package var minimumStem: Int

    package static let shared = CliticStripper()

    package init() {
        let rows = (try? ResourceStore.rows("text/clitics.tsv")) ?? []
        func forms(_ kind: String) -> [String] { rows.filter { $0.count >= 2 && $0[0] == kind }.map { $0[1] } }
        conjunctions = forms("conj")
        prepositions = forms("prep")
        articles = forms("article")
        minimumStem = rows.first { $0.first == "min" }.flatMap { $0.count > 1 ? Int($0[1]) : nil } ?? 3
    }

    /// The stem of a normalized word (the word itself when nothing can be stripped). Works on UTF-8 bytes:
    /// it runs on every word of every stored article.
    package func stem(_ word: String) -> String {
        let bytes = word.utf8
        let letters = word.unicodeScalars.count
        var droppedLetters = 0
        var droppedBytes = 0
        func strip(_ prefixes: [String]) -> Bool {
            let rest = bytes.dropFirst(droppedBytes)
            for p in prefixes {
                let n = p.unicodeScalars.count
                if letters - droppedLetters - n >= minimumStem, rest.starts(with: p.utf8) {
                    droppedLetters += n; droppedBytes += p.utf8.count; return true
                }
            }
            return false
        }
        _ = strip(conjunctions)
        let hadPreposition = strip(prepositions)
        if !strip(articles), hadPreposition, letters - droppedLetters - 1 >= minimumStem,
           bytes.dropFirst(droppedBytes).starts(with: "ل".utf8) {
            // "للعراق" = ل + ال + عراق, written with one alef-lam dropped.
            droppedLetters += 1; droppedBytes += 2
        }
        guard droppedBytes > 0 else { return word }
        return String(Substring(word.utf8.dropFirst(droppedBytes)))
    }
}
