/// Splits normalized text into tokens: letter runs, numbers and single punctuation marks. A change between
/// letters and digits is a token boundary, so words glued to numbers ("19نوفمبر2024") come apart.
package struct Tokenizer: Sendable {
    package let normalizer: ArabicNormalizer
    /// Whether tokens carry their proclitic readings (`Token.clitics`), which every lexicon match needs; a caller
    /// that only reads the words (search indexing, near-duplicate shingles) saves their cost.
    package var withReadings: Bool

    package init(normalizer: ArabicNormalizer = .shared, withReadings: Bool = true) {
        self.normalizer = normalizer
        self.withReadings = withReadings
    }

    /// A tokenizer for callers that only read the tokens' words.
    package static let wordsOnly = Tokenizer(withReadings: false)

    @inline(__always) static func isArabicLetter(_ v: UInt32) -> Bool {
        (0x0621...0x063A).contains(v) || (0x0641...0x064A).contains(v) || (0x066E...0x06D3).contains(v)
            || (0x06FA...0x06FF).contains(v) || (0x0750...0x077F).contains(v)
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inline(__always) static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) { return true }
        return v >= 0xC0 && v < 0x0600 && s.properties.isAlphabetic
    }

    /// Tokens of `range` of `text`, offsets into `text`.
    package func tokenize(_ text: ScalarText, range: Range<Int>? = nil) -> [Token] {
        tokenize(normalized: normalizer.normalize(text, range: range), originalCount: text.count)
    }

    /// Tokens of already normalized text.
    package func tokenize(normalized: ArabicNormalizer.Output, originalCount: Int) -> [Token] {
        let n = normalized.scalars.count
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 5)
        normalized.scalars.withUnsafeBufferPointer { scalars in
            normalized.origin.withUnsafeBufferPointer { origin in
                // Builds the token's string straight from UTF-8 bytes and its key in the same pass.
                func emit(_ from: Int, _ to: Int, _ kind: Token.Kind) {
                    var bytes = 0
                    var key = TokenKey.seed
                    for k in from..<to {
                        let v = scalars[k].value
                        bytes += v < 0x80 ? 1 : (v < 0x800 ? 2 : (v < 0x10000 ? 3 : 4))
                        key = TokenKey.mix(key, v)
                    }
                    let norm = String(unsafeUninitializedCapacity: bytes) { buf in
                        var w = 0
                        for k in from..<to { String.writeUTF8(scalars[k].value, to: buf, at: &w) }
                        return w
                    }
                    tokens.append(Token(start: Int(origin[from]), end: Int(origin[to - 1]) + 1, norm: norm, kind: kind, key: key,
                                        clitics: withReadings && kind == .arabic ? Proclitics.clitics(norm, key: key) : []))
                }
                var i = 0
                while i < n {
                    let s = scalars[i]
                    let v = s.value
                    if Tokenizer.isArabicLetter(v) {
                        var j = i + 1
                        while j < n, Tokenizer.isArabicLetter(scalars[j].value) { j += 1 }
                        emit(i, j, .arabic); i = j
                    } else if v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D {
                        i += 1
                    } else if Tokenizer.isDigit(v) {
                        var j = i + 1
                        while j < n {
                            let c = scalars[j].value
                            if Tokenizer.isDigit(c) { j += 1; continue }
                            // A decimal point between digits, or a thousands separator before exactly three digits.
                            if (c == 0x2E || c == 0x2C), j + 1 < n, Tokenizer.isDigit(scalars[j + 1].value) {
                                if c == 0x2E { j += 1; continue }
                                var k = j + 1
                                while k < n, Tokenizer.isDigit(scalars[k].value) { k += 1 }
                                if k - j - 1 == 3 { j = k; continue }
                            }
                            break
                        }
                        emit(i, j, .number); i = j
                    } else if Tokenizer.isLatinLetter(s) {
                        var j = i + 1
                        while j < n, Tokenizer.isLatinLetter(scalars[j]) { j += 1 }
                        emit(i, j, .latin); i = j
                    } else if v >= 0x80 && s.properties.isWhitespace {
                        i += 1
                    } else if v < 0x20 {
                        i += 1
                    } else {
                        emit(i, i + 1, .punct); i += 1
                    }
                }
            }
        }
        return tokens
    }
}
