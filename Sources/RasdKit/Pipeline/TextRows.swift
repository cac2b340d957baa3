import Foundation

/// Texts kept in an unlinked temporary file and read back by row number, in any order: the event reports' sentences
/// of a large analysis (the writer reads each where the merged event lists it, `AnalysisSpill.eventTexts`). Memory
/// holds eight bytes a row. Rows not yet written are read from the pending buffer; if a write fails (a full disk),
/// the rows from then on stay in memory, so no text is lost.
package final class TextRows: @unchecked Sendable {
    private let file: UnlinkedFile
    var path: String { file.path }
    /// Where each row starts, counting the bytes of every row before it (written or pending).
    private var starts: [UInt64] = []
    /// Bytes on disk: everything before `written` is in the file.
    private var written: UInt64 = 0
    /// The bytes from `written` on, rows end to end.
    private var pending: [UInt8] = []
    /// Set after a failed write: every later row stays in `pending`.
    private var inMemory = false

    package init(directory: URL = FileManager.default.temporaryDirectory) throws {
        file = try UnlinkedFile(kind: "texts", directory: directory)
    }

    package var count: Int { starts.count }

    /// Appends a text; its row number. Written a megabyte at a time.
    @discardableResult
    package func append(_ text: String) -> Int {
        starts.append(written + UInt64(pending.count))
        pending.append(contentsOf: text.utf8)
        if !inMemory, pending.count >= 1 << 20 { flush() }
        return starts.count - 1
    }

    private func flush() {
        if pending.withUnsafeBytes({ file.write($0, at: Int(written)) }) {
            written += UInt64(pending.count)
            pending.removeAll(keepingCapacity: true)
        } else {
            inMemory = true
        }
    }

    /// The text of row `i`; nil for a row the file cannot give back (an I/O error).
    package func text(_ i: Int) -> String? {
        let start = starts[i]
        let end = i + 1 < starts.count ? starts[i + 1] : written + UInt64(pending.count)
        if start >= written {
            let from = Int(start - written), to = Int(end - written)
            return String(decoding: pending[from..<to], as: UTF8.self)
        }
        var bytes = [UInt8](repeating: 0, count: Int(end - start))
        return bytes.withUnsafeMutableBytes({ file.read(into: $0, at: Int(start)) }) ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
