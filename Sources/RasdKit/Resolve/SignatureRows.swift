import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The near-duplicate index's signatures kept in an unlinked temporary file as fixed-length rows, read back by
/// position: a large collection's signatures (a kilobyte an article, the biggest part of the index) stay out of the
/// process's memory. A new article reads only the rows of the articles it shares a band bucket with (from the page
/// cache, as a rule). Rows not yet written are read from the pending buffer; if a write fails (a full disk), the
/// rows from then on stay in memory, so the index never loses one.
package final class SignatureRows: @unchecked Sendable {
    /// Words in a row.
    package let length: Int
    let path: String
    private let descriptor: Int32
    /// Rows on disk: rows `0..<written` are in the file.
    private var written = 0
    /// Rows `written...` in order, end to end.
    private var pending: [UInt64] = []
    /// Set after a failed write: every later row stays in `pending`.
    private var inMemory = false

    package init(length: Int, directory: URL = FileManager.default.temporaryDirectory) throws {
        self.length = length
        path = directory.appendingPathComponent("rasd-signatures-\(UUID().uuidString).tmp").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw SpillFile.SpillError.cannotCreate(path) }
        // Unlinked at once: the file lives while the descriptor does, and a killed run leaves nothing behind.
        unlink(path)
    }

    deinit { close(descriptor) }

    package var count: Int { written + pending.count / length }

    /// Appends a row (`row.count == length`); written a megabyte at a time.
    package func append<Row: Collection<UInt64>>(_ row: Row) {
        precondition(row.count == length, "a signature row has \(length) words")
        pending.append(contentsOf: row)
        if !inMemory, pending.count * 8 >= 1 << 20 { flush() }
    }

    private func flush() {
        let rows = pending.count / length
        let ok = pending.withUnsafeBytes { bytes in
            FileTransfer.whole(bytes.count, at: written * length * 8) { done, offset in
                pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, offset)
            }
        }
        if ok {
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
        let ok = buffer.withUnsafeMutableBytes { bytes in
            FileTransfer.whole(bytes.count, at: i * length * 8) { done, offset in
                pread(descriptor, bytes.baseAddress! + done, bytes.count - done, offset)
            }
        }
        if !ok { for k in 0..<length { buffer[k] = 0 } }
    }
}

/// Whole `pread`/`pwrite` transfers: the calls may move fewer bytes than asked.
enum FileTransfer {
    /// Calls `transfer` (a `pread` or `pwrite` of the bytes from `done` on, at file offset `offset`) until `count`
    /// bytes have moved; false on an error or the end of the file.
    static func whole(_ count: Int, at start: Int, _ transfer: (_ done: Int, _ offset: off_t) -> Int) -> Bool {
        var done = 0
        while done < count {
            let n = transfer(done, off_t(start + done))
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}
