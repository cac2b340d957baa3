/// Boilerplate inside a kept line, which line rules cannot drop without losing the article text around it: a
/// link to the story appended to its last sentence ("رابط الخبر بصحيفة ...: TITLE", rule `tail`), a wire's end or
/// continuation marker with its time stamp ("// انتهى // 14:20 ت م", rule `marker`), and a byline or dateline
/// opening the first lines ("NAME- OUTLET- متابعة: ...", rule `lead_byline`, by shape).
struct InlineBoilerplate: Sendable {
    let phrases: BoilerplatePhrases

    /// What stays of `line` and what goes, with the rule that took it.
    func split(_ text: ScalarText, line: Range<Int>, opensArticle: Bool) -> (kept: [Range<Int>], removed: [(range: Range<Int>, rule: String)]) {
        var removed: [(range: Range<Int>, rule: String)] = []
        let normalized = ArabicNormalizer.shared.normalize(text, range: line)
        // Letters without white space, each with its offset in `text`.
        var letters: [Unicode.Scalar] = [], origin: [Int] = []
        for (k, s) in normalized.scalars.enumerated() where !s.isWhitespaceFast {
            letters.append(s); origin.append(Int(normalized.origin[k]))
        }
        if opensArticle, let lead = leadByline(text, line) { removed.append((lead, "lead_byline")) }
        for (phrase, rule) in phrases.inline {
            var from = 0
            while let at = find(phrase, in: letters, from: from) {
                var start = origin[at]
                // A phrase starts a word: the scalar before it in the text is no Arabic letter.
                if start > line.lowerBound, Tokenizer.isArabicLetter(text[start - 1].value) { from = at + 1; continue }
                // A tail glued to an address before it ("name@mail.comللتواصل مع الكاتب") takes the address along.
                if rule == .tail {
                    while start > line.lowerBound, !text[start - 1].isWhitespaceFast, !Tokenizer.isArabicLetter(text[start - 1].value) { start -= 1 }
                }
                let end = rule == .tail ? line.upperBound
                    : timeStampEnd(text, from: origin[at + phrase.count - 1] + 1, limit: line.upperBound)
                removed.append((start..<end, rule.rawValue))
                from = at + phrase.count
                if rule == .tail { break }
            }
        }
        guard !removed.isEmpty else { return ([line], []) }
        removed.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Kept: the line minus the removed stretches, white space trimmed at the cuts.
        var kept: [Range<Int>] = []
        var cursor = line.lowerBound
        var merged: [(range: Range<Int>, rule: String)] = []
        for cut in removed {
            if let last = merged.last, cut.range.lowerBound < last.range.upperBound {
                if cut.range.upperBound > last.range.upperBound { merged[merged.count - 1].range = last.range.lowerBound..<cut.range.upperBound }
                continue
            }
            merged.append(cut)
        }
        for cut in merged {
            appendTrimmed(text, cursor..<cut.range.lowerBound, to: &kept)
            cursor = cut.range.upperBound
        }
        appendTrimmed(text, cursor..<line.upperBound, to: &kept)
        return (kept, merged)
    }

    func appendTrimmed(_ text: ScalarText, _ range: Range<Int>, to kept: inout [Range<Int>]) {
        let trimmed = BoilerplateCleaner.trimmed(text, range)
        // A stretch with no letter or digit (a lone slash or colon) is not text.
        if trimmed.contains(where: { isLetter(text[$0]) || Tokenizer.isDigit(text[$0].value) }) { kept.append(trimmed) }
    }

    func find(_ phrase: [Unicode.Scalar], in letters: [Unicode.Scalar], from: Int) -> Int? {
        guard phrase.count <= letters.count, from <= letters.count - phrase.count else { return nil }
        for start in from...(letters.count - phrase.count) where letters[start] == phrase[0] {
            if letters[start..<(start + phrase.count)].elementsEqual(phrase) { return start }
        }
        return nil
    }

    /// The end of a time stamp right after a marker ("14:20 ت م"، "2:15 ت.غ"), else `from`.
    func timeStampEnd(_ text: ScalarText, from: Int, limit: Int) -> Int {
        var k = from
        while k < limit, text[k].isWhitespaceFast { k += 1 }
        let digitsStart = k
        while k < limit, Tokenizer.isDigit(text[k].value) || text[k] == ":" { k += 1 }
        guard k > digitsStart, (digitsStart..<k).contains(where: { text[$0] == ":" }) else { return from }
        var end = k
        // A zone or period after the time: "ت م", "ت.غ", "تغ", "م", "ص".
        var j = k, letters = 0
        while j < limit, letters <= 2, text[j].isWhitespaceFast || text[j] == "." || ["ت", "م", "غ", "ص"].contains(text[j]) {
            if !text[j].isWhitespaceFast && text[j] != "." { letters += 1; end = j + 1 }
            j += 1
        }
        return letters <= 2 ? end : k
    }

    /// A byline at the start of one of the article's first lines, before a colon: at most six words, no comma or
    /// full stop, and two dashes ("عوض الفهمي- سبق- أضم:") or one before a desk word or outlet of the `lead` rows ("سبق-
    /// متابعة:"، "NAME- سبق:"). A dateline with one dash ("واس- الرياض:") stays: its place is the article's. A
    /// colon after words with no dash ("قالت الهيئة:") opens speech.
    func leadByline(_ text: ScalarText, _ line: Range<Int>) -> Range<Int>? {
        var words = 0, inWord = false, dashes = 0, sawWord = false, lastDash = line.lowerBound
        for k in line {
            let s = text[k]
            let letter = isLetter(s) || Tokenizer.isDigit(s.value)
            if letter && !inWord { words += 1; if words > 6 { return nil } }
            inWord = letter
            if letter { sawWord = true; continue }
            switch s {
            case "-", "–", "—": if sawWord { dashes += 1; lastDash = k }
            // A tatweel is a dash only standing apart ("طلال عبدالله ـ جدة"), not drawn out after a letter ("لـ").
            case "ـ": if sawWord, k > line.lowerBound, text[k - 1].isWhitespaceFast { dashes += 1; lastDash = k }
            case "،", ",", ".", "؟", "!", "\n": return nil
            case ":":
                // A body sentence follows (a headline "X - Y: Z" is no byline).
                guard dashes > 0, wordCount(text, (k + 1)..<line.upperBound, atLeast: 8) else { return nil }
                // One dash: "OUTLET- DESK:" goes, but "AGENCY- PLACE:" is a dateline whose place the article keeps.
                if dashes == 1, !phrases.leadWords.contains(BoilerplatePhrases.lineKey(text.string((lastDash + 1)..<k))) { return nil }
                return line.lowerBound..<(k + 1)
            default: break
            }
        }
        return nil
    }

    func wordCount(_ text: ScalarText, _ range: Range<Int>, atLeast minimum: Int) -> Bool {
        var words = 0, inWord = false
        for k in range {
            let letter = isLetter(text[k]) || Tokenizer.isDigit(text[k].value)
            if letter && !inWord { words += 1; if words >= minimum { return true } }
            inWord = letter
        }
        return false
    }

    func isLetter(_ s: Unicode.Scalar) -> Bool {
        Tokenizer.isArabicLetter(s.value) || Tokenizer.isLatinLetter(s)
    }
}
