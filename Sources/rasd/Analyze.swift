import ArgumentParser
import Foundation
import RasdKit

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse articles (.txt, .html, .jsonl files or folders of them) into one report.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, md, csv }

    @Argument(help: "Article files or folders.")
    var paths: [String]

    @Option(help: "JSONL metadata: one {\"id\", \"published\", \"source\"} object per line.")
    var meta: String?

    @Option(help: "Output format: json (default), md (a report to read) or csv (events, GDELT-like).")
    var format: Format = .json

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Resolve dates with no year and no tense word to the past (default) or the future.")
    var preferDatesFrom: String = "past"

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func run() throws {
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
        let collector = InputCollector(excluded: Set([meta].compactMap { $0 }))
        let listing = collector.files(in: paths)
        problems += listing.problems
        var articles: [SourceArticle] = []
        for file in listing.files {
            let read = collector.read(file: file)
            problems += read.problems
            articles += read.articles.map { metadata[$0.id]?.applied(to: $0) ?? $0 }
        }
        for problem in problems { progress.warn(problem.description) }

        var options = Analyzer.Options()
        options.preferDates = prefer
        let analyzer = try Analyzer(options: options)
        let analysis = analyzer.analyze(articles, problems: problems) { done, total in
            progress.update(done, of: total)
        }
        progress.finish()

        let data: Data
        switch format {
        case .json: data = try JSONOutput.encode(analysis)
        case .md: data = Data(MarkdownReport.render(analysis).utf8)
        case .csv: data = Data(EventCSV.render(analysis).utf8)
        }
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(data)
        }
        if problems.contains(where: { $0.isFatalForPath }) {
            throw ExitCode(1)
        }
    }
}
