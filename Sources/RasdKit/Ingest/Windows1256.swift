/// The windows-1256 (Arabic) code page, read from `Resources/ingest/cp1256.tsv`, and a test of whether bytes
/// that are not UTF-8 look like Arabic text written in it.
package struct Windows1256: Sendable {
    /// Unicode scalar value for each byte (ASCII maps to itself).
    package let table: [UInt32]

    package static let shared = Windows1256()

    package init() {
        var table = (0..<256).map { UInt32($0) }
        for row in (try? ResourceStore.rows("ingest/cp1256.tsv")) ?? [] {
            guard row.count >= 2, let byte = Int(row[0], radix: 16), (0x80...0xFF).contains(byte),
                  let scalar = UInt32(row[1], radix: 16) else { continue }
            table[byte] = scalar
        }
        self.table = table
    }

    /// True when the table was loaded (the resource file is present).
    package var isLoaded: Bool { table[0xC7] == 0x0627 }

    @inline(__always) static func isArabicLetter(_ v: UInt32) -> Bool {
        (0x0621...0x064A).contains(v) || (0x0671...0x06D3).contains(v)
    }

    /// The share of non-ASCII bytes that are Arabic letters in this code page. Arabic text in windows-1256 is
    /// mostly letters and spaces; other 8-bit text (Latin-1, random bytes) has many bytes that are not.
    package func arabicShare<C: Collection>(of bytes: C) -> Double where C.Element == UInt8 {
        var high = 0, arabic = 0
        for b in bytes where b >= 0x80 {
            high += 1
            if Windows1256.isArabicLetter(table[Int(b)]) { arabic += 1 }
        }
        return high == 0 ? 0 : Double(arabic) / Double(high)
    }

    /// True when bytes that are not UTF-8 read as Arabic text in this code page: most non-ASCII bytes are
    /// Arabic letters, and few form UTF-8 sequences (UTF-8 Arabic with one bad byte is not windows-1256, though
    /// its lead bytes D8/D9 are letters here).
    package func looksLikeArabic<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        guard isLoaded, arabicShare(of: bytes) >= 0.6 else { return false }
        var high = 0, pairs = 0
        var previous: UInt8 = 0
        for b in bytes {
            if b >= 0x80 { high += 1 }
            if (0xC2...0xDF).contains(previous) && (0x80...0xBF).contains(b) { pairs += 1 }
            previous = b
        }
        return high > 0 && Double(pairs * 2) / Double(high) < 0.3
    }

    package func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var view = String.UnicodeScalarView()
        view.reserveCapacity(bytes.count)
        for b in bytes { view.append(Unicode.Scalar(table[Int(b)]) ?? "\u{FFFD}") }
        return String(view)
    }
}
