import Foundation

/// Tags every sentence of a CoNLL corpus and scores the predictions like conlleval (chunks close at blank
/// lines only, as in conlleval; the corpus's own sentence splits just bound the tagger's input).
package struct NEREvaluation {
    /// Predicted tag per corpus line (`nil` for blank lines).
    package var predicted: [String?]
    package var scorer = ChunkScorer()
    package var tokens = 0
    /// CPU time of the calling thread spent tagging (feature extraction + decoding), excluding file reading:
    /// CPU time, not wall time, so that other processes on a shared machine do not skew benchmarks.
    package var seconds: Double = 0

    /// - Parameter documentSentences: sentences tagged together as one document (ANERCorp marks no document
    ///   boundaries); 0: the whole corpus as one, where the consistency pass still looks only a few sentences
    ///   either way.
    package static func run(tagger: NERTagger, corpus: CoNLLCorpus, documentSentences: Int = 0) -> NEREvaluation {
        var result = NEREvaluation(predicted: [String?](repeating: nil, count: corpus.lines.count))
        let inputs = (0..<corpus.sentences.count).map { corpus.sentence($0).tokens }
        let start = threadCPUNanoseconds()
        var outputs: [[String]] = []
        outputs.reserveCapacity(inputs.count)
        let size = documentSentences > 0 ? documentSentences : max(1, inputs.count)
        for first in stride(from: 0, to: inputs.count, by: size) {
            outputs += tagger.tag(document: Array(inputs[first..<min(inputs.count, first + size)]))
        }
        result.seconds = Double(threadCPUNanoseconds() - start) / 1e9
        for (k, range) in corpus.sentences.enumerated() {
            var j = 0
            for i in range where corpus.lines[i] != nil {
                result.predicted[i] = outputs[k][j]
                j += 1
            }
            result.tokens += j
        }
        // Score per blank-line segment.
        var gold: [String] = [], pred: [String] = []
        for (i, line) in corpus.lines.enumerated() {
            if let line {
                gold.append(line.tag)
                pred.append(result.predicted[i] ?? "O")
            } else if !gold.isEmpty {
                result.scorer.add(gold: gold, predicted: pred)
                gold.removeAll(); pred.removeAll()
            }
        }
        if !gold.isEmpty { result.scorer.add(gold: gold, predicted: pred) }
        return result
    }

    /// `TOKEN GOLD PRED` per input line, blank lines kept. A token that is empty or contains white space is
    /// written with `_` in its place (`_` for empty), so every line has exactly three fields for conlleval.
    package func predictionLines(_ corpus: CoNLLCorpus) -> String {
        var out = ""
        for (i, line) in corpus.lines.enumerated() {
            guard let line else { out += "\n"; continue }
            out += "\(NEREvaluation.field(line.token)) \(line.tag) \(predicted[i] ?? "O")\n"
        }
        return out
    }

    /// A token as one white-space-free field: white space becomes `_`, an empty token is `_`.
    static func field(_ token: String) -> String {
        let s = String(String.UnicodeScalarView(token.unicodeScalars.map { $0.properties.isWhitespace ? "_" : $0 }))
        return s.isEmpty ? "_" : s
    }
}

extension NERTagger {
    /// CPU time consumed by the calling thread so far, in seconds (for benchmarks on shared machines).
    package static func threadCPUSeconds() -> Double { Double(threadCPUNanoseconds()) / 1e9 }
}

/// CPU time consumed by the calling thread so far, in nanoseconds.
func threadCPUNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
