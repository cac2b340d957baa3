import Foundation

/// JSON Lines feeds (`.jsonl`): one article per line with fields `id`, `text` or `html`, `title`,
/// `published` (ISO date, timestamp or Unix time), `source` and `url`. A broken line or a record without
/// text is reported as `FILE:LINE: reason` and skipped; the other lines are still read.
package struct JSONLReader: ArticleReader {
    package var html: HTMLReader
    /// Threads that decode the lines of a piece (`--jobs`); the records come out in line order whatever the number.
    package var jobs: Int

    package init(html: HTMLReader = HTMLReader(), jobs: Int = 1) {
        self.html = html
        self.jobs = max(1, jobs)
    }
    package var extensions: Set<String> { ["jsonl"] }

    package func read(_ data: Data, path: String) -> (articles: [SourceArticle], problems: [InputProblem]) {
        guard let bytes = JSONLReader.utf8Bytes(data, path: path) else {
            // Not UTF-8 bytes line by line: decode the whole file (UTF-16, windows-1256) or give up.
            switch TextDecoding.decode(data, path: path) {
            case .failure(let problem): return ([], [problem])
            case .success(let text): return read(lines: Data(text.utf8), path: path)
            }
        }
        return read(lines: bytes, path: path)
    }

    /// The bytes to split into lines when they are UTF-8 (BOM dropped), nil when the whole file needs decoding.
    static func utf8Bytes(_ data: Data, path: String) -> Data? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.isEmpty { return nil }
        if TextDecoding.binaryProblem(data) != nil { return nil }
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        // windows-1256 throughout: decode as a whole. Otherwise bad bytes are reported line by line.
        if String(validatingUTF8Bytes: body.prefix(TextDecoding.sampleSize * 4)) == nil,
           Windows1256.shared.looksLikeArabic(body.prefix(TextDecoding.sampleSize)),
           String(validatingUTF8Bytes: body) == nil { return nil }
        return Data(body)
    }

    /// Reads UTF-8 lines (a whole file or a piece of one cut at a line end); `linesBefore` is the number of
    /// lines of the file before this piece, so locations keep the file's line numbers.
    /// `reportEmpty`: a piece with no record at all is a problem (off for the pieces of a chunked file).
    package func read(lines data: Data, path: String, linesBefore: Int = 0, reportEmpty: Bool = true) -> (articles: [SourceArticle], problems: [InputProblem]) {
        var articles: [SourceArticle] = []
        var problems: [InputProblem] = []
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        // The lines with their numbers first, then their records (on `jobs` threads), kept in line order.
        var lines: [(number: Int, range: Range<Data.Index>)] = []
        var lineNumber = linesBefore
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            lineNumber += 1
            var line = start..<end
            start = end < data.endIndex ? end + 1 : end
            if line.upperBound > line.lowerBound, data[line.upperBound - 1] == 0x0D { line = line.lowerBound..<(line.upperBound - 1) }
            if data[line].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            lines.append((lineNumber, line))
        }
        let found = lines
        let one: @Sendable (Int) -> Result<SourceArticle, InputProblem> = { [self] k in
            record(data[found[k].range], location: "\(path):\(found[k].number)", fallbackID: "\(stem):\(found[k].number)")
        }
        let results: [Result<SourceArticle, InputProblem>]
        if jobs > 1, lines.count > 1 {
            let slots = Locked([Result<SourceArticle, InputProblem>?](repeating: nil, count: found.count))
            let threads = min(jobs, found.count)
            DispatchQueue.concurrentPerform(iterations: threads) { j in
                var done: [(Int, Result<SourceArticle, InputProblem>)] = []
                for k in stride(from: j, to: found.count, by: threads) { done.append((k, one(k))) }
                slots.withLock { for (k, r) in done { $0[k] = r } }
            }
            results = slots.withLock { $0.map { $0! } }
        } else {
            results = found.indices.map(one)
        }
        for result in results {
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let problem): problems.append(problem)
            }
        }
        if articles.isEmpty && problems.isEmpty && reportEmpty {
            problems.append(JSONLReader.emptyFeed(path))
        }
        return (articles, problems)
    }

    static func emptyFeed(_ path: String) -> InputProblem {
        InputProblem(location: path, reason: "no records (only blank lines)")
    }

    /// One line as an article.
    package func record(_ line: Data, location: String, fallbackID: String) -> Result<SourceArticle, InputProblem> {
        func fail(_ reason: String) -> Result<SourceArticle, InputProblem> {
            .failure(InputProblem(location: location, reason: reason))
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            let valid = String(validatingUTF8Bytes: line) != nil
            return fail(valid ? "invalid JSON (\(JSONLReader.short(error)))" : "invalid JSON (not UTF-8)")
        }
        guard let object = value as? [String: Any] else { return fail("not a JSON object") }
        func string(_ key: String) -> String? {
            switch object[key] {
            case let s as String: return s.isEmpty ? nil : s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        let id = string("id") ?? fallbackID
        var article: SourceArticle
        if let text = object["text"] as? String, JSONLReader.hasVisibleText(text) {
            article = SourceArticle(id: id, text: text, origin: location)
        } else if let page = object["html"] as? String, !page.isEmpty {
            switch html.article(html: page, id: id, origin: location) {
            case .success(let a): article = a
            case .failure(let problem): return .failure(problem)
            }
        } else if object["text"] != nil || object["html"] != nil {
            return fail("empty article (no text in 'text' or 'html')")
        } else {
            return fail("record has neither 'text' nor 'html'")
        }
        if let title = string("title") { article.title = HTMLEntities.decode(title) }
        if let date = PartialDate.published(json: object["published"]) { article.published = date }
        if let source = string("source") { article.source = source }
        if let url = string("url") { article.url = url }
        return .success(article)
    }

    /// True when the text has anything but white space (cheap: stops at the first letter).
    static func hasVisibleText(_ text: String) -> Bool {
        for s in text.unicodeScalars {
            switch s.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: continue
            case 0x21..<0x80: return true
            default: if !s.properties.isWhitespace { return true }
            }
        }
        return false
    }

    /// Foundation's JSON errors are long; keep the first clause.
    static func short(_ error: Error) -> String {
        let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return String(message.prefix(120))
    }
}
