import Foundation
import RasdKit

/// The HTML reader (parse, find the article, metadata) over pages: the `.html` files of a folder, or pages
/// generated (`HTMLPages`, fixed seed) from the first articles of a JSONL file.
package enum HTMLStage {
    /// Pages generated from a JSONL input when no folder is given.
    package static let generatedPages = 1000

    package static func run(input: String, scale: Double, repeatCount: Int, extractedTo dump: String? = nil) throws -> StageResult {
        let t0 = Measure.wallSeconds()
        let pages = try load(input)
        let reader = HTMLReader()
        _ = reader.read(pages[0].data, path: pages[0].name)
        let setup = Measure.wallSeconds() - t0
        let baseline = Measure.residentBytes()
        var best = Measure.Pass(cpu: .infinity, wall: .infinity)
        var extracted: [SourceArticle] = []
        for _ in 0..<max(1, repeatCount) {
            var out: [SourceArticle] = []
            out.reserveCapacity(pages.count)
            let pass = Measure.processPass {
                for page in pages { out += reader.read(page.data, path: page.name).articles }
            }
            if pass.cpu < best.cpu { best = pass }
            extracted = out
        }
        if let dump { try write(extracted, to: dump) }
        return StageResult(stage: .html, scale: scale, input: input, articles: pages.count,
                           bytes: pages.reduce(0) { $0 + $1.data.count }, passes: max(1, repeatCount),
                           cpuSeconds: best.cpu, wallSeconds: best.wall, baselineRSSBytes: baseline,
                           peakRSSBytes: Measure.peakResidentBytes(), setupSeconds: setup,
                           note: "\(extracted.count) articles extracted; MB/s counts HTML bytes")
    }

    /// Page files of a folder, or generated pages for a JSONL file.
    static func load(_ input: String) throws -> [(name: String, data: Data)] {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: input).filter { $0.hasSuffix(".html") }.sorted()
            let pages = names.compactMap { name in
                FileManager.default.contents(atPath: input + "/" + name).map { (name: name, data: $0) }
            }
            if pages.isEmpty { throw BenchError.noArticles(input) }
            return pages
        }
        var articles: [SourceArticle] = []
        InputCollector().read(file: input, chunkBytes: 4 << 20) { read, _ in
            if articles.count < 3 * generatedPages { articles += read }
        }
        let pages = try HTMLPages().pages(from: articles, count: generatedPages)
        if pages.isEmpty { throw BenchError.noArticles(input) }
        return pages.map { (name: $0.id + ".html", data: Data($0.html.utf8)) }
    }

    /// One JSON object per article: id, title, text (for scoring the extraction outside Rasd).
    static func write(_ articles: [SourceArticle], to path: String) throws {
        var out = Data()
        for a in articles {
            out.append(try JSONSerialization.data(withJSONObject: ["id": a.id, "title": a.title ?? "", "text": a.text], options: [.sortedKeys]))
            out.append(UInt8(ascii: "\n"))
        }
        try out.write(to: URL(fileURLWithPath: path))
    }
}

/// `rasd bench --write-pages`: the generated pages as files, for other tools to read.
package enum BenchPages {
    package static func write(from input: String, count: Int, to folder: String) throws -> Int {
        var articles: [SourceArticle] = []
        InputCollector().read(file: input, chunkBytes: 4 << 20) { read, _ in
            if articles.count < 3 * count { articles += read }
        }
        let pages = try HTMLPages().pages(from: articles, count: count)
        if pages.isEmpty { throw BenchError.noArticles(input) }
        try HTMLPages.write(pages, to: folder)
        return pages.count
    }
}
