import Foundation

/// The text encodings Rasd recognizes in input files.
package enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1256 = "windows-1256"
}

/// Decodes bytes as text, or says why it cannot: UTF-8 (with or without BOM), UTF-16 with a BOM, and
/// windows-1256 when the bytes are not UTF-8 but read as Arabic in that code page. Binary data (NUL bytes,
/// many control characters) and empty files are refused with a message naming the file.
package enum TextDecoding {
    /// How many leading bytes the binary and encoding sniffers look at.
    static let sampleSize = 64 * 1024

    package static func decode(_ data: Data, path: String) -> Result<String, InputProblem> {
        decodeWithEncoding(data, path: path).map(\.text)
    }

    package static func decodeWithEncoding(_ data: Data, path: String) -> Result<(text: String, encoding: TextEncoding), InputProblem> {
        func fail(_ reason: String) -> Result<(text: String, encoding: TextEncoding), InputProblem> {
            .failure(InputProblem(location: path, reason: reason))
        }
        if data.isEmpty { return fail("empty file (0 bytes)") }
        // UTF-16 with a byte-order mark.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let little = data.first == 0xFF
            let body = data.dropFirst(2)
            if body.count % 2 != 0 { return fail("UTF-16 byte-order mark but an odd number of bytes (truncated file?)") }
            guard let text = String(data: body, encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                return fail("UTF-16 byte-order mark but invalid UTF-16 data")
            }
            if let reason = controlCharacterProblem(text.utf8) { return fail(reason) }
            return .success((text, little ? .utf16LittleEndian : .utf16BigEndian))
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.isEmpty { return fail("empty file (only a byte-order mark)") }
        if let reason = binaryProblem(bytes) { return fail(reason) }
        if let text = String(validatingUTF8Bytes: bytes) { return .success((text, .utf8)) }
        let cp1256 = Windows1256.shared
        if data.count == bytes.count, cp1256.looksLikeArabic(bytes.prefix(sampleSize)) {
            return .success((cp1256.decode(bytes), .windows1256))
        }
        let offset = firstInvalidUTF8Offset(bytes) ?? 0
        return fail("not valid UTF-8 (bad byte 0x\(String(bytes[bytes.startIndex + offset], radix: 16, uppercase: true)) at offset \(offset)) and not Arabic windows-1256 text")
    }

    /// Like `decodeWithEncoding`, but UTF-8 text with a few bad bytes (under 1%, or up to 3: a damaged download, a
    /// cut multi-byte character) is kept, the bad bytes replaced by U+FFFD, with a warning naming the file.
    package static func decodeForReading(_ data: Data, path: String) -> Result<(text: String, encoding: TextEncoding, warning: InputProblem?), InputProblem> {
        switch decodeWithEncoding(data, path: path) {
        case .success(let decoded):
            return .success((decoded.text, decoded.encoding, nil))
        case .failure(let problem):
            var bytes = data[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard problem.reason.hasPrefix("not valid UTF-8"), binaryProblem(bytes) == nil else { return .failure(problem) }
            let bad = invalidUTF8Count(bytes)
            guard bad * 100 < bytes.count || (bad <= 3 && bytes.count >= 100) else { return .failure(problem) }
            let warning = InputProblem(location: path, reason: "\(bad) invalid UTF-8 byte(s) replaced with U+FFFD")
            return .success((String(decoding: bytes, as: UTF8.self), .utf8, warning))
        }
    }

    /// How many decoding errors a UTF-8 decoder meets in the bytes.
    static func invalidUTF8Count<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var errors = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return errors
            case .error: errors += 1
            }
        }
    }

    /// Why the bytes look binary, or nil: a NUL byte, or more than 5% control characters, in the sample.
    package static func binaryProblem<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        let sample = bytes.prefix(sampleSize)
        if sample.contains(0) { return "binary data (NUL bytes), not text" }
        return controlCharacterProblem(sample)
    }

    static func controlCharacterProblem<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        var controls = 0, total = 0
        for b in bytes.prefix(sampleSize) {
            total += 1
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
            if b == 0x7F { controls += 1 }
        }
        if total > 0 && controls * 20 > total { return "binary data (\(controls) control bytes in \(total)), not text" }
        return nil
    }

    /// Offset of the first byte that breaks UTF-8, relative to the start of `bytes`.
    static func firstInvalidUTF8Offset<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

extension String {
    /// The string when `bytes` are valid UTF-8, nil otherwise (no replacement characters).
    init?<C: Collection>(validatingUTF8Bytes bytes: C) where C.Element == UInt8 {
        if let s = String(validating: bytes, as: UTF8.self) { self = s } else { return nil }
    }
}
