/// Clause boundaries inside a sentence: punctuation and the words that open a new clause (complementizers,
/// "حيث", "بينما" ...), read from `Resources/events/clause_openers.tsv`.
struct ClauseSplitter: Sendable {
    let openers: PhraseLexicon

    init() {
        openers = PhraseLexicon.resource("events/clause_openers.tsv")
    }

    /// Token index ranges of the clauses of a sentence.
    func clauses(_ doc: Document, _ sentence: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = sentence.lowerBound
        for i in sentence {
            let t = doc.tokens[i]
            let punct = t.kind == .punct && [",", ";", ":", "(", ")", "-", "–", "—"].contains(t.norm)
            let opener = t.isWord && openers.entries[t.norm] != nil
            if punct {
                if i > start { out.append(start..<i) }
                start = i + 1
            } else if opener, i > start {
                out.append(start..<i)
                start = i
            }
        }
        if start < sentence.upperBound { out.append(start..<sentence.upperBound) }
        return out
    }
}
