/// Strips Arabic proclitics from a normalized word: conjunction (و ف), preposition (ب ل ك) and article (ال),
/// in that order, so "والعراق", "بالعراق", "للعراق" and "العراق" all give the stem "عراق". The rules are
/// `Morphology`'s (`Resources/text/morphology.tsv`): the longest of its proclitic splits that leaves at least
/// `minimumStem` letters, without the future marker. Light on purpose: no suffixes; for search and loose matching.
package struct CliticStripper: Sendable {
    package var minimumStem: Int
    let morphology: Morphology

    package static let shared = CliticStripper()

    package init() {
        morphology = Morphology.shared
        minimumStem = morphology.minimumSearchStem
    }

    /// The stem of a normalized word (the word itself when nothing can be stripped). It runs on every word of
    /// every stored article: a word that begins with no proclitic letter costs one look at its first scalar.
    package func stem(_ word: String) -> String {
        guard let head = word.unicodeScalars.first?.value,
              morphology.conjunctions.contains(head) || morphology.prepositions.contains(head) || morphology.article.first == head
        else { return word }
        let s = word.unicodeScalars.map(\.value)
        let splits = s.withUnsafeBufferPointer { morphology.procliticSplits($0, minimumStem: minimumStem) }
        let longest = splits.filter { split in
            !split.restoresArticle && !(split.preposition.map { morphology.future.contains($0) } ?? false)
        }.map(\.length).max() ?? 0
        guard longest > 0 else { return word }
        return String(String.UnicodeScalarView(word.unicodeScalars.dropFirst(longest)))
    }
}
