import ArgumentParser
import Foundation
import RasdBench
import RasdKit

/// `rasd bench`: throughput and peak memory of every stage, each in its own child process (RasdBench).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure every stage (throughput, peak memory) over a JSONL file; --growth for 0.1×…100× inputs.")

    @Option(help: "JSONL input (a folder of .html pages for the html stage).")
    var input: String = "../shared/data/saudinewsnet/sample.jsonl"

    @Option(help: "all, or a comma-separated list of: \(BenchStage.allCases.map(\.rawValue).joined(separator: ", ")).")
    var stage: String = "all"

    @Option(help: "Passes per stage, the best counts (default: 3; 1 for analyze and ingest; 1 with --growth).")
    var `repeat`: Int?

    @Flag(help: "Cost per unit at growing input sizes: text stages 1×, 10×, 100×; the others 0.1×, 1×, 10×.")
    var growth = false

    @Option(help: "Folder for the growth inputs and the stores (default: a new temporary folder, removed after).")
    var workDir: String?

    @Flag(help: "Print the results as JSON on stdout.")
    var json = false

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Option(help: "Write generated HTML pages (and truth.jsonl) made from --input into this folder, then stop.")
    var writePages: String?

    @Option(help: "How many pages --write-pages makes.")
    var pages: Int = HTMLStage.generatedPages

    @Option(help: "html stage: write the extracted articles (JSONL: id, title, text) to this file.")
    var extracted: String?

    @Option(help: "Write the growth input at --scale times --input (as --growth makes it) to this file, then stop.")
    var writeGrowth: String?

    @Option(help: ArgumentHelp("Time adding one article to a resolved collection of each of these sizes (comma-separated, e.g. 2000,20000,100000); --input needs that many articles and --added more.", valueName: "sizes"))
    var addOne: String?

    @Option(help: "With --add-one: articles added one at a time per size (the mean is reported).")
    var added = 5

    @Option(help: "With --add-one: cores for the per-article stages of the collection (default: the cores this process may use).")
    var jobs = ArticleRunner.availableCores

    @Flag(help: .hidden) var child = false
    @Option(help: "With --write-growth: the scale (10 for ten times the input).") var scale: Double = 1

    func run() async throws {
        let say: (String) -> Void = { message in if !quiet { FileHandle.standardError.write(Data((message + "\n").utf8)) } }
        guard let stages = BenchStage.parseList(stage) else { throw ValidationError("unknown stage in --stage \(stage)") }
        if let folder = writePages {
            let written = try BenchPages.write(from: input, count: pages, to: folder)
            say("bench: \(written) pages and truth.jsonl written to \(folder)")
            return
        }
        if let file = writeGrowth {
            let written = try GrowthInput.write(from: input, scale: scale, to: file)
            say("bench: \(written.records) records (\(written.bytes) bytes) written to \(file)")
            return
        }
        if let addOne {
            let sizes = addOne.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 1 }), added >= 1 else {
                throw ValidationError("--add-one takes sizes such as 2000,20000 and --added at least 1")
            }
            let rows = try await AddOneBench.run(input: input, sizes: sizes, added: added, jobs: max(1, jobs), progress: say)
            print(AddOneBench.table(rows, added: added))
            return
        }
        let ownWorkDir = workDir == nil
        let dir = workDir ?? NSTemporaryDirectory() + "rasd-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if child {
            let result = try BenchRunner.runHere(stages[0], input: input, scale: scale, repeatCount: `repeat` ?? stages[0].defaultRepeat,
                                                 workDir: dir, extractedTo: extracted, progress: say)
            print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
            return
        }
        defer { if ownWorkDir { try? FileManager.default.removeItem(atPath: dir) } }
        guard FileManager.default.fileExists(atPath: input) else { throw ValidationError("cannot read \(input)") }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var runner = BenchRunner(executable: executable, input: input, repeatCount: `repeat`, workDir: dir, progress: say)
        runner.extractedTo = extracted
        runner.quietChildren = quiet
        let results = growth ? try runner.growth(stages) : try runner.run(stages)
        if json {
            print(try BenchReport.json(results))
        } else {
            print(BenchReport.table(results))
            if growth { print("\n" + BenchReport.growth(results)) }
        }
    }
}
