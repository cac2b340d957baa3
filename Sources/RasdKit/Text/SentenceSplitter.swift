/// Splits a token sequence into sentences. A sentence ends at . ! ? (and their Arabic forms, normalized) or at a
/// line break, but not inside quotes, not at a decimal point (numbers are single tokens) and not after a
/// one-letter abbreviation ("أ. ف. ب"، "د.") or inside written-out initials ("جيه.بي").
package struct SentenceSplitter: Sendable {
    package init() {}

    /// Token index ranges, one per sentence. `text` is the original text, used to see line breaks.
    package func split(_ tokens: [Token], in text: ScalarText) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var begin = 0
        var quoteDepth = 0
        for (i, t) in tokens.enumerated() {
            // A line break between this token and the next always ends the sentence (headlines, list items).
            let lineBreak = i + 1 < tokens.count && text.hasLineBreak(t.end..<tokens[i + 1].start)
            if t.kind == .punct {
                switch t.norm {
                case "«", "“", "(": quoteDepth += 1
                case "»", "”", ")": quoteDepth = max(0, quoteDepth - 1)
                default: break
                }
            }
            var ends = lineBreak
            // Inside «» “” () a full stop does not end the sentence; inside straight quotes it does: a straight
            // quote mark does not say whether it opens or closes, and one left unclosed must not swallow the
            // paragraph after it (the quote stage joins a quote that runs on into the next sentence).
            if !ends, t.kind == .punct, quoteDepth == 0, t.norm == "." || t.norm == "!" || t.norm == "?" {
                let prev = i > 0 ? tokens[i - 1] : nil
                let abbreviation = prev.map { $0.isWord && $0.norm.unicodeScalars.count == 1 && $0.end == t.start } ?? false
                // Nor a dot glued between short words: initials written out ("جيه.بي مورجان"، "إف.بي.آي").
                ends = !abbreviation && !GazetteerMatcher.isAbbreviationDot(tokens, i)
            }
            if ends {
                if lineBreak { quoteDepth = 0 }
                sentences.append(begin..<(i + 1))
                begin = i + 1
            }
        }
        if begin < tokens.count { sentences.append(begin..<tokens.count) }
        return sentences
    }
}
