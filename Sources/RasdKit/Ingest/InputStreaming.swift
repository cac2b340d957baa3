import Foundation

extension InputCollector {
    /// Reads one file and hands its articles to `body` piece by piece: a large JSONL file is read a chunk of
    /// lines at a time (memory stays bounded however big the feed; line numbers stay the file's), other
    /// files in one piece. Files that must be decoded as a whole (UTF-16, windows-1256) are read whole.
    public func read(file path: String, chunkBytes: Int = 8 << 20,
                     _ body: (_ articles: [SourceArticle], _ problems: [InputProblem]) throws -> Void) rethrows {
        let ext = (path as NSString).pathExtension.lowercased()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard let jsonl = readers.first(where: { $0.extensions.contains(ext) }) as? JSONLReader,
              size > chunkBytes, let handle = FileHandle(forReadingAtPath: path) else {
            let whole = read(file: path)
            try body(whole.articles, whole.problems)
            return
        }
        defer { try? handle.close() }
        var pending = Data()
        var linesBefore = 0
        var first = true
        var anything = false
        while true {
            let chunk = (try? handle.read(upToCount: chunkBytes)) ?? nil
            let atEnd = chunk?.isEmpty ?? true
            if let chunk { pending.append(chunk) }
            if first {
                first = false
                // Not plain UTF-8 lines: decode the whole file instead.
                if JSONLReader.utf8Bytes(pending.prefix(TextDecoding.sampleSize), path: path) == nil {
                    let whole = read(file: path)
                    try body(whole.articles, whole.problems)
                    return
                }
                if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
            }
            // Hand over every complete line; keep the unfinished last one for the next chunk.
            let cut = atEnd ? pending.endIndex : (pending.lastIndex(of: 0x0A).map { $0 + 1 } ?? pending.startIndex)
            if cut > pending.startIndex {
                let piece = pending[pending.startIndex..<cut]
                let result = jsonl.read(lines: Data(piece), path: path, linesBefore: linesBefore, reportEmpty: false)
                anything = anything || !result.articles.isEmpty || !result.problems.isEmpty
                linesBefore += piece.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                try body(result.articles, result.problems)
                pending = Data(pending[cut...])
            }
            if atEnd {
                if !anything { try body([], [JSONLReader.emptyFeed(path)]) }
                return
            }
        }
    }
}
