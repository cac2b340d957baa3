import ArgumentParser
import Foundation
import RasdKit

/// `rasd train-events`: trains the event-confidence model (`EventConfidence`) on the annotated training texts
/// (Resources/events/training/README.md) and writes the binary model.
struct TrainEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-events",
        abstract: "Train the event-confidence model (averaged perceptron over the rules' events) on annotated text."
    )

    @Option(name: .long, help: "ANERCorp CoNLL file whose sentences anercorp_events.tsv annotates.")
    var conll = "../shared/data/anercorp/train.conll"
    @Option(name: .long, help: "Folder of seed articles (left out when missing).") var seeds = "../shared/seeds"
    @Option(name: .long, help: "The seeds' metadata (JSONL).") var seedsMeta = "../shared/seeds/meta.jsonl"
    @Option(name: .long, help: "The seeds' exhaustive event reference.") var seedsReference = "eval/newsref/seeds/reference.json"
    @Option(name: [.customShort("o"), .long], help: "Where to write the model.")
    var output = "Sources/RasdKit/Resources/events/confidence.model"
    @Option(name: .long, help: "Training passes.") var epochs = 10
    @Option(name: .long, help: "Folds of the cross-validation that fits the probability curve.") var folds = 5
    @Option(name: .long, help: "Also write each training event, its label and its out-of-fold confidence here (TSV).")
    var labels: String?
    @Flag(name: .long, help: "No progress on stderr.") var quiet = false

    func run() throws {
        let quiet = self.quiet
        let log: (String) -> Void = { line in if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) } }
        var trainer = EventConfidenceTrainer(analyzer: try Analyzer())
        trainer.options.epochs = epochs
        trainer.options.folds = folds
        trainer.progress = log
        var examples = try trainer.anercorpExamples(conll: URL(fileURLWithPath: conll))
        examples += try trainer.writtenExamples()
        if FileManager.default.fileExists(atPath: seeds) {
            examples += try trainer.seedExamples(folder: seeds, meta: FileManager.default.fileExists(atPath: seedsMeta) ? seedsMeta : nil,
                                                 reference: URL(fileURLWithPath: seedsReference))
        } else {
            log("no seeds at \(seeds): trained without them")
        }
        let (model, outOfFold) = trainer.train(examples)
        if let labels {
            let lines = zip(examples, outOfFold).map { "\($0.0.group)\t\($0.0.correct ? "right" : "wrong")\t\(String(format: "%.3f", $0.1))\t\($0.0.summary)" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: labels, atomically: true, encoding: .utf8)
        }
        let data = model.serialized()
        try data.write(to: URL(fileURLWithPath: output))
        let correct = examples.filter(\.correct).count
        print("events: \(examples.count), right: \(correct) (\(String(format: "%.3f", Double(correct) / Double(max(1, examples.count)))))")
        print("out-of-fold, by threshold: kept, precision of kept, share of right events kept")
        for step in 0...9 {
            let x = Double(step) / 10
            let kept = zip(examples, outOfFold).filter { $0.1 >= x }
            let right = kept.filter { $0.0.correct }.count
            print(String(format: "  %.1f  %4d  %.3f  %.3f", x, kept.count, Double(right) / Double(max(1, kept.count)),
                         Double(right) / Double(max(1, correct))))
        }
        log("wrote \(output) (\(data.count) bytes)")
    }
}
