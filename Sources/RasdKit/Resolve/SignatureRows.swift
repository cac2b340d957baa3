import Foundation

/// The near-duplicate index's signatures kept in an unlinked temporary file as fixed-length rows, read back by
/// position: a large collection's signatures (a kilobyte an article, the biggest part of the index) stay out of the
/// process's memory. A new article reads only the rows of the articles it shares a band bucket with (from the page
/// cache, as a rule). Rows not yet written are read from the pending buffer; if a write fails (a full disk), the
/// rows from then on stay in memory, so the index never loses one.
package final class SignatureRows: @unchecked Sendable {
    /// Words in a row.
    package let length: Int
    private let file: UnlinkedFile
    /// Rows on disk: rows `0..<written` are in the file.
    private var written = 0
    /// Rows `written...` in order, end to end.
    private var pending: [UInt64] = []
    /// Set after a failed write: every later row stays in `pending`.
    private var inMemory = false

    package init(length: Int, directory: URL = FileManager.default.temporaryDirectory) throws {
        self.length = length
        file = try UnlinkedFile(kind: "signatures", directory: directory)
    }

    package var count: Int { written + pending.count / length }

    /// Appends a row (`row.count == length`); written a megabyte at a time.
    package func append<Row: Collection<UInt64>>(_ row: Row) {
        precondition(row.count == length, "a signature row has \(length) words")
        pending.append(contentsOf: row)
        if !inMemory, pending.count * 8 >= 1 << 20 { flush() }
    }

    private func flush() {
        let rows = pending.count / length
        if pending.withUnsafeBytes({ file.write($0, at: written * length * 8) }) {
            written += rows
            pending.removeAll(keepingCapacity: true)
        } else {
            inMemory = true
        }
    }

    /// Row `i` into `buffer` (resized to `length`). A row the file cannot give back (an I/O error) reads as zeros,
    /// which match no signature.
    package func read(_ i: Int, into buffer: inout [UInt64]) {
        if buffer.count != length { buffer = [UInt64](repeating: 0, count: length) }
        if i >= written {
            let start = (i - written) * length
            for k in 0..<length { buffer[k] = pending[start + k] }
            return
        }
        if !buffer.withUnsafeMutableBytes({ file.read(into: $0, at: i * length * 8) }) {
            for k in 0..<length { buffer[k] = 0 }
        }
    }
}
