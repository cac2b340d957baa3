import Foundation

/// Writes an analysis as JSON (pretty-printed, UTF-8, Arabic unescaped).
public enum JSONOutput {
    public static func encode(_ analysis: Analysis) throws -> Data {
        var data = try makeEncoder().encode(analysis)
        data.append(0x0A)
        return data
    }

    /// The same bytes as `encode`, handed to `write` in pieces of about a megabyte, one list item at a time,
    /// so that a large collection's output is never held whole in memory.
    public static func write(_ analysis: Analysis, to write: (Data) throws -> Void) throws {
        let encoder = makeEncoder()
        // Bytes, not `Data`: appending to `Data` a byte at a time cost a tenth of `rasd analyze`'s time.
        var buffer: [UInt8] = []
        func flush(_ force: Bool = false) throws {
            if force || buffer.count >= 1 << 20 {
                try write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        /// `value` as the encoder writes it at `depth` levels of indentation (2 spaces each): a line break in
        /// the output (never inside a string, where it is escaped) is followed by the extra indentation,
        /// except on the blank line of an empty list.
        func append<T: Encodable>(_ value: T, depth: Int) throws {
            let indent = [UInt8](repeating: 0x20, count: 2 * depth)
            let data = try encoder.encode(value)
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
        func field<T: Encodable>(_ key: String, _ items: [T], last: Bool = false) throws {
            buffer.append(contentsOf: Array("  \"\(key)\" : ".utf8))
            if items.isEmpty {
                try append(items, depth: 1)
            } else {
                buffer.append(contentsOf: Array("[\n".utf8))
                for (i, item) in items.enumerated() {
                    buffer.append(contentsOf: Array("    ".utf8))
                    try append(item, depth: 2)
                    buffer.append(contentsOf: Array((i == items.count - 1 ? "\n" : ",\n").utf8))
                    try flush()
                }
                buffer.append(contentsOf: Array("  ]".utf8))
            }
            buffer.append(contentsOf: Array((last ? "\n" : ",\n").utf8))
        }
        // The keys in the order `.sortedKeys` gives.
        buffer.append(contentsOf: Array("{\n".utf8))
        try field("dates", analysis.dates)
        try field("discrepancies", analysis.discrepancies)
        try field("documents", analysis.documents)
        try field("entities", analysis.entities)
        try field("events", analysis.events)
        buffer.append(contentsOf: Array("  \"generator\" : ".utf8))
        try append(analysis.generator, depth: 1)
        buffer.append(contentsOf: Array(",\n".utf8))
        try field("problems", analysis.problems)
        try field("quantities", analysis.quantities)
        try field("quotes", analysis.quotes)
        // Absent (not empty) when no story step ran, as the encoder leaves a nil optional out.
        if let stories = analysis.stories { try field("stories", stories) }
        try field("timeline", analysis.timeline, last: true)
        buffer.append(contentsOf: Array("}\n".utf8))
        try flush(true)
    }

    /// Streams the JSON to a file (created or truncated).
    public static func write(_ analysis: Analysis, toFile path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try write(analysis) { try handle.write(contentsOf: $0) }
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return encoder
    }
}
