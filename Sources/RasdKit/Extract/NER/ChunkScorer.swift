import Foundation

/// Exact-span chunk scoring over BIO tags with conlleval's semantics (an `I-X` with no open `X` chunk starts
/// one; a blank line closes every chunk) and conlleval's report format.
package struct ChunkScorer: Sendable {
    package struct Chunk: Hashable, Sendable {
        package var start: Int
        package var end: Int   // exclusive
        package var type: String
    }

    package struct Counts: Sendable, Equatable {
        package var gold = 0
        package var found = 0
        package var correct = 0
        package var precision: Double { found == 0 ? 0 : 100 * Double(correct) / Double(found) }
        package var recall: Double { gold == 0 ? 0 : 100 * Double(correct) / Double(gold) }
        package var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    package private(set) var tokens = 0
    package private(set) var correctTags = 0
    package private(set) var overall = Counts()
    package private(set) var byType: [String: Counts] = [:]

    package init() {}

    /// The chunks of one tag sequence (positions are indices into `tags`).
    package static func chunks(_ tags: [String]) -> [Chunk] {
        var result: [Chunk] = []
        var open: (start: Int, type: Substring)?
        var previous: (prefix: Substring, type: Substring) = ("O", "")
        for (i, tag) in tags.enumerated() {
            let current = BIOTag.split(tag)
            if open != nil, endsChunk(previous, current) {
                result.append(Chunk(start: open!.start, end: i, type: String(open!.type)))
                open = nil
            }
            if startsChunk(previous, current) { open = (i, current.type) }
            previous = current
        }
        if let open { result.append(Chunk(start: open.start, end: tags.count, type: String(open.type))) }
        return result
    }

    // conlleval's endOfChunk / startOfChunk, for the B, I, E, S, O and "." prefixes.
    private static func endsChunk(_ p: (prefix: Substring, type: Substring), _ c: (prefix: Substring, type: Substring)) -> Bool {
        let (pp, pt) = p, (cp, ct) = c
        if pp == "E" || pp == "S" { return true }
        if (pp == "B" || pp == "I"), cp == "B" || cp == "S" || cp == "O" { return true }
        if pp != "O", pp != ".", pt != ct { return true }
        return false
    }

    private static func startsChunk(_ p: (prefix: Substring, type: Substring), _ c: (prefix: Substring, type: Substring)) -> Bool {
        let (pp, pt) = p, (cp, ct) = c
        if cp == "B" || cp == "S" { return true }
        if (pp == "E" || pp == "S" || pp == "O"), cp == "E" || cp == "I" { return true }
        if cp != "O", cp != ".", pt != ct { return true }
        return false
    }

    /// Adds one segment (the lines between two blank lines) of gold and predicted tags.
    package mutating func add(gold: [String], predicted: [String]) {
        precondition(gold.count == predicted.count, "gold and predicted tag counts differ")
        tokens += gold.count
        for (g, p) in zip(gold, predicted) where g == p { correctTags += 1 }
        let goldChunks = ChunkScorer.chunks(gold)
        let foundChunks = ChunkScorer.chunks(predicted)
        let goldSet = Set(goldChunks)
        overall.gold += goldChunks.count
        overall.found += foundChunks.count
        for chunk in goldChunks { byType[chunk.type, default: Counts()].gold += 1 }
        for chunk in foundChunks {
            byType[chunk.type, default: Counts()].found += 1
            if goldSet.contains(chunk) {
                overall.correct += 1
                byType[chunk.type, default: Counts()].correct += 1
            }
        }
    }

    /// conlleval's report: the overall lines, then one line per type.
    package var report: String {
        var out = "processed \(tokens) tokens with \(overall.gold) phrases; found: \(overall.found) phrases; correct: \(overall.correct).\n"
        // As conlleval: the overall line only when there were tokens.
        if tokens > 0 {
            out += "accuracy: " + ChunkScorer.percent(100 * Double(correctTags) / Double(tokens)) + "%; "
            out += "precision: \(ChunkScorer.percent(overall.precision))%; recall: \(ChunkScorer.percent(overall.recall))%; FB1: \(ChunkScorer.percent(overall.f1))\n"
        }
        for type in byType.keys.sorted() {
            let c = byType[type]!
            let name = String(repeating: " ", count: max(0, 17 - type.count)) + type
            out += "\(name): precision: \(ChunkScorer.percent(c.precision))%; recall: \(ChunkScorer.percent(c.recall))%; FB1: \(ChunkScorer.percent(c.f1))  \(c.found)\n"
        }
        return out
    }

    /// `%6.2f`.
    static func percent(_ value: Double) -> String {
        let s = String(format: "%.2f", value)
        return String(repeating: " ", count: max(0, 6 - s.count)) + s
    }
}

extension ChunkScorer {
    /// Scores conlleval's own input: lines whose last two white-space-separated fields are the gold and the
    /// predicted tag (`TOKEN GOLD PRED`, as `rasd eval-ner --predictions` writes them); a blank line closes every
    /// chunk and is not a token. Lines with fewer than two fields are reported as errors.
    package static func scoring(predictionLines text: String) throws -> ChunkScorer {
        var scorer = ChunkScorer()
        var gold: [String] = [], predicted: [String] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = raw.split(whereSeparator: { $0.isWhitespace })
            if fields.isEmpty {
                if !gold.isEmpty { scorer.add(gold: gold, predicted: predicted) }
                gold.removeAll(); predicted.removeAll()
                continue
            }
            guard fields.count >= 2 else {
                throw CoNLLCorpus.ParseError(message: "line \(number + 1): expected TOKEN GOLD PRED, found \"\(raw)\"")
            }
            gold.append(String(fields[fields.count - 2]))
            predicted.append(String(fields[fields.count - 1]))
        }
        if !gold.isEmpty { scorer.add(gold: gold, predicted: predicted) }
        return scorer
    }
}
