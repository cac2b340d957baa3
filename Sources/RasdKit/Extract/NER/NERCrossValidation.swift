import Foundation

/// K-fold cross-validation over contiguous blocks of a corpus: ANERCorp is ordered by document, so each block
/// is a run of unseen documents, as the held-out part is. Each fold's model is the one `train` would ship
/// (pruned, quantized) and its block is tagged and scored as `rasd eval-ner` does.
package enum NERCrossValidation {
    package struct Fold: Sendable {
        package var index: Int
        package var sentences: Range<Int>
        package var scorer: ChunkScorer
        /// Per sentence of the block, its tokens, gold tags and predicted tags.
        package var tagged: [(tokens: [String], gold: [String], predicted: [String])]
        /// The block's scores with each entity bias of the grid (same order as the grid).
        package var grid: [ChunkScorer] = []
    }

    /// An entity bias to try on each fold's model: per type, a score added to its B- and I- tags.
    package typealias Bias = [String: Float]

    /// - Parameters:
    ///   - parallel: train two folds at a time (the machine's cores are shared: off by default).
    package static func run(corpus: CoNLLCorpus, folds k: Int, options: NERTrainer.Options, documentSentences: Int = 0,
                           parallel: Bool = false, biasGrid: [Bias] = [],
                           log: @escaping @Sendable (String) -> Void) -> [Fold] {
        let sentences = NERTrainer.sentences(corpus)
        let n = sentences.count
        let k = max(2, k)
        let blocks = (0..<k).map { (($0 * n) / k)..<((($0 + 1) * n) / k) }
        let results = Results(count: k)
        let one: @Sendable (Int) -> Void = { f in
            let block = blocks[f]
            let train = Array(sentences[..<block.lowerBound] + sentences[block.upperBound...])
            var quiet = options
            quiet.devFraction = 0
            let result = NERTrainer.train(train, dev: [], options: quiet) { _ in }
            let (scorer, predicted) = score(result.tagger, Array(sentences[block]), documentSentences: documentSentences)
            log(String(format: "fold %d (sentences %d..<%d): FB1 %.2f (P %.2f R %.2f)", f + 1, block.lowerBound,
                       block.upperBound, scorer.overall.f1, scorer.overall.precision, scorer.overall.recall))
            var tagger = result.tagger
            let grid = biasGrid.map { bias in
                tagger.emissionBias = tagger.tags.map { bias[String(BIOTag.split($0).type)] ?? 0 }
                return score(tagger, Array(sentences[block]), documentSentences: documentSentences).0
            }
            results.set(f, Fold(index: f, sentences: block, scorer: scorer,
                               tagged: zip(sentences[block], predicted).map { ($0.tokens, $0.tags, $1) }, grid: grid))
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: k, execute: one)
        } else {
            for f in 0..<k { one(f) }
        }
        return results.all
    }

    /// Tags `sentences` in documents of `documentSentences` (0: all as one) and scores them as one segment (like a CoNLL file
    /// without blank lines).
    static func score(_ tagger: NERTagger, _ sentences: [NERTrainer.Sentence], documentSentences: Int) -> (ChunkScorer, [[String]]) {
        var gold: [String] = [], predicted: [String] = []
        var perSentence: [[String]] = []
        let size = documentSentences > 0 ? documentSentences : max(1, sentences.count)
        for start in stride(from: 0, to: sentences.count, by: size) {
            let document = sentences[start..<min(sentences.count, start + size)]
            let tags = tagger.tag(document: document.map(\.tokens))
            for (s, t) in zip(document, tags) { gold += s.tags; predicted += t }
            perSentence += tags
        }
        var scorer = ChunkScorer()
        scorer.add(gold: gold, predicted: predicted)
        return (scorer, perSentence)
    }

    /// `TOKEN GOLD PRED` lines of every fold's block, in corpus order (tokens as `NEREvaluation` writes them).
    package static func predictionLines(_ folds: [Fold]) -> String {
        var out = ""
        for fold in folds {
            for s in fold.tagged {
                for (token, (g, p)) in zip(s.tokens, zip(s.gold, s.predicted)) {
                    out += "\(NEREvaluation.field(token)) \(g) \(p)\n"
                }
            }
        }
        return out
    }

    /// The per-type and overall counts of all folds together (micro average), next to the mean of fold FB1s.
    package static func summary(_ folds: [Fold]) -> String {
        var gold = ChunkScorer.Counts(), byType: [String: ChunkScorer.Counts] = [:]
        for f in folds {
            gold.gold += f.scorer.overall.gold; gold.found += f.scorer.overall.found; gold.correct += f.scorer.overall.correct
            for (type, c) in f.scorer.byType {
                byType[type, default: .init()].gold += c.gold
                byType[type, default: .init()].found += c.found
                byType[type, default: .init()].correct += c.correct
            }
        }
        let mean = folds.map(\.scorer.overall.f1).reduce(0, +) / Double(max(1, folds.count))
        var out = "folds: " + folds.map { String(format: "%.2f", $0.scorer.overall.f1) }.joined(separator: " ") + "\n"
        out += String(format: "mean FB1 %.2f; pooled FB1 %.2f (P %.2f R %.2f)\n", mean, gold.f1, gold.precision, gold.recall)
        for type in byType.keys.sorted() {
            let c = byType[type]!
            out += String(format: "  %@ pooled FB1 %.2f (P %.2f R %.2f, %d phrases)\n", type, c.f1, c.precision, c.recall, c.gold)
        }
        return out
    }

    /// The grid's biases ranked by pooled FB1 (the best `top`), each with its fold mean and per-type pooled FB1.
    package static func gridSummary(_ folds: [Fold], grid: [Bias], top: Int = 15) -> String {
        var rows: [(pooled: Double, line: String)] = []
        for (g, bias) in grid.enumerated() {
            var all = ChunkScorer.Counts(), byType: [String: ChunkScorer.Counts] = [:]
            var mean = 0.0
            for f in folds where g < f.grid.count {
                let s = f.grid[g]
                mean += s.overall.f1 / Double(folds.count)
                all.gold += s.overall.gold; all.found += s.overall.found; all.correct += s.overall.correct
                for (type, c) in s.byType {
                    byType[type, default: .init()].gold += c.gold
                    byType[type, default: .init()].found += c.found
                    byType[type, default: .init()].correct += c.correct
                }
            }
            let name = bias.keys.sorted().map { "\($0)=\(bias[$0]!)" }.joined(separator: ",")
            var line = String(format: "bias %@: mean %.2f pooled %.2f (P %.2f R %.2f)", name, mean, all.f1, all.precision, all.recall)
            for type in byType.keys.sorted() { line += String(format: " %@ %.2f", type, byType[type]!.f1) }
            rows.append((all.f1, line))
        }
        return rows.sorted { $0.pooled > $1.pooled }.prefix(top).map(\.line).joined(separator: "\n") + "\n"
    }

    /// Fold results written from worker threads.
    private final class Results: @unchecked Sendable {
        private var folds: [Fold?]
        private let lock = NSLock()
        init(count: Int) { folds = [Fold?](repeating: nil, count: count) }
        func set(_ i: Int, _ fold: Fold) { lock.lock(); folds[i] = fold; lock.unlock() }
        var all: [Fold] { lock.lock(); defer { lock.unlock() }; return folds.compactMap { $0 } }
    }
}
