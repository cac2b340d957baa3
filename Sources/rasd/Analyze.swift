import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RasdKit
import RasdPostgres
import RasdStore

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse articles (.txt, .html, .jsonl files or folders of them) into one report.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, md, csv }

    @Argument(help: "Article files or folders.")
    var paths: [String] = []

    @Option(help: "Analyse the articles stored here instead (SQLite file or postgres:// URL) and save the analysis in it.")
    var db: String?

    @Option(help: "JSONL metadata: one {\"id\", \"published\", \"source\"} object per line.")
    var meta: String?

    @Option(help: "Output format: json (default), md (a report to read) or csv (events, GDELT-like).")
    var format: Format = .json

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Resolve dates with no year and no tense word (in a sentence with no tense either) to the past (default) or the future.")
    var preferDatesFrom: String = "past"

    @Option(help: "Articles analysed at once (default: the cores this process may use).")
    var jobs: Int = ArticleRunner.availableCores

    @Flag(help: "Say how each event and entity mention was found: the trigger's row, the rule (source line) behind each participant, date and link, and why reports were merged (fields `explain`).")
    var explain = false

    @Option(help: "Leave out event reports whose learned confidence (field `confidence`, 0 to 1) is below this (default: chosen on eval/newsref/dev; 0 keeps every event).")
    var minConfidence: Double = Analyzer.defaultMinConfidence

    @Option(help: "With --db: article records computed between two writes to the store (one transaction each).")
    var batchSize: Int = 100

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        if db == nil && paths.isEmpty { throw ValidationError("give article files or folders, or --db") }
        if db != nil && !paths.isEmpty { throw ValidationError("give article files or --db, not both") }
        if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence takes a number from 0 to 1") }
        if jobs < 1 { throw ValidationError("--jobs takes a number of at least 1, not \(jobs)") }
        if batchSize < 1 { throw ValidationError("--batch-size takes a number of at least 1, not \(batchSize)") }
    }

    func run() async throws {
        #if canImport(Glibc)
        // The records are made on the worker threads and kept until the resolve: glibc gives each thread an arena
        // of its own, and the freed memory left in them raised the peak by about 100 MiB at 49,040 articles
        // (BENCHMARKS.md). One arena holds the peak down at no measurable cost in time. So does a fixed threshold
        // for the allocations glibc maps on their own: by default it rises to the largest block freed (up to
        // 32 MiB), after which the resolve's big lists, grown and let go, stay in the heap as unused pages.
        Self.tuneMalloc()
        #endif
        guard let prefer = DatePreference(rawValue: preferDatesFrom) else {
            throw ValidationError("--prefer-dates-from takes past or future, not \(preferDatesFrom)")
        }
        let progress = Progress(quiet: quiet, noun: "articles")
        var problems: [InputProblem] = []
        var metadata: [String: ArticleMetadata] = [:]
        if let meta {
            let loaded = ArticleMetadata.load(path: meta)
            metadata = loaded.entries
            problems += loaded.problems
        }
        var store: OpenedStore?
        if let db {
            let location: StoreLocation
            do { location = try StoreLocation(db) } catch { throw ValidationError("\(error)") }
            if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("no store at \(db) (create it with `rasd ingest ... --db \(db)`)")
            }
            store = try await location.open()
        }
        do {
            try await analyze(store: store?.repository, prefer: prefer, progress: progress, problems: problems, metadata: metadata)
            await store?.close()
        } catch {
            await store?.close()
            throw error
        }
    }

    private func analyze(store: (any ArticleRepository)?, prefer: DatePreference, progress: Progress,
                         problems: [InputProblem], metadata: [String: ArticleMetadata]) async throws {
        var problems = problems
        var options = Analyzer.Options()
        options.preferDates = prefer
        options.explain = explain
        options.minConfidence = minConfidence
        let analyzer = try Analyzer(options: options)
        var analysis = Analysis()
        // With --db: the analysis as JSON, encoded once for the store and the output (or, with nothing new since
        // the store's newest analysis, that analysis as stored).
        var storedJSON: Data?
        var spill: AnalysisSpill?
        if let store {
            // Incremental: records only for articles without a valid stored one, then the resolve from all.
            for problem in problems { progress.warn(problem.description) }
            var incremental = IncrementalAnalysis(analyzer: analyzer, jobs: jobs)
            incremental.batchSize = batchSize
            incremental.loadsUnchanged = false
            incremental.returnsJSON = format == .json
            let (made, report) = try await incremental.run(
                store, prepare: { metadata[$0.id]?.applied(to: $0) ?? $0 }, problems: problems, progress: { done, total in
                progress.update(done, of: total)
            })
            progress.finish()
            if !quiet {
                progress.warn("rasd analyze: \(report.articles) stored articles, \(report.computed) analysed, "
                              + "\(report.reused) from stored records"
                              + (report.resolved ? "" : "; nothing new since the stored analysis, kept"))
            }
            if report.resolved {
                for problem in made.problems.dropFirst(problems.count) { progress.warn("\(problem.location): \(problem.reason)") }
                analysis = made
            } else if format != .json, let json = try await store.latestAnalysisJSON() {
                analysis = try JSONDecoder().decode(Analysis.self, from: json)
            }
            storedJSON = report.json
        } else {
            let collector = InputCollector(readers: InputCollector.defaultReaders(jobs: jobs), excluded: Set([meta].compactMap { $0 }))
            let listing = collector.files(in: paths)
            problems += listing.problems
            for problem in problems { progress.warn(problem.description) }
            // Streamed: the files are read twice, a chunk of lines at a time (the outlets' repeated lines first,
            // then the records), so no more than a chunk of input text is held however large the input.
            var found: [InputProblem] = []
            // The documents' bodies, dates and quotes wait in temporary files until the JSON is written (the report
            // formats read them from the analysis).
            spill = format == .json ? try AnalysisSpill() : nil
            analysis = await analyzer.analyze(reading: {
                collector.pieces(files: listing.files) { metadata[$0.id]?.applied(to: $0) ?? $0 }
            }, problems: problems, jobs: jobs, spill: spill, found: { problem in
                progress.warn(problem.description)
                found.append(problem)
            }) { done, total in
                progress.update(done, of: total)
            }
            progress.finish()
            problems += found
        }

        switch format {
        case .json:
            if let storedJSON {
                if let output {
                    try storedJSON.write(to: URL(fileURLWithPath: output))
                } else {
                    FileHandle.standardOutput.write(storedJSON)
                }
            // Streamed: the JSON of a large collection is never held whole.
            } else if let output {
                try JSONOutput.write(analysis, jobs: jobs, spill: spill, toFile: output)
            } else {
                try JSONOutput.write(analysis, jobs: jobs, spill: spill) { FileHandle.standardOutput.write($0) }
            }
        case .md, .csv:
            let data = Data((format == .md ? MarkdownReport.render(analysis) : EventCSV.render(analysis)).utf8)
            if let output {
                try data.write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
        if problems.contains(where: { $0.isFatalForPath }) {
            throw ExitCode(1)
        }
    }
}

#if canImport(Glibc)
extension Analyze {
    /// `mallopt(M_ARENA_MAX, 1)` and `mallopt(M_MMAP_THRESHOLD, 1 MiB)`, looked up at run time: Glibc's Swift
    /// module leaves out <malloc.h>.
    static func tuneMalloc() {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8, mmapThreshold: Int32 = -3   // M_ARENA_MAX, M_MMAP_THRESHOLD in <malloc.h>
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(arenaMax, 1)
        _ = mallopt(mmapThreshold, 1 << 20)
    }
}
#endif
