import Foundation

/// Writes an analysis as JSON (pretty-printed, UTF-8, Arabic unescaped).
public enum JSONOutput {
    public static func encode(_ analysis: Analysis) throws -> Data {
        var data = try makeEncoder().encode(analysis)
        data.append(0x0A)
        return data
    }

    /// The same bytes, the list items encoded on `jobs` threads (see `write`).
    public static func encode(_ analysis: Analysis, jobs: Int) throws -> Data {
        guard jobs > 1 else { return try encode(analysis) }
        var data = Data()
        try write(analysis, jobs: jobs) { data.append($0) }
        return data
    }

    /// The same bytes as `encode`, handed to `write` in pieces of about a megabyte, one list item at a time,
    /// so that a large collection's output is never held whole in memory. With `jobs` above 1 the list items are
    /// encoded on that many threads, a bounded window at a time, and written in order (the same bytes).
    public static func write(_ analysis: Analysis, jobs: Int = 1, to write: (Data) throws -> Void) throws {
        try self.write(analysis, jobs: jobs, spill: nil, to: write)
    }

    /// The same, with what `spill` holds read back in order (see `AnalysisSpill`): the documents' bodies, the
    /// dates and quotes (written before those the analysis holds itself), and the entities' mentions. The bytes of
    /// the analysis that kept them.
    package static func write(_ analysis: Analysis, jobs: Int = 1, spill: AnalysisSpill?, to write: (Data) throws -> Void) throws {
        var bodies = try spill.map { spill -> SpillFile.Reader in
            guard spill.bodies.count == analysis.documents.count else {
                throw SpillFile.SpillError.truncated(spill.bodies.url.path, item: spill.bodies.count)
            }
            return try spill.bodies.reader()
        }
        let encoder = makeEncoder()
        // Bytes, not `Data`: appending to `Data` a byte at a time cost a tenth of `rasd analyze`'s time.
        var buffer: [UInt8] = []
        func flush(_ force: Bool = false) throws {
            if force || buffer.count >= 1 << 20 {
                try write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        func append<T: Encodable>(_ value: T, depth: Int) throws {
            appendIndented(try encoder.encode(value), depth: depth, to: &buffer)
        }
        /// `replaced`: spilled items written as another value instead (by row).
        func field<T: Encodable & Sendable>(_ key: String, _ items: [T], last: Bool = false, spilled: SpillFile? = nil,
                                            replaced: [Int: T] = [:], fill: ((inout T) throws -> Void)? = nil) throws {
            buffer.append(contentsOf: Array("  \"\(key)\" : ".utf8))
            let before = spilled?.count ?? 0
            if items.isEmpty && before == 0 {
                try append(items, depth: 1)
            } else {
                buffer.append(contentsOf: Array("[\n".utf8))
                // Items spilled already encoded at a list item's depth (`itemBytes`), written as they are.
                if let spilled {
                    var reader = try spilled.reader()
                    for k in 0..<before {
                        buffer.append(contentsOf: Array("    ".utf8))
                        let bytes = try reader.read()
                        if let value = replaced[k] { try append(value, depth: 2) } else { buffer.append(contentsOf: bytes) }
                        buffer.append(contentsOf: Array((k == before - 1 && items.isEmpty ? "\n" : ",\n").utf8))
                        try flush()
                    }
                }
                let window = jobs > 1 ? 32 * jobs : 1
                for start in stride(from: 0, to: items.count, by: window) {
                    var slice = items[start..<min(start + window, items.count)]
                    if let fill { for i in slice.indices { try fill(&slice[i]) } }
                    let pieces = jobs > 1 ? try encodedItems(slice, jobs: jobs) : nil
                    for i in slice.indices {
                        buffer.append(contentsOf: Array("    ".utf8))
                        if let pieces { buffer.append(contentsOf: pieces[i - start]) } else { try append(slice[i], depth: 2) }
                        buffer.append(contentsOf: Array((i == items.count - 1 ? "\n" : ",\n").utf8))
                        try flush()
                    }
                }
                buffer.append(contentsOf: Array("  ]".utf8))
            }
            buffer.append(contentsOf: Array((last ? "\n" : ",\n").utf8))
        }
        // The keys in the order `.sortedKeys` gives.
        buffer.append(contentsOf: Array("{\n".utf8))
        try field("dates", analysis.dates, spilled: spill?.dates)
        try field("discrepancies", analysis.discrepancies)
        try field("documents", analysis.documents, fill: bodies == nil ? nil : { document in document.body = try bodies!.readString() })
        let ids = spill?.entityMentions == nil ? [] : analysis.documents.map(\.id)
        try field("entities", analysis.entities, fill: spill?.entityMentions.map { packed in { entity in
            // Entity ids are "E" and the position plus one (`EntityTable`).
            guard let n = Int(entity.id.dropFirst()), n >= 1 else { return }
            entity.mentions = packed.mentions(of: n - 1, aliases: entity.aliases, docID: { ids[$0] })
        } })
        try field("events", analysis.events, fill: spill.map { spill in { event in
            for k in event.mentions.indices {
                guard let row = event.mentions[k].textRow else { continue }
                guard let text = spill.eventTexts.text(row) else {
                    throw SpillFile.SpillError.truncated(spill.eventTexts.path, item: row)
                }
                event.mentions[k].text = text
                event.mentions[k].textRow = nil
            }
        } })
        buffer.append(contentsOf: Array("  \"generator\" : ".utf8))
        try append(analysis.generator, depth: 1)
        buffer.append(contentsOf: Array(",\n".utf8))
        try field("problems", analysis.problems)
        try field("quantities", analysis.quantities, spilled: spill?.quantities, replaced: spill?.linkedQuantities ?? [:])
        try field("quotes", analysis.quotes, spilled: spill?.quotes)
        // Absent (not empty) when no story step ran, as the encoder leaves a nil optional out.
        if let stories = analysis.stories { try field("stories", stories) }
        try field("timeline", analysis.timeline, last: true)
        buffer.append(contentsOf: Array("}\n".utf8))
        try flush(true)
    }

    /// One list item as `write` writes it (at a list item's depth, without the leading spaces): what a spill holds.
    package static func itemBytes<T: Encodable>(_ value: T, encoder: JSONEncoder) throws -> [UInt8] {
        var bytes: [UInt8] = []
        appendIndented(try encoder.encode(value), depth: 2, to: &bytes)
        return bytes
    }

    /// `data` as the encoder wrote it, at `depth` levels of indentation (2 spaces each): a line break in the
    /// output (never inside a string, where it is escaped) is followed by the extra indentation, except on the
    /// blank line of an empty list.
    static func appendIndented(_ data: Data, depth: Int, to buffer: inout [UInt8]) {
        let indent = [UInt8](repeating: 0x20, count: 2 * depth)
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            // Runs of bytes are copied whole; the indentation goes in after each line break.
            var run = 0
            var previous: UInt8 = 0
            for k in bytes.indices {
                let byte = bytes[k]
                if previous == 0x0A && byte != 0x0A {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<k]))
                    buffer.append(contentsOf: indent)
                    run = k
                }
                previous = byte
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    /// The list items encoded at the depth of a list item, on `jobs` threads (an encoder each), in order.
    static func encodedItems<T: Encodable & Sendable>(_ items: ArraySlice<T>, jobs: Int) throws -> [[UInt8]] {
        let pieces = Locked([[UInt8]](repeating: [], count: items.count))
        let failure = Locked<Error?>(nil)
        let base = items.startIndex
        DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { j in
            let encoder = makeEncoder()
            var k = j
            while k < items.count {
                do {
                    var piece: [UInt8] = []
                    appendIndented(try encoder.encode(items[base + k]), depth: 2, to: &piece)
                    let done = piece
                    pieces.withLock { $0[k] = done }
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
                k += jobs
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return pieces.withLock { $0 }
    }

    /// Streams the JSON to a file (created or truncated).
    public static func write(_ analysis: Analysis, jobs: Int = 1, toFile path: String) throws {
        try write(analysis, jobs: jobs, spill: nil, toFile: path)
    }

    /// Streams the JSON to a file, with what `spill` holds.
    package static func write(_ analysis: Analysis, jobs: Int = 1, spill: AnalysisSpill?, toFile path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try write(analysis, jobs: jobs, spill: spill) { try handle.write(contentsOf: $0) }
    }

    package static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return encoder
    }
}
