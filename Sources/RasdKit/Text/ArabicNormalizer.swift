/// Normalization for matching: folds the spelling variation of Arabic news text onto one form while keeping,
/// for every normalized scalar, the offset of the original scalar it came from.
///
/// What it folds: diacritics and tatweel (removed), alef and hamza carriers (أ إ آ ٱ → ا, ؤ → و, ئ → ي),
/// ى and Persian ی → ي, ة and ۀ → ه, Persian ک → ك, Arabic presentation forms (from
/// `Resources/text/presentation_forms.tsv`), Arabic-Indic and Persian digits → 0-9, Arabic punctuation
/// (، ؛ ؟ ٫ ٬) → ASCII, zero-width and bidi controls (removed), no-break spaces → space, Latin → lower case.
package struct ArabicNormalizer: Sendable {
    /// The result of normalizing: scalars plus, for each, the original scalar offset it maps back to.
    package struct Output: Sendable {
        package var scalars: [Unicode.Scalar]
        package var origin: [Int32]
        package var string: String { String(unicodeScalars: scalars) }
    }

    /// Per-BMP-scalar action: `keep` leaves it, `drop` removes it, otherwise a replacement.
    private enum Action: Equatable {
        case keep, drop, one(Unicode.Scalar), many([Unicode.Scalar])
    }

    private let singles: [UInt32]   // 0 = keep, 0xFFFF_FFFF = drop, 0xFFFF_FFFE = expansion, else replacement
    private let expansions: [UInt32: [Unicode.Scalar]]

    package static let shared = ArabicNormalizer()

    /// A mark written on or after a letter (the harakat, tanween, shadda, sukun and the other marks of U+064B...U+065F,
    /// superscript alef) or the tatweel that stretches a word: what normalization drops after a letter, so that a
    /// span of text reaches over it. The one definition the stages use.
    package static func isMark(_ v: UInt32) -> Bool {
        (0x064B...0x065F).contains(v) || v == 0x0670 || v == 0x0640
    }

    package init(presentationForms: [(UInt32, String)]? = nil) {
        var table = [UInt32](repeating: 0, count: 0x10000)
        var expansions: [UInt32: [Unicode.Scalar]] = [:]
        let drop: UInt32 = 0xFFFF_FFFF
        func set(_ cp: UInt32, _ to: Character) { table[Int(cp)] = to.unicodeScalars.first!.value }
        // Diacritics, Quranic marks, superscript alef, tatweel.
        for cp in UInt32(0x0610)...0x061A { table[Int(cp)] = drop }
        for cp in UInt32(0x064B)...0x065F { table[Int(cp)] = drop }
        table[0x0670] = drop
        for cp in UInt32(0x06D6)...0x06ED { table[Int(cp)] = drop }
        table[0x0640] = drop
        // Zero-width, bidi controls, soft hyphen, BOM.
        for cp: UInt32 in [0x00AD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF] { table[Int(cp)] = drop }
        for cp in UInt32(0x202A)...0x202E { table[Int(cp)] = drop }
        for cp in UInt32(0x2066)...0x2069 { table[Int(cp)] = drop }
        // Spaces.
        for cp: UInt32 in [0x00A0, 0x2007, 0x202F, 0x3000] { set(cp, " ") }
        for cp in UInt32(0x2000)...0x200A { set(cp, " ") }
        // Letters.
        for cp: UInt32 in [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675] { set(cp, "ا") }
        set(0x0624, "و")
        set(0x0626, "ي"); set(0x0649, "ي"); set(0x06CC, "ي"); set(0x06D0, "ي"); set(0x06D2, "ي"); set(0x06D3, "ي")
        set(0x0629, "ه"); set(0x06C0, "ه"); set(0x06C1, "ه"); set(0x06D5, "ه")
        set(0x06A9, "ك"); set(0x06AA, "ك"); set(0x06AF, "ك")
        set(0x06A4, "ف"); set(0x067E, "ب"); set(0x0686, "ج"); set(0x0698, "ز")
        // Digits.
        for i in UInt32(0)...9 {
            table[Int(0x0660 + i)] = 0x30 + i
            table[Int(0x06F0 + i)] = 0x30 + i
        }
        // Punctuation.
        set(0x060C, ","); set(0x061B, ";"); set(0x061F, "?"); set(0x066B, "."); set(0x066C, ","); set(0x066A, "%")
        set(0x06D4, ".")
        // Latin capitals.
        for cp in UInt32(0x41)...0x5A { table[Int(cp)] = cp + 0x20 }
        // Presentation forms, read as data; their letters are normalized in turn.
        let forms = presentationForms ?? ArabicNormalizer.loadPresentationForms()
        for (cp, letters) in forms where cp < 0x10000 {
            let mapped = letters.unicodeScalars.flatMap { s -> [Unicode.Scalar] in
                let v = s.value < 0x10000 ? table[Int(s.value)] : 0
                if v == drop { return [] }
                if v == 0 { return [s] }
                return [Unicode.Scalar(v)!]
            }
            if mapped.isEmpty { table[Int(cp)] = drop }
            else if mapped.count == 1 { table[Int(cp)] = mapped[0].value }
            else { table[Int(cp)] = 0xFFFF_FFFE; expansions[cp] = mapped }
        }
        singles = table
        self.expansions = expansions
    }

    private static func loadPresentationForms() -> [(UInt32, String)] {
        guard let rows = try? ResourceStore.rows("text/presentation_forms.tsv") else { return [] }
        return rows.compactMap { row in
            guard row.count >= 2, let cp = UInt32(row[0], radix: 16) else { return nil }
            return (cp, row[1])
        }
    }

    /// Normalizes `range` of `text`; origins are offsets into `text`.
    package func normalize(_ text: ScalarText, range: Range<Int>? = nil) -> Output {
        let range = range ?? 0..<text.count
        var scalars: [Unicode.Scalar] = []
        var origin: [Int32] = []
        scalars.reserveCapacity(range.count)
        origin.reserveCapacity(range.count)
        text.scalars.withUnsafeBufferPointer { source in
            singles.withUnsafeBufferPointer { table in
                for i in range {
                    let s = source[i]
                    let v = s.value
                    if v >= 0x10000 { scalars.append(s); origin.append(Int32(i)); continue }
                    let action = table[Int(v)]
                    if action == 0 {
                        scalars.append(s); origin.append(Int32(i))
                    } else if action == 0xFFFF_FFFF {
                        continue
                    } else if action == 0xFFFF_FFFE {
                        for e in expansions[v] ?? [] { scalars.append(e); origin.append(Int32(i)) }
                    } else {
                        scalars.append(Unicode.Scalar(action)!); origin.append(Int32(i))
                    }
                }
            }
        }
        return Output(scalars: scalars, origin: origin)
    }

    /// Appends the normalized scalar values of `string` to `buffer`, without offsets or allocation: the path
    /// for hot loops (the NER feature extractor) that only need the folded letters.
    package func appendNormalized(_ string: String, to buffer: inout [UInt32]) {
        singles.withUnsafeBufferPointer { table in
            for s in string.unicodeScalars {
                let v = s.value
                if v >= 0x10000 { buffer.append(v); continue }
                let action = table[Int(v)]
                if action == 0 {
                    buffer.append(v)
                } else if action == 0xFFFF_FFFF {
                    continue
                } else if action == 0xFFFF_FFFE {
                    for e in expansions[v] ?? [] { buffer.append(e.value) }
                } else {
                    buffer.append(action)
                }
            }
        }
    }

    /// The normalized form of a string, for matching keys (gazetteers, lexicons).
    package func key(_ string: String) -> String {
        // White space collapsed and trimmed, so that keys compare equal however they were typed.
        String(collapsingWhiteSpace: normalize(ScalarText(string)).scalars)
    }
}
