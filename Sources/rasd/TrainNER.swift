import ArgumentParser
import Foundation
import RasdKit

/// `rasd train-ner`: trains the named-entity tagger on a CoNLL `TOKEN TAG` corpus and writes the binary model.
struct TrainNER: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Train the named-entity tagger (averaged perceptron, Viterbi over BIO) on a CoNLL corpus."
    )

    @Option(name: .long, help: "CoNLL file: TOKEN TAG a line, the tag last.") var conll: String
    @Option(name: [.customShort("o"), .long], help: "Where to write the model (required unless --cross-validate).")
    var output: String?
    @Option(name: .long, help: "Training passes over the corpus.") var epochs: Int = 12
    @Option(name: .long, help: "Fraction of sentences (the last ones) held out as a development split.")
    var devFraction: Double = 0
    @Option(name: .long, help: "Seed for shuffling.") var seed: UInt64 = 1
    @Option(name: .long, help: "Drop features seen fewer times than this.") var minCount: Int = 2
    @Option(name: .long, help: "Feature dropout rate while training.") var dropout: Double = 0.1
    @Option(name: .long, help: "Training runs (shuffles, dropout masks) whose weights are averaged.")
    var runs: Int = 5
    @Option(name: .long, help: "Margin of loss-augmented decoding while training (0: plain perceptron).")
    var margin: Float = 0
    @Option(name: .long, help: "Folds for the jackknifed training-name list and word counts (each sentence sees the other folds').")
    var jackknifeFolds: Int = 5
    @Option(name: .long, help: "Sentences per pseudo-document for the document stage (the corpus marks none).")
    var documentSentences: Int = 20
    @Flag(name: .long, help: "Also train the document stage (re-tags with how words were tagged elsewhere in the document).")
    var documentStage = false
    @Flag(name: .long, help: "Do not store the training data's names in the model as a feature list.")
    var noNameList = false
    @Flag(name: .long, help: "Do not store per-word training counts by entity type in the model.")
    var noWordStats = false
    @Flag(name: .long, help: "Read words missing from the training counts as one unknown word.")
    var unknownWords = false
    @Flag(name: .long, inversion: .prefixedNo, help: "Repeat the phrase marks around a rare word as features of their own.")
    var rareMarks = true
    @Flag(name: .long, help: "Add the usual entity type of the words at ±2 as features.")
    var wideUsual = false
    @Option(name: .long, help: "Write the held-out development sentences here (CoNLL), to score them with eval-ner.")
    var writeDev: String?
    @Option(name: .long, help: "Instead of writing a model: K-fold cross-validation over contiguous blocks (prints each fold's FB1 and the mean).")
    var crossValidate: Int?
    @Flag(name: .long, help: "With --cross-validate: train two folds at a time.") var parallel = false
    @Option(name: .long, help: "With --cross-validate: write every block's TOKEN GOLD PRED lines here (out-of-fold predictions).")
    var predictions: String?
    @Option(name: .long, help: "Per entity type, a score added to its tags on every token: ORG=1.5,MISC=2 (trades precision for recall).")
    var entityBias: String?
    @Option(name: .long, help: "With --cross-validate: entity biases to try on every fold's model, each type's values crossed: ORG=0,1,2;MISC=0,2.")
    var biasGrid: String?
    @Flag(name: .long, help: "No progress on stderr.") var quiet = false

    /// "ORG=1.5,MISC=2" → [ORG: 1.5, MISC: 2].
    static func bias(_ text: String) throws -> [String: Float] {
        var bias: [String: Float] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=")
            guard parts.count == 2, let value = Float(parts[1]) else { throw ValidationError("--entity-bias: cannot read '\(item)' (TYPE=NUMBER)") }
            bias[String(parts[0])] = value
        }
        return bias
    }

    /// "ORG=0,1;MISC=0,2" → every combination of the values.
    static func grid(_ text: String) throws -> [[String: Float]] {
        var grid: [[String: Float]] = [[:]]
        for item in text.split(separator: ";") {
            let parts = item.split(separator: "=")
            let values = parts.count == 2 ? parts[1].split(separator: ",").compactMap { Float($0) } : []
            guard !values.isEmpty else { throw ValidationError("--bias-grid: cannot read '\(item)' (TYPE=N,N,...)") }
            grid = grid.flatMap { bias in values.map { v in bias.merging([String(parts[0]): v]) { $1 } } }
        }
        return grid
    }

    func validate() throws {
        if output == nil && crossValidate == nil { throw ValidationError("give -o MODEL (or --cross-validate K)") }
    }

    func run() throws {
        let corpus = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: conll))
        var options = NERTrainer.Options()
        options.epochs = epochs
        options.devFraction = devFraction
        options.seed = seed
        options.minimumCount = minCount
        options.dropout = dropout
        options.margin = margin
        options.runs = runs
        options.nameList = !noNameList
        options.wordStats = !noWordStats
        options.unknownWords = unknownWords
        options.rareMarks = rareMarks
        options.wideUsual = wideUsual
        options.documentSentences = documentSentences
        options.documentStage = documentStage
        options.folds = jackknifeFolds
        if let entityBias { options.entityBias = try TrainNER.bias(entityBias) }
        let quiet = self.quiet
        let log: @Sendable (String) -> Void = { line in
            if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        if let k = crossValidate {
            let grid = try biasGrid.map(TrainNER.grid) ?? []
            let folds = NERCrossValidation.run(corpus: corpus, folds: k, options: options, documentSentences: 0,
                                               parallel: parallel, biasGrid: grid, log: log)
            print(NERCrossValidation.summary(folds), terminator: "")
            if !grid.isEmpty { print(NERCrossValidation.gridSummary(folds, grid: grid), terminator: "") }
            if let predictions {
                try NERCrossValidation.predictionLines(folds).write(toFile: predictions, atomically: true, encoding: .utf8)
            }
            return
        }
        guard let output else { return }
        let result = NERTrainer.train(corpus: corpus, options: options, log: log)
        try result.modelData.write(to: URL(fileURLWithPath: output))
        if let writeDev {
            try NERTrainer.developmentSplit(corpus, fraction: devFraction).write(toFile: writeDev, atomically: true, encoding: .utf8)
        }
        if !quiet {
            FileHandle.standardError.write(Data("wrote \(output) (\(result.modelData.count) bytes)\n".utf8))
        }
    }
}
