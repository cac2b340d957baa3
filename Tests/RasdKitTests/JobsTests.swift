import Foundation
import XCTest
@testable import RasdKit

/// Several articles at a time (`--jobs`): the same analysis, byte for byte, as one at a time; and the JSON
/// streamed to a file is the JSON encoded whole.
final class JobsTests: XCTestCase {
    static let analyzer = try! Analyzer()

    func assertJobsAgree(_ articles: [SourceArticle], file: StaticString = #filePath, line: UInt = #line) async throws {
        XCTAssertGreaterThan(articles.count, 1, file: file, line: line)
        let sequential = try JSONOutput.encode(Self.analyzer.analyze(articles))
        for jobs in [1, 4] {
            var reported: [Int] = []
            let analysis = await Self.analyzer.analyze(articles, jobs: jobs) { done, total in
                XCTAssertEqual(total, articles.count)
                reported.append(done)
            }
            XCTAssertEqual(reported, Array(1...articles.count), "progress once per article, in order", file: file, line: line)
            let json = try JSONOutput.encode(analysis)
            XCTAssertEqual(String(decoding: json, as: UTF8.self), String(decoding: sequential, as: UTF8.self),
                           "--jobs \(jobs) differs from one article at a time", file: file, line: line)
        }
    }

    func testExamplesSameWithFourJobs() async throws {
        try await assertJobsAgree(ExamplesTests.articles())
    }

    func testSeedsSameWithFourJobs() async throws {
        try await assertJobsAgree(try SeedsTests.seedArticles())
    }

    /// A collection streamed from a file in small pieces (read twice: the repeated lines, then the records), with
    /// ids repeated across pieces, is the analysis of the file read whole.
    func testStreamedPiecesAreTheWholeFile() async throws {
        var records = try ExamplesTests.articles().map { a -> [String: String] in
            ["id": a.id, "text": a.text, "title": a.title ?? "", "source": a.source ?? "outlet"]
        }
        records.append(records[0])                                            // the same article again: dropped
        records.append(["id": records[1]["id"]!, "text": "نص آخر عن زيارة الوزير."])   // other text: renamed
        records.append(["id": records[1]["id"]! + "~2", "text": "خبر ثالث."])   // the rename's first choice, taken
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-pieces-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data((lines.joined(separator: "\n") + "\n{broken\n").utf8).write(to: file)

        let collector = InputCollector()
        let whole = collector.read(file: file.path)
        let expected = await Self.analyzer.analyze(whole.articles, problems: whole.problems, jobs: 1)
        XCTAssertEqual(expected.problems.count, 3, "\(expected.problems)")
        var passes = 0, found: [String] = []
        let streamed = await Self.analyzer.analyze(reading: { () -> [InputPiece] in
            passes += 1
            return Array(collector.pieces(files: [file.path], chunkBytes: 1_500))
        }, jobs: 2, found: { found.append($0.location) })
        XCTAssertEqual(passes, 2)
        XCTAssertEqual(found, expected.problems.map(\.location))
        XCTAssertGreaterThan(Array(collector.pieces(files: [file.path], chunkBytes: 1_500)).count, 3, "read in several pieces")
        XCTAssertEqual(String(decoding: try JSONOutput.encode(streamed), as: UTF8.self),
                       String(decoding: try JSONOutput.encode(expected), as: UTF8.self))

        // The bodies, dates and quotes spilled to temporary files while resolving, read back as the JSON is written:
        // the same bytes, on one thread and on several.
        let spill = try AnalysisSpill()
        let spilled = await Self.analyzer.analyze(reading: { Array(collector.pieces(files: [file.path], chunkBytes: 1_500)) },
                                                  jobs: 2, spill: spill)
        XCTAssertEqual(spill.bodies.count, expected.documents.count)
        XCTAssertEqual(spill.dates.count, expected.dates.count)
        XCTAssertEqual(spill.quotes.count, expected.quotes.count)
        XCTAssertTrue(spilled.dates.isEmpty && spilled.quotes.isEmpty && !expected.dates.isEmpty && !expected.quotes.isEmpty)
        // The event reports' sentences wait in the spill too: the merged events hold only their rows.
        let reports = spilled.events.flatMap(\.mentions)
        XCTAssertFalse(reports.isEmpty)
        XCTAssertTrue(reports.allSatisfy { $0.text.isEmpty && $0.textRow != nil })
        XCTAssertGreaterThanOrEqual(spill.eventTexts.count, reports.count)
        // So do the quantities; those an event involves are kept apart with it.
        XCTAssertTrue(spilled.quantities.isEmpty)
        XCTAssertEqual(spill.quantities.count, expected.quantities.count)
        XCTAssertEqual(spill.linkedQuantities.count, expected.quantities.count(where: { $0.event != nil }))
        XCTAssertFalse(spill.linkedQuantities.isEmpty)
        XCTAssertTrue(spilled.documents.contains { $0.body.count < 200 } && expected.documents.contains { $0.body.count > 200 },
                      "only the first words stay in memory")
        for jobs in [1, 3] {
            var written = Data()
            try JSONOutput.write(spilled, jobs: jobs, spill: spill) { written.append($0) }
            XCTAssertEqual(String(decoding: written, as: UTF8.self), String(decoding: try JSONOutput.encode(expected), as: UTF8.self),
                           "spilled, \(jobs) jobs")
        }
    }

    /// The spill's files have no name once open (nothing is left behind by an interrupted run), and read back what
    /// was appended, in order, in chunks of any size.
    func testSpillFilesLeaveNothingBehind() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spill = try AnalysisSpill(directory: dir)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        let items = (0..<3000).map { String(repeating: "نص\($0) ", count: $0 % 700) }
        for item in items { spill.bodies.append(item) }
        var reader = try spill.bodies.reader()
        for item in items { XCTAssertEqual(try reader.readString(), item) }
        XCTAssertThrowsError(try { var r = try spill.dates.reader(); _ = try r.read() }(), "an empty file has no item")
    }

    /// Texts read back by row in any order: from the file, and from the pending buffer not yet written.
    func testTextRowsReadBackInAnyOrder() throws {
        let rows = try TextRows()
        let texts = (0..<40_000).map { String(repeating: "جملة\($0) ", count: $0 % 9) }
        for (k, text) in texts.enumerated() { XCTAssertEqual(rows.append(text), k) }
        XCTAssertEqual(rows.count, texts.count)
        for k in [39_999, 0, 7, 20_000, 1, 39_998, 12_345] { XCTAssertEqual(rows.text(k), texts[k]) }
        XCTAssertEqual(rows.text(9), "", "an empty text is a row")
    }

    /// A spilled body keeps its first eight words as the story step splits them.
    func testSpilledBodyLead() {
        XCTAssertEqual(AnalysisSpill.lead("واحد  اثنان\nثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة"),
                       "واحد  اثنان\nثلاثة أربعة خمسة ستة سبعة ثمانية")
        XCTAssertEqual(AnalysisSpill.lead("كلمتان فقط"), "كلمتان فقط")
        XCTAssertEqual(AnalysisSpill.lead(""), "")
    }

    /// Results come back in input order although later items finish first, and no more than `jobs` run at once.
    func testRunnerKeepsOrderAndBound() async {
        final class Gauge: @unchecked Sendable {
            let lock = NSLock()
            var running = 0, most = 0
            func enter() { lock.lock(); running += 1; most = max(most, running); lock.unlock() }
            func leave() { lock.lock(); running -= 1; lock.unlock() }
        }
        let gauge = Gauge()
        var seen: [Int] = []
        await ArticleRunner(jobs: 3).run(40, { i in
            gauge.enter()
            // Early items take longest, so they finish after later ones.
            usleep(UInt32((40 - i) % 7) * 2_000)
            gauge.leave()
            return i * i
        }) { i, square in
            XCTAssertEqual(square, i * i)
            seen.append(i)
        }
        XCTAssertEqual(seen, Array(0..<40))
        XCTAssertLessThanOrEqual(gauge.most, 3)
        XCTAssertGreaterThan(gauge.most, 1, "the items ran concurrently")
    }

    func testAllowedCoresFromProcStatus() {
        XCTAssertEqual(ArticleRunner.allowedCores(status: "Name:\trasd\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n"), 2)
        XCTAssertEqual(ArticleRunner.allowedCores(status: "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n"), 1)
        XCTAssertEqual(ArticleRunner.allowedCores(status: "Cpus_allowed:\tff,ffffffff\n"), 40)
        XCTAssertNil(ArticleRunner.allowedCores(status: "Name:\trasd\n"))
        XCTAssertGreaterThanOrEqual(ArticleRunner.availableCores, 1)
    }

    /// JSONL lines decoded on several threads give the same records and problems, in line order.
    func testJSONLLinesSameOnSeveralThreads() {
        var lines: [String] = []
        for k in 1...40 {
            switch k % 7 {
            case 3: lines.append("{broken")
            case 5: lines.append("")
            case 6: lines.append("{\"id\": \"n\(k)\"}")
            default: lines.append("{\"id\": \"a\(k)\", \"text\": \"نص الخبر رقم \(k) عن الزيارة.\"}")
            }
        }
        let data = Data((lines.joined(separator: "\r\n") + "\n").utf8)
        let one = JSONLReader().read(lines: data, path: "feed.jsonl", linesBefore: 10)
        for jobs in [2, 3, 8] {
            let many = JSONLReader(jobs: jobs).read(lines: data, path: "feed.jsonl", linesBefore: 10)
            XCTAssertEqual(many.articles.map(\.id), one.articles.map(\.id), "jobs \(jobs)")
            XCTAssertEqual(many.articles.map(\.text), one.articles.map(\.text))
            XCTAssertEqual(many.problems.map(\.location), one.problems.map(\.location))
        }
        XCTAssertEqual(one.articles.count, 40 - 6 - 5 - 6)
        XCTAssertEqual(one.problems.first?.location, "feed.jsonl:13")
    }

    func testStreamedJSONIsTheEncodedJSON() throws {
        for analysis in [ExamplesTests.analysis, Analysis()] {
            var streamed = Data()
            try JSONOutput.write(analysis) { streamed.append($0) }
            XCTAssertEqual(String(decoding: streamed, as: UTF8.self), String(decoding: try JSONOutput.encode(analysis), as: UTF8.self))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-stream-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            try JSONOutput.write(analysis, toFile: file.path)
            XCTAssertEqual(try Data(contentsOf: file), try JSONOutput.encode(analysis))
            // Encoded on several threads (windows smaller than the lists, so more than one), the same bytes.
            for jobs in [2, 3] {
                var parallel = Data()
                try JSONOutput.write(analysis, jobs: jobs) { parallel.append($0) }
                XCTAssertEqual(parallel, streamed, "jobs \(jobs)")
                XCTAssertEqual(try JSONOutput.encode(analysis, jobs: jobs), streamed, "encoded on \(jobs) threads")
            }
        }
    }
}
