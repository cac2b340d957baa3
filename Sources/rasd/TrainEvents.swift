import ArgumentParser
import Foundation
import RasdKit

/// `rasd train-events`: trains the event-confidence model (`EventConfidence`) and the argument-confidence model
/// (`ArgumentConfidence`) on the annotated training texts (Resources/events/training/README.md) and writes both
/// binary models.
struct TrainEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-events",
        abstract: "Train the event- and argument-confidence models (averaged perceptrons over the rules' events and their participants) on annotated text."
    )

    @Option(name: .long, help: "ANERCorp CoNLL file whose sentences anercorp_events.tsv annotates.")
    var conll = "../shared/data/anercorp/train.conll"
    @Option(name: .long, help: "Folder of seed articles (left out when missing).") var seeds = "../shared/seeds"
    @Option(name: .long, help: "The seeds' metadata (JSONL).") var seedsMeta = "../shared/seeds/meta.jsonl"
    @Option(name: .long, help: "The seeds' exhaustive event reference.") var seedsReference = "eval/newsref/seeds/reference.json"
    @Option(name: [.customShort("o"), .long], help: "Where to write the model.")
    var output = "Sources/RasdKit/Resources/events/confidence.model"
    @Option(name: .long, help: "Where to write the argument model.")
    var argumentOutput = "Sources/RasdKit/Resources/events/argument_confidence.model"
    @Option(name: .long, help: "Training passes.") var epochs = 10
    @Option(name: .long, help: "Folds of the cross-validation that fits the probability curve.") var folds = 5
    @Option(name: .long, help: "Also write each training event, its label and its out-of-fold confidence here (TSV).")
    var labels: String?
    @Option(name: .long, help: "The same for each training participant.")
    var argumentLabels: String?
    @Option(name: .long, help: "Train only this model: event or argument (default: both).") var only: String?
    @Flag(name: .long, help: "No progress on stderr.") var quiet = false

    func validate() throws {
        if let only, only != "event", only != "argument" { throw ValidationError("--only takes event or argument, not \(only)") }
    }

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
        for (kind, set, path, labelPath) in [(EventConfidenceModel.Kind.event, examples.events, output, labels),
                                             (.argument, examples.arguments, argumentOutput, argumentLabels)]
        where only == nil || only == (kind == .event ? "event" : "argument") {
            let (model, outOfFold) = trainer.train(set, kind: kind)
            if let labelPath {
                let lines = zip(set, outOfFold).map { "\($0.0.group)\t\($0.0.correct ? "right" : "wrong")\t\(String(format: "%.3f", $0.1))\t\($0.0.summary)" }
                try (lines.joined(separator: "\n") + "\n").write(toFile: labelPath, atomically: true, encoding: .utf8)
            }
            let data = model.serialized()
            try data.write(to: URL(fileURLWithPath: path))
            let name = kind == .event ? "events" : "participants"
            let correct = set.filter(\.correct).count
            print("\(name): \(set.count), right: \(correct) (\(String(format: "%.3f", Double(correct) / Double(max(1, set.count)))))")
            print("out-of-fold, by threshold: kept, precision of kept, share of right \(name) kept")
            for step in 0...9 {
                let x = Double(step) / 10
                let kept = zip(set, outOfFold).filter { $0.1 >= x }
                let right = kept.filter { $0.0.correct }.count
                print(String(format: "  %.1f  %4d  %.3f  %.3f", x, kept.count, Double(right) / Double(max(1, kept.count)),
                             Double(right) / Double(max(1, correct))))
            }
            log("wrote \(path) (\(data.count) bytes)")
        }
    }
}
