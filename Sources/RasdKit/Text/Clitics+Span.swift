/// Proclitic handling for matching names and lexicon words inside tokens ("وبيونغ"، "لروسيا"، "بالاتفاق").
package enum Proclitics {
    /// و ف ب ل ك س and the alef of ال.
    static let proclitic: Set<UInt32> = [0x0648, 0x0641, 0x0628, 0x0644, 0x0643, 0x0633, 0x0627]

    /// Candidate (prefix length in normalized scalars, stem) pairs for a normalized word, the word itself first.
    /// Prefixes: و/ف, then one of ب ل ك س, then ال; "لل" stands for ل + ال. Stems keep at least 2 letters.
    package static func candidates(_ word: String) -> [(prefix: Int, stem: String)] {
        // Most words begin with a letter that is no proclitic: one reading, no work.
        guard let head = word.unicodeScalars.first, proclitic.contains(head.value) else { return [(0, word)] }
        return readings(word, key: TokenKey.of(word)).map { ($0.prefix, $0.stem(of: word)) }
    }

    /// `candidates` of a token, from the readings it carries (`Token.clitics`).
    package static func candidates(_ token: Token) -> [(prefix: Int, stem: String)] {
        [(0, token.norm)] + token.clitics.map { ($0.prefix, $0.stem(of: token.norm)) }
    }

    /// Whether the token, as it is or without its proclitics, is one of `words` (normalized keys).
    package static func hasStem(_ token: Token, in words: Set<String>) -> Bool {
        candidates(token).contains { words.contains($0.stem) }
    }

    /// A reading of a word (the rules of `candidates`), without building its stem: the proclitic's length, the
    /// stem's `TokenKey`, and whether the stem gets back the article that "لل" dropped.
    package struct Reading: Sendable, Equatable {
        package var prefix: Int
        package var key: UInt64
        package var restoresArticle: Bool

        /// Whether the proclitics of this reading of `word` end with the article ("وال"، "بال"); "لل" readings restore it
        /// instead (`restoresArticle`).
        package func hasArticle(in word: String) -> Bool {
            let clitics = Array(word.unicodeScalars.prefix(prefix))
            return zip(clitics, clitics.dropFirst()).contains { $0 == "ا" && $1 == "ل" }
        }

        /// The stem as a String (`candidates`' second element).
        package func stem(of word: String) -> String {
            let rest = word.unicodeScalars.dropFirst(prefix)
            return restoresArticle ? String(unicodeScalars: ["ا", "ل"] + rest) : String(unicodeScalars: rest)
        }
    }

    /// A word's readings, the word itself first, hashed instead of spelled: matchers test the hashes and build the
    /// stem of a reading only when it hits (most words' readings begin no listed phrase); `candidates` spells
    /// them all. Prefixes: و/ف, then one of ب ل ك س, then ال; "لل" stands for ل + ال (the span starts after it,
    /// so a mention reads as the bare noun). Stems keep at least 2 letters.
    package static func readings(_ word: String, key: UInt64) -> [Reading] {
        guard let head = word.unicodeScalars.first, proclitic.contains(head.value) else {
            return [Reading(prefix: 0, key: key, restoresArticle: false)]
        }
        var out = [Reading(prefix: 0, key: key, restoresArticle: false)]
        // The splits are `Morphology`'s (its rules in text/morphology.tsv); here only hashed.
        let n = word.unicodeScalars.count
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: n) { scalars in
            var i = 0
            for u in word.unicodeScalars { scalars[i] = u.value; i += 1 }
            let s = UnsafeBufferPointer(scalars)
            Morphology.shared.forEachProcliticSplit(s) { split in
                guard split.length > 0 else { return }   // the word itself is the first reading already
                var h = split.restoresArticle ? TokenKey.mix(TokenKey.mix(TokenKey.seed, 0x0627), 0x0644) : TokenKey.seed
                for k in split.length..<s.count { h = TokenKey.mix(h, s[k]) }
                // A suffix never equals another reading's stem (see `candidates`), but a hash test keeps them distinct.
                guard !out.contains(where: { $0.key == h }) else { return }
                out.append(Reading(prefix: split.length, key: h, restoresArticle: split.restoresArticle))
            }
        }
        return out
    }

    /// `readings` after the word itself (empty when the word begins with no proclitic letter: no allocation).
    package static func clitics(_ word: String, key: UInt64) -> [Reading] {
        guard let head = word.unicodeScalars.first, proclitic.contains(head.value) else { return [] }
        return Array(readings(word, key: key).dropFirst())
    }

    /// The original-text offset after `prefix` normalized scalars of a token (skipping what the normalizer drops).
    package static func originalOffset(in text: ScalarText, token: Token, afterNormalized prefix: Int) -> Int {
        guard prefix > 0 else { return token.start }
        let normalizer = ArabicNormalizer.shared
        var counted = 0
        var i = token.start
        while i < token.end, counted < prefix {
            let out = normalizer.normalize(text, range: i..<(i + 1))
            counted += out.scalars.count
            i += 1
        }
        // Skip marks that belong to the last prefix letter.
        while i < token.end, normalizer.normalize(text, range: i..<(i + 1)).scalars.isEmpty { i += 1 }
        return i
    }
}
