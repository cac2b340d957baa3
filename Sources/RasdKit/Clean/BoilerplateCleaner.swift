/// Removes site boilerplate from an article, line by line, and splits off an unrelated story appended after a
/// "read also" marker as a document of its own.
///
/// Rules, in order of strength: phrase rules from `Resources/clean/boilerplate.tsv`; lines that repeat within the
/// article (a headline echoed as a bullet); tag clouds (long lines of repeated words without punctuation); lines
/// that other articles of the same outlet repeat (`repeatedLines`, learned from the collection).
package struct BoilerplateCleaner: Sendable {
    package var phrases: BoilerplatePhrases
    /// Lines (in `RepeatedBlockDetector.normalizedLine` form) that the collection shows to be boilerplate for
    /// this document's outlet. Only short lines are taken from it: a paragraph shared by several articles is
    /// wire copy, not a menu.
    package var repeatedLines: Set<String> = []
    /// The same lines as `LineHash` values, for incremental analysis; when set, it is used instead of
    /// `repeatedLines`, and every line looked up is listed in the main document's `repeatedLineLookups` (what its
    /// record depends on).
    package var repeatedLineHashes: Set<UInt64>?
    /// Menus, share bars, bylines and copyright lines recognized by their shape.
    package var shapes = BoilerplateShapes.bundled
    package static let maxRepeatedLineWords = 12

    package init(phrases: BoilerplatePhrases = .bundled) {
        self.phrases = phrases
    }

    struct Line {
        var range: Range<Int>
        var key: String
        var words: Int
        var hasSentencePunctuation: Bool
    }

    /// The cleaned article, followed by any story split off it.
    package func clean(_ document: Document) -> [Document] {
        let lines = splitLines(document.text)
        guard !lines.isEmpty else {
            var doc = document
            doc.segments = []
            return [doc]
        }
        var keep = [Bool](repeating: true, count: lines.count)
        var rules = [String?](repeating: nil, count: lines.count)
        var splitStory: Range<Int>?   // line indices of an appended story
        var lookups: [UInt64] = []

        // Lines repeated within the article (short ones only: a paragraph is never quoted twice by a template).
        var seen: [String: Int] = [:]
        for line in lines where line.words <= 14 { seen[line.key, default: 0] += 1 }

        var i = 0
        var endReached = false
        while i < lines.count {
            let line = lines[i]
            if endReached { keep[i] = false; rules[i] = rules[i] ?? "end"; i += 1; continue }
            let rule = phrases.rule(forLineKey: line.key)
            switch rule {
            case .end?:
                endReached = true
                keep[i] = false; rules[i] = "end"
            case .readAlso?:
                keep[i] = false; rules[i] = "read_also"
                // After the marker: either a full story (split off) or a few headlines (dropped).
                var j = i + 1
                var storyEnd = j
                var hasParagraph = false
                while j < lines.count {
                    let next = lines[j]
                    if let r = phrases.rule(forLineKey: next.key), r != .section { break }
                    if next.words >= 25 && next.hasSentencePunctuation { hasParagraph = true }
                    j += 1
                    storyEnd = j
                }
                if hasParagraph && splitStory == nil {
                    splitStory = (i + 1)..<storyEnd
                }
                for k in (i + 1)..<storyEnd {
                    keep[k] = false
                    rules[k] = hasParagraph ? "split_story" : "read_also_list"
                }
                i = storyEnd
                continue
            case .line?, .prefix?:
                keep[i] = false; rules[i] = rule!.rawValue
            case .credit?:
                // A credit closes an article; at its top the same words are a byline ("إعداد: ...").
                if (i >= lines.count - 3 || i <= 5) && line.words <= 30 { keep[i] = false; rules[i] = "credit" }
            case .contains?:
                if line.words <= 20 { keep[i] = false; rules[i] = "copyright" }
            case .section?:
                if i <= 1 { keep[i] = false; rules[i] = "section" }
            case .tail?, .marker?, .lead?:
                break   // inline rules: never a whole line's (InlineBoilerplate)
            case nil:
                let raw = document.text.string(line.range)
                if let shape = shapes.boilerplateShape(raw, words: line.words, index: i, firstKept: firstKept(keep, upTo: i)) {
                    keep[i] = false; rules[i] = shape
                } else if line.words <= 14, seen[line.key, default: 0] >= 2 {
                    keep[i] = false; rules[i] = "repeated_in_article"
                } else if isTagCloud(document.text, line) {
                    keep[i] = false; rules[i] = "tag_cloud"
                } else if line.words <= Self.maxRepeatedLineWords, let hashes = repeatedLineHashes {
                    // Looked up even when the outlet has no repeated line yet: a later collection may have some.
                    let hash = LineHash.of(RepeatedBlockDetector.normalizedLine(document.text.string(line.range)))
                    lookups.append(hash)
                    if hashes.contains(hash) { keep[i] = false; rules[i] = "repeated_in_outlet" }
                } else if line.words <= Self.maxRepeatedLineWords, !repeatedLines.isEmpty,
                          repeatedLines.contains(RepeatedBlockDetector.normalizedLine(document.text.string(line.range))) {
                    keep[i] = false; rules[i] = "repeated_in_outlet"
                }
            }
            i += 1
        }

        var main = document
        main.segments = []
        main.removed = []
        main.repeatedLineLookups = lookups
        let inline = InlineBoilerplate(phrases: phrases)
        var keptLines = 0
        for (k, line) in lines.enumerated() {
            if keep[k] {
                let parts = inline.split(document.text, line: line.range, opensArticle: keptLines < 3)
                main.segments += parts.kept
                main.removed += parts.removed
                keptLines += 1
            } else {
                main.removed.append((line.range, rules[k] ?? "boilerplate"))
            }
        }
        main.removed.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result = [main]
        if let story = splitStory {
            var child = document
            child.id = document.id + "~1"
            child.parent = document.id
            child.title = document.text.string(lines[story.lowerBound].range)
            child.removed = []
            child.segments = story.compactMap { k in
                let line = lines[k]
                return phrases.rule(forLineKey: line.key) == nil ? line.range : nil
            }
            result.append(child)
        }
        return result
    }

    /// The first line before `i` still kept (the headline, on most pages), if any.
    func firstKept(_ keep: [Bool], upTo i: Int) -> Int? {
        (0..<i).first { keep[$0] }
    }

    /// Non-blank lines with their keys.
    func splitLines(_ text: ScalarText) -> [Line] {
        var lines: [Line] = []
        var start = 0
        let n = text.count
        func flush(_ end: Int) {
            let trimmed = Self.trimmed(text, start..<end)
            let lo = trimmed.lowerBound, hi = trimmed.upperBound
            guard lo < hi else { return }
            let raw = text.string(lo..<hi)
            let key = BoilerplatePhrases.lineKey(raw)
            var words = 0
            var inWord = false
            var punct = false
            for s in raw.unicodeScalars {
                let letter = Tokenizer.isArabicLetter(s.value) || Tokenizer.isLatinLetter(s) || Tokenizer.isDigit(s.value)
                if letter && !inWord { words += 1 }
                inWord = letter
                if s == "." || s == "،" || s == "," || s == "؟" || s == "!" || s == "?" || s == ":" { punct = true }
            }
            lines.append(Line(range: lo..<hi, key: key, words: words, hasSentencePunctuation: punct))
        }
        for i in 0..<n where text[i] == "\n" || text[i] == "\u{2029}" {
            flush(i)
            start = i + 1
        }
        flush(n)
        return lines
    }

    /// `range` without the white space at its ends.
    static func trimmed(_ text: ScalarText, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, text[lo].isWhitespaceFast { lo += 1 }
        while hi > lo, text[hi - 1].isWhitespaceFast { hi -= 1 }
        return lo..<hi
    }

    /// A long line of words with no sentence punctuation in which words keep recurring: a tag list or menu.
    func isTagCloud(_ text: ScalarText, _ line: Line) -> Bool {
        guard line.words >= 15, !line.hasSentencePunctuation else { return false }
        let words = line.key.split(separator: " ")
        let distinct = Set(words).count
        return Double(distinct) / Double(max(words.count, 1)) < 0.6
    }
}
