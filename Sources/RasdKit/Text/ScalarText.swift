/// A text held as Unicode scalars, so that offsets are scalar offsets (the unit of the output contract)
/// and indexing is O(1).
public struct ScalarText: Sendable, Equatable {
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        var buffer: [Unicode.Scalar] = []
        buffer.reserveCapacity(string.utf8.count)
        buffer.append(contentsOf: string.unicodeScalars)
        scalars = buffer
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    public var count: Int { scalars.count }

    public subscript(_ index: Int) -> Unicode.Scalar { scalars[index] }

    /// The original text of a scalar range.
    public func string(_ range: Range<Int>) -> String {
        String(unicodeScalars: scalars[range.clamped(to: 0..<scalars.count)])
    }

    public var string: String { string(0..<scalars.count) }

    /// The letters of a range as written: diacritics and tatweel (`ArabicNormalizer.isMark`) left out.
    package func letters(_ range: Range<Int>) -> [Unicode.Scalar] {
        scalars[range.clamped(to: 0..<scalars.count)].filter { !ArabicNormalizer.isMark($0.value) }
    }

    /// The last letter of a range as written (marks aside): ة tells "وزارة" from "وزاره", which the normalizer folds.
    package func lastLetter(_ range: Range<Int>) -> Unicode.Scalar? {
        scalars[range.clamped(to: 0..<scalars.count)].last { !ArabicNormalizer.isMark($0.value) }
    }

    /// True when a line feed lies in `range` (the gap between two tokens).
    public func hasLineBreak(_ range: Range<Int>) -> Bool {
        scalars[range.clamped(to: 0..<scalars.count)].contains("\n")
    }
}

extension String {
    /// A string of the given scalars, their UTF-8 written straight into the string's storage.
    /// `String.UnicodeScalarView.append(contentsOf:)` takes a slow generic path (a profile of `rasd analyze`
    /// showed a fifth of the time in it), and the pipeline builds many short strings from scalars.
    public init<C: Collection>(unicodeScalars scalars: C) where C.Element == Unicode.Scalar {
        var count = 0
        for s in scalars { count += UTF8.width(s) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for s in scalars { String.writeUTF8(s.value, to: buffer, at: &i) }
            return i
        }
    }

    /// The scalars with every run of white space as one space, none at the ends.
    public init<C: Collection>(collapsingWhiteSpace scalars: C) where C.Element == Unicode.Scalar {
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(scalars.count)
        var pendingSpace = false
        for s in scalars {
            if s.isWhitespaceFast {
                pendingSpace = !kept.isEmpty
            } else {
                if pendingSpace { kept.append(" "); pendingSpace = false }
                kept.append(s)
            }
        }
        self.init(unicodeScalars: kept)
    }

    /// Writes one scalar's UTF-8 bytes at `i` and moves `i` past them (the buffer has room for them).
    @inline(__always) static func writeUTF8(_ v: UInt32, to buffer: UnsafeMutableBufferPointer<UInt8>, at i: inout Int) {
        if v < 0x80 {
            buffer[i] = UInt8(v); i += 1
        } else if v < 0x800 {
            buffer[i] = UInt8(0xC0 | (v >> 6)); buffer[i + 1] = UInt8(0x80 | (v & 0x3F)); i += 2
        } else if v < 0x10000 {
            buffer[i] = UInt8(0xE0 | (v >> 12)); buffer[i + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            buffer[i + 2] = UInt8(0x80 | (v & 0x3F)); i += 3
        } else {
            buffer[i] = UInt8(0xF0 | (v >> 18)); buffer[i + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            buffer[i + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buffer[i + 3] = UInt8(0x80 | (v & 0x3F)); i += 4
        }
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace` without a Unicode table lookup: ASCII's, then the whole list above it
    /// (U+0085, U+00A0, U+1680, U+2000-200A, U+2028, U+2029, U+202F, U+205F, U+3000).
    @inline(__always) public var isWhitespaceFast: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x85 || (v > 0xA0 && v < 0x1680) { return false }
        return v == 0x85 || v == 0xA0 || v == 0x1680 || (0x2000...0x200A).contains(v) || v == 0x2028 || v == 0x2029
            || v == 0x202F || v == 0x205F || v == 0x3000
    }
}
