import ArgumentParser
import Foundation
import RasdKit

/// `rasd eval-ner`: tags a CoNLL corpus and scores it against its tags like conlleval.
struct EvalNER: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-ner",
        abstract: "Tag a CoNLL corpus and print conlleval's scores (exact span match over BIO)."
    )

    @Option(name: .long, help: "CoNLL file: TOKEN TAG a line, the tag last.") var conll: String?
    @Option(name: .long, help: "Instead of tagging: score an existing TOKEN GOLD PRED file (conlleval's input) and print the report.")
    var scorePredictions: String?
    @Option(name: .long, help: "Model file (default: the bundled ANERCorp model).") var model: String?
    @Option(name: .long, help: "Write TOKEN GOLD PRED lines here, one per input line, blank lines kept.")
    var predictions: String?
    @Option(name: .long, help: "Sentences tagged together as one document (the corpus marks no documents); 0: the whole file, each sentence seeing the names of the 5 sentences either side.")
    var documentSentences: Int = 0
    @Option(name: .customLong("repeat"), help: "Tag the corpus this many times and report the fastest run (for benchmarks).")
    var repeat_: Int = 1
    @Flag(name: .long, help: "No timing on stderr.") var quiet = false

    func validate() throws {
        if conll == nil && scorePredictions == nil { throw ValidationError("give --conll FILE (or --score-predictions FILE)") }
    }

    func run() throws {
        if let scorePredictions {
            guard let data = FileManager.default.contents(atPath: scorePredictions) else {
                throw ValidationError("cannot read \(scorePredictions)")
            }
            print(try ChunkScorer.scoring(predictionLines: String(decoding: data, as: UTF8.self)).report, terminator: "")
            return
        }
        guard let conll else { return }
        let loadStart = Date()
        let loadCPUStart = NERTagger.threadCPUSeconds()
        let tagger = try model.map { try NERTagger(contentsOf: URL(fileURLWithPath: $0)) } ?? NERTagger.bundled()
        let loadTime = Date().timeIntervalSince(loadStart)
        let loadCPU = NERTagger.threadCPUSeconds() - loadCPUStart
        let corpus = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: conll))
        var evaluation = NEREvaluation.run(tagger: tagger, corpus: corpus, documentSentences: documentSentences)
        for _ in 1..<max(1, repeat_) {
            let again = NEREvaluation.run(tagger: tagger, corpus: corpus, documentSentences: documentSentences)
            if again.seconds < evaluation.seconds { evaluation = again }
        }
        print(evaluation.scorer.report, terminator: "")
        if let predictions {
            try evaluation.predictionLines(corpus).write(toFile: predictions, atomically: true, encoding: .utf8)
        }
        if !quiet {
            let rate = Double(evaluation.tokens) / max(evaluation.seconds, 1e-9)
            let line = String(format: "model load %.1f ms (%.1f ms CPU); tagged %d tokens in %.3f s CPU: %.0f tokens/s\n",
                              loadTime * 1000, loadCPU * 1000, evaluation.tokens, evaluation.seconds, rate)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
