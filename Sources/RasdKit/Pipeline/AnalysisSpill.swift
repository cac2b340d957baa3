import Foundation

/// What a large analysis keeps in temporary files instead of memory until its JSON is written: the documents'
/// cleaned texts; the dates, quotes and quantities already encoded as the output writes them (the quantities an
/// event involves kept apart with it); the event reports' sentences by row; and, while it is gathered, the
/// near-duplicate signatures. These are the biggest things an article leaves for the output that nothing after the
/// gather reads (the bodies alone were about a sixth of a large collection's peak, BENCHMARKS.md).
/// `Analyzer.analyze(reading:...)` appends each record's body in input order and keeps its first words in the record
/// (the story step names an untitled story by them); the resolve appends the dates, quotes, quantities and event
/// sentences as it gathers them (`CollectionResolver.spill`); `JSONOutput.write(_:jobs:spill:to:)` reads them back.
/// The files have no name once open: they go with the process.
package final class AnalysisSpill: @unchecked Sendable {
    package let bodies: SpillFile
    package let dates: SpillFile
    package let quotes: SpillFile
    /// The quantities, encoded without their event (`quantities`'s rows in the analysis's order); those an event
    /// involves are kept apart with it (`linkedQuantities`), and the writer writes those instead.
    package let quantities: SpillFile
    /// Spilled quantities an event involves, by row, with the event's id: what the discrepancies read and the
    /// writer writes.
    package var linkedQuantities: [Int: Analysis.QuantityEntry] = [:]
    /// The near-duplicate index's MinHash signatures (`NearDuplicateDetector.Index(rows:)`): read back by position
    /// while the collection is gathered, never written to the output.
    package let signatures: SignatureRows
    /// The event reports' sentences (`EventMention.text`), by row: the merged events name their rows
    /// (`Analysis.EventMentionEntry.textRow`) and the writer reads each back where the event lists it.
    package let eventTexts: TextRows
    /// The entity mentions, packed: the resolve leaves the analysis's entities without their lists of mentions,
    /// and the writer fills each entity's as it writes it.
    package var entityMentions: PackedMentions?
    /// The output's encoder, for the items spilled already encoded (used by one thread at a time: the gather).
    let encoder = JSONOutput.makeEncoder()

    /// New, empty files in `directory` (the system's temporary directory by default).
    package init(directory: URL = FileManager.default.temporaryDirectory) throws {
        bodies = try SpillFile(kind: "bodies", directory: directory)
        dates = try SpillFile(kind: "dates", directory: directory)
        quotes = try SpillFile(kind: "quotes", directory: directory)
        quantities = try SpillFile(kind: "quantities", directory: directory)
        signatures = try SignatureRows(length: NearDuplicateDetector().signatureLength, directory: directory)
        eventTexts = try TextRows(directory: directory)
    }

    /// A body's first `words` words as written (up to the end of the last of them), split as the story step splits
    /// them (`StoryRecords`: at spaces and line breaks): what the record keeps of a spilled body.
    package static func lead(_ body: String, words: Int = 8) -> String {
        let pieces = body.split(maxSplits: words, omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\n" })
        return pieces.count > words ? String(body[..<pieces[words - 1].endIndex]) : body
    }
}

/// A temporary file of byte strings appended one after another and read back in the same order.
package final class SpillFile: @unchecked Sendable {
    package enum SpillError: Error, CustomStringConvertible {
        case cannotCreate(String)
        case truncated(String, item: Int)
        case cannotWrite(String, reason: String)

        package var description: String {
            switch self {
            case .cannotCreate(let path): "cannot create the temporary file \(path)"
            case .truncated(let path, let k): "the temporary file \(path) ends before its item \(k + 1)"
            case .cannotWrite(let path, let reason): "cannot write the temporary file \(path): \(reason)"
            }
        }
    }

    let url: URL
    private let handle: FileHandle
    private var pending: [UInt8] = []
    /// Each item's length in bytes, in the order appended.
    private var lengths: [UInt32] = []
    /// The first write that failed (a full disk): `reader()` throws it.
    private var failure: SpillError?

    /// The file is unlinked as soon as it is open: it lives while the handle does, and an interrupted run (Ctrl-C,
    /// `kill -9`) leaves nothing in the temporary directory.
    init(kind: String, directory: URL) throws {
        url = directory.appendingPathComponent("rasd-\(kind)-\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw SpillError.cannotCreate(url.path) }
        handle = try FileHandle(forUpdating: url)
        try? FileManager.default.removeItem(at: url)
    }

    deinit {
        try? handle.close()
    }

    package var count: Int { lengths.count }

    /// Appends an item; written out a megabyte at a time. A failed write is reported by `reader()`.
    package func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        let before = pending.count
        pending.append(contentsOf: bytes)
        lengths.append(UInt32(pending.count - before))
        if pending.count >= 1 << 20 { flush() }
    }

    package func append(_ text: String) { append(text.utf8) }

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

    /// The items in the order appended, read a megabyte at a time (through the file's one handle: read them
    /// after the last append).
    package func reader() throws -> Reader {
        flush()
        if let failure { throw failure }
        return Reader(path: url.path, handle: handle, lengths: lengths)
    }

    package struct Reader {
        let path: String
        let handle: FileHandle
        let lengths: [UInt32]
        var next = 0
        var buffer: [UInt8] = []
        var position = 0
        /// Where the next chunk is read from: readers of other files share no offset, but two of one file would.
        var fileOffset: UInt64 = 0

        /// The next item's bytes; throws past the last item, or when the file ends early.
        package mutating func read() throws -> ArraySlice<UInt8> {
            guard next < lengths.count else { throw SpillError.truncated(path, item: next) }
            let length = Int(lengths[next])
            while buffer.count - position < length {
                buffer.removeFirst(position)
                position = 0
                try handle.seek(toOffset: fileOffset)
                guard let more = try handle.read(upToCount: max(1 << 20, length)), !more.isEmpty else {
                    throw SpillError.truncated(path, item: next)
                }
                fileOffset += UInt64(more.count)
                buffer.append(contentsOf: more)
            }
            defer {
                position += length
                next += 1
            }
            return buffer[position..<(position + length)]
        }

        package mutating func readString() throws -> String { String(decoding: try read(), as: UTF8.self) }
    }
}
