import Foundation

extension InputCollector {
    /// Reads one file and hands its articles to `body` piece by piece: a large JSONL file is read a chunk of
    /// lines at a time (memory stays bounded however big the feed; line numbers stay the file's), other
    /// files in one piece. Files that must be decoded as a whole (UTF-16, windows-1256) are read whole.
    package func read(file path: String, chunkBytes: Int = 8 << 20,
                     _ body: (_ articles: [SourceArticle], _ problems: [InputProblem]) throws -> Void) rethrows {
        for piece in pieces(file: path, chunkBytes: chunkBytes) {
            try body(piece.articles, piece.problems)
        }
    }

    /// Every file's pieces in turn (see `pieces(file:chunkBytes:)`), each article passed through `prepare`
    /// (metadata applied): what `Analyzer.analyze(reading:problems:jobs:found:progress:)` reads twice.
    package func pieces(files: [String], chunkBytes: Int = 8 << 20,
                        prepare: @escaping (SourceArticle) -> SourceArticle = { $0 }) -> some Sequence<InputPiece> {
        files.lazy.flatMap { pieces(file: $0, chunkBytes: chunkBytes) }.map { piece in
            var piece = piece
            piece.articles = piece.articles.map(prepare)
            return piece
        }
    }

    /// The same pieces as a sequence, for callers that must `await` between pieces (storing a batch).
    package func pieces(file path: String, chunkBytes: Int = 8 << 20) -> FilePieces {
        FilePieces(collector: self, path: path, chunkBytes: chunkBytes)
    }
}

/// Articles read from one piece of input (a chunk of a file's lines, or a whole file) and the problems found in it.
package struct InputPiece: Sendable {
    package var articles: [SourceArticle]
    package var problems: [InputProblem]

    package init(articles: [SourceArticle], problems: [InputProblem]) {
        self.articles = articles
        self.problems = problems
    }
}

/// The articles of one file, a piece at a time (see `InputCollector.read(file:chunkBytes:_:)`).
package struct FilePieces: Sequence {
    let collector: InputCollector
    let path: String
    let chunkBytes: Int

    package func makeIterator() -> Iterator { Iterator(self) }

    package final class Iterator: IteratorProtocol {
        private let collector: InputCollector
        private let path: String
        private let chunkBytes: Int
        private let jsonl: JSONLReader?
        private var handle: FileHandle?
        private var pending = Data()
        private var linesBefore = 0
        private var first = true
        private var anything = false
        private var finished = false

        init(_ pieces: FilePieces) {
            collector = pieces.collector
            path = pieces.path
            chunkBytes = pieces.chunkBytes
            let ext = (path as NSString).pathExtension.lowercased()
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let reader = collector.readers.first(where: { $0.extensions.contains(ext) }) as? JSONLReader
            jsonl = reader
            handle = reader != nil && size > chunkBytes ? FileHandle(forReadingAtPath: path) : nil
        }

        deinit { try? handle?.close() }

        package func next() -> InputPiece? {
            guard !finished else { return nil }
            guard let handle, let jsonl else { return whole() }
            while true {
                let chunk = (try? handle.read(upToCount: chunkBytes)) ?? nil
                let atEnd = chunk?.isEmpty ?? true
                if let chunk { pending.append(chunk) }
                if first {
                    first = false
                    // Not plain UTF-8 lines: decode the whole file instead.
                    if JSONLReader.utf8Bytes(pending.prefix(TextDecoding.sampleSize), path: path) == nil { return whole() }
                    if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
                }
                // Hand over every complete line; keep the unfinished last one for the next chunk.
                let cut = atEnd ? pending.endIndex : (pending.lastIndex(of: 0x0A).map { $0 + 1 } ?? pending.startIndex)
                if atEnd { finish() }
                if cut > pending.startIndex {
                    let piece = pending[pending.startIndex..<cut]
                    let result = jsonl.read(lines: Data(piece), path: path, linesBefore: linesBefore, reportEmpty: false)
                    anything = anything || !result.articles.isEmpty || !result.problems.isEmpty
                    linesBefore += piece.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    pending = Data(pending[cut...])
                    if atEnd && !anything { return InputPiece(articles: [], problems: [JSONLReader.emptyFeed(path)]) }
                    return InputPiece(articles: result.articles, problems: result.problems)
                }
                if atEnd { return anything ? nil : InputPiece(articles: [], problems: [JSONLReader.emptyFeed(path)]) }
            }
        }

        private func whole() -> InputPiece {
            finish()
            let read = collector.read(file: path)
            return InputPiece(articles: read.articles, problems: read.problems)
        }

        private func finish() {
            finished = true
            try? handle?.close()
            handle = nil
        }
    }
}
