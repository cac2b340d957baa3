import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An unlinked temporary file read and written by position (`pread`/`pwrite`): what the row stores of a large
/// analysis keep out of memory (`SignatureRows`, `TextRows`). Unlinked as soon as it is open, so that it lives while
/// the descriptor does and a killed run leaves nothing behind.
final class UnlinkedFile {
    let path: String
    private let descriptor: Int32

    init(kind: String, directory: URL) throws {
        path = directory.appendingPathComponent("rasd-\(kind)-\(UUID().uuidString).tmp").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw SpillFile.SpillError.cannotCreate(path) }
        unlink(path)
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes` at `offset`; false on an error.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        Self.whole(bytes.count, at: offset) { done, at in pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, at) }
    }

    /// Fills all of `bytes` from `offset`; false on an error or the end of the file.
    func read(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        Self.whole(bytes.count, at: offset) { done, at in pread(descriptor, bytes.baseAddress! + done, bytes.count - done, at) }
    }

    /// Calls `transfer` (a `pread` or `pwrite` of the bytes from `done` on, at file offset `offset`) until `count`
    /// bytes have moved; false on an error or the end of the file.
    private static func whole(_ count: Int, at start: Int, _ transfer: (_ done: Int, _ offset: off_t) -> Int) -> Bool {
        var done = 0
        while done < count {
            let n = transfer(done, off_t(start + done))
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}
