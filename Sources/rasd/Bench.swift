import ArgumentParser
import Foundation
import RasdKit

/// `rasd bench`: throughput of the text core over real text, on one thread.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure text-core throughput (MB/s, tokens/s) over the `text` fields of a JSONL file.")

    @Option(name: .long, help: "JSONL input with a `text` field per line.")
    var input: String = "../shared/data/saudinewsnet/sample.jsonl"

    @Option(name: .long, help: "all, normalize, tokenize, numbers or dates.")
    var stage: String = "all"

    @Option(name: .long, help: "Passes over the input for each stage (the best pass is reported).")
    var `repeat`: Int = 3

    @Flag(name: .long, help: "No progress on stderr.")
    var quiet = false

    func run() throws {
        guard let stages = TextBenchmark.Stage.parse(stage) else {
            throw ValidationError("--stage must be all, normalize, tokenize, numbers or dates")
        }
        guard let data = FileManager.default.contents(atPath: input) else {
            throw ValidationError("cannot read \(input)")
        }
        let texts = TextBenchmark.texts(fromJSONL: data)
        if !quiet { FileHandle.standardError.write("bench: \(texts.count) texts from \(input)\n".data(using: .utf8)!) }
        for s in stages {
            let result = TextBenchmark.run(s, texts: texts, repeat: max(1, `repeat`)) { pass, seconds in
                if !quiet { FileHandle.standardError.write("bench: \(s.rawValue) pass \(pass): \(String(format: "%.3f", seconds)) s\n".data(using: .utf8)!) }
            }
            print(result.summary)
        }
    }
}
