import Foundation

/// The cleaned texts of a collection's documents, kept in a temporary file instead of memory while the collection
/// is resolved: the body is the largest thing an article's record holds (about a sixth of a large collection's
/// peak, BENCHMARKS.md) and only the JSON output reads it whole. `Analyzer.analyze(reading:...)` appends each
/// record's body in input order and keeps its first words in the record (the story step names an untitled story
/// by them); `JSONOutput.write(_:jobs:bodies:to:)` reads the bodies back, in the same order, as it writes the
/// documents. The file is removed when the value is released.
package final class SpilledBodies: @unchecked Sendable {
    package enum SpillError: Error, CustomStringConvertible {
        case cannotCreate(String)
        case truncated(String, document: Int)
        case cannotWrite(String, reason: String)

        package var description: String {
            switch self {
            case .cannotCreate(let path): "cannot create the temporary file \(path) for the document bodies"
            case .truncated(let path, let k): "the temporary file \(path) ends before the body of document \(k + 1)"
            case .cannotWrite(let path, let reason): "cannot write the document bodies to the temporary file \(path): \(reason)"
            }
        }
    }

    let url: URL
    private let handle: FileHandle
    private var pending: [UInt8] = []
    /// Each body's length in UTF-8 bytes, in the order appended.
    private var lengths: [Int] = []

    /// A new, empty file in `directory` (the system's temporary directory by default).
    package init(directory: URL = FileManager.default.temporaryDirectory) throws {
        url = directory.appendingPathComponent("rasd-bodies-\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw SpillError.cannotCreate(url.path) }
        handle = try FileHandle(forUpdating: url)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }

    package var count: Int { lengths.count }

    /// The first write that failed (a full disk): `reader()` throws it.
    private var failure: SpillError?

    /// Appends a body; written out a megabyte at a time. A failed write is reported by `reader()`.
    package func append(_ body: String) {
        let before = pending.count
        pending.append(contentsOf: body.utf8)
        lengths.append(pending.count - before)
        if pending.count >= 1 << 20 { flush() }
    }

    private func flush() {
        guard !pending.isEmpty, failure == nil else { return }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: pending)
        } catch {
            failure = .cannotWrite(url.path, reason: "\(error)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The bodies in the order appended, read a megabyte at a time.
    package func reader() throws -> Reader {
        flush()
        if let failure { throw failure }
        return try Reader(url: url, lengths: lengths)
    }

    /// A body's first `words` words as written (up to the end of the last of them), split as the story step splits
    /// them (`StoryRecords`: at spaces and line breaks): what the record keeps of a spilled body.
    package static func lead(_ body: String, words: Int = 8) -> String {
        let pieces = body.split(maxSplits: words, omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\n" })
        return pieces.count > words ? String(body[..<pieces[words - 1].endIndex]) : body
    }

    package struct Reader {
        let path: String
        let handle: FileHandle
        let lengths: [Int]
        var next = 0
        var buffer: [UInt8] = []
        var position = 0

        init(url: URL, lengths: [Int]) throws {
            path = url.path
            handle = try FileHandle(forReadingFrom: url)
            self.lengths = lengths
        }

        /// The next body; throws when the file ends early.
        package mutating func read() throws -> String {
            let length = lengths[next]
            while buffer.count - position < length {
                buffer.removeFirst(position)
                position = 0
                guard let more = try handle.read(upToCount: max(1 << 20, length)), !more.isEmpty else {
                    throw SpillError.truncated(path, document: next)
                }
                buffer.append(contentsOf: more)
            }
            let body = String(decoding: buffer[position..<(position + length)], as: UTF8.self)
            position += length
            next += 1
            return body
        }

        package func close() { try? handle.close() }
    }
}
