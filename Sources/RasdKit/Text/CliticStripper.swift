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
        guard let head = word.unicodeScalars.first?.value, Morphology.has(morphology.procliticMask, head) else { return word }
        let n = word.unicodeScalars.count
        let longest = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: n) { buffer -> Int in
            var i = 0
            for u in word.unicodeScalars { buffer[i] = u.value; i += 1 }
            var longest = 0
            morphology.forEachProcliticSplit(UnsafeBufferPointer(buffer), minimumStem: minimumStem) { split in
                if !split.restoresArticle, !(split.preposition.map { Morphology.has(morphology.futureMask, $0) } ?? false) {
                    longest = max(longest, split.length)
                }
            }
            return longest
        }
        guard longest > 0 else { return word }
        return String(String.UnicodeScalarView(word.unicodeScalars.dropFirst(longest)))
    }
}
