/// Finds numbers (digits and words, percentages, ordinals) and quantities (a number or range with its qualifier
/// and unit noun) in a token sequence.
package struct NumberExtractor: Sendable {
    let grammar: NumberGrammar
    let quantities: QuantityBuilder
    let percentPhrases: PhraseTable<Bool>
    /// First words of multi-word month names (كانون، تشرين، ربيع، جمادى): the ordinal after them is a month name.
    let monthHeads: Set<UInt64>

    /// Loads the lexicons from `Resources/text/` once.
    package static let shared = NumberExtractor()

    package init() {
        grammar = NumberGrammar()
        percentPhrases = PhraseTable(TextResources.rows("percent.tsv").compactMap { $0.first.map { ($0, true) } }, clitics: false)
        var heads = Set<UInt64>()
        for row in TextResources.rows("months.tsv") {
            let words = TextResources.words(row[0])
            if words.count > 1 { heads.insert(TokenKey.of(words[0])) }
        }
        monthHeads = heads
        quantities = QuantityBuilder(grammar: grammar)
    }

    package func extract(_ tokens: [Token], in text: ScalarText) -> (numbers: [NumberMention], quantities: [Quantity]) {
        let parsed = parse(tokens)
        let numbers = parsed.map { mention($0, tokens, text) }
        return (numbers, quantities.build(parsed, tokens, text))
    }

    /// Numbers as token ranges, in text order, not overlapping.
    func parse(_ tokens: [Token]) -> [NumberGrammar.Parsed] {
        var out: [NumberGrammar.Parsed] = []
        let n = tokens.count
        var i = 0
        while i < n {
            let t = tokens[i]
            switch t.kind {
            case .latin:
                i += 1; continue
            case .punct:
                // ".77" and "-1200000": a sign or point glued to the digits after it, not after another number.
                if (t.norm == "." || t.norm == "-"), i + 1 < n, tokens[i + 1].kind == .number, tokens[i + 1].start == t.end,
                   !(i > 0 && tokens[i - 1].kind == .number && tokens[i - 1].end == t.start),
                   var p = grammar.cardinal(tokens, at: i + 1) {
                    if t.norm == "." {
                        guard p.digits, p.end == i + 2, !tokens[i + 1].norm.contains(".") else { i += 1; continue }
                        p.value = p.value / NumberGrammar.pow10(tokens[i + 1].norm.unicodeScalars.count)
                    } else {
                        p.value = -p.value
                    }
                    p.start = i
                    i = finish(&p, tokens, into: &out)
                    continue
                }
                i += 1; continue
            case .arabic:
                if !grammar.mayBeNumber(t) { i += 1; continue }
            case .number:
                break
            }
            if var p = grammar.cardinal(tokens, at: i) {
                i = finish(&p, tokens, into: &out)
            } else if let p = grammar.ordinal(tokens, at: i) {
                if i > 0, monthHeads.contains(tokens[i - 1].key) { i += 1; continue }
                out.append(p)
                i = p.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// Adds a fraction ("١١/١٠") or percent sign to a parsed cardinal, appends it and returns the next index.
    private func finish(_ p: inout NumberGrammar.Parsed, _ tokens: [Token], into out: inout [NumberGrammar.Parsed]) -> Int {
        let n = tokens.count
        var j = p.end
        // A fraction of two digit groups glued by "/", unless it is a date (d/m/y, m/yyyy).
        if p.digits, p.scale == 0, j + 1 < n, tokens[j].norm == "/", tokens[j + 1].kind == .number,
           tokens[j].start == tokens[j - 1].end, tokens[j + 1].start == tokens[j].end,
           !(j + 2 < n && tokens[j + 2].norm == "/" && tokens[j + 2].start == tokens[j + 1].end),
           !(p.start > 0 && tokens[p.start - 1].norm == "/"),
           let d = NumberGrammar.digitValue(tokens[j + 1].norm), d != 0, !(d >= 1000 && d <= 2200) {
            p.value /= d; p.end = j + 2; j = p.end
        }
        if j < n, tokens[j].norm == "%" {
            p.kind = .percent; p.end = j + 1
        } else if let m = percentPhrases.match(tokens, at: j) {
            p.kind = .percent; p.end = m.end
        }
        out.append(p)
        return p.end
    }

    func mention(_ p: NumberGrammar.Parsed, _ tokens: [Token], _ text: ScalarText) -> NumberMention {
        let start = TextSpans.start(of: tokens[p.start], skippingLetters: p.startPrefix, in: text)
        let end = TextSpans.end(of: tokens[p.end - 1], in: text)
        return NumberMention(start: start, end: end, text: text.string(start..<end), value: p.value, kind: p.kind)
    }
}

/// Offsets helpers shared by the extractors.
enum TextSpans {
    /// The end of a token extended over the marks that normalization dropped after it (tanween in "عاماً",
    /// tatweel in "هـ"), so that a mention's text is the word as written.
    static func end(of token: Token, in text: ScalarText) -> Int {
        var k = token.end
        while k < text.count {
            let v = text[k].value
            guard ArabicNormalizer.isMark(v) else { break }
            k += 1
        }
        return k
    }

    /// The original offset after the first `letters` letters of a token (to leave out a proclitic such as "ب").
    static func start(of token: Token, skippingLetters letters: Int, in text: ScalarText) -> Int {
        guard letters > 0 else { return token.start }

        var seen = 0
        var k = token.start
        while k < token.end {
            let v = text[k].value
            let isMark = ArabicNormalizer.isMark(v) || v < 0x0600
            if !isMark {
                if seen == letters { return k }
                seen += 1
            }
            k += 1
        }
        return token.start
    }
}
