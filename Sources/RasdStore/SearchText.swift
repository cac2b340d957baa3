import RasdKit

/// How text is put into the full-text index and how a query is turned into an FTS5 expression, with the same
/// normalization on both sides: ArabicNormalizer keys, plus clitic-stripped stems so that "والعراق",
/// "بالعراق" and "العراق" find each other. Public so that every store (SQLite, PostgreSQL) indexes and queries
/// the same words.
package enum SearchText {
    package static let tokenizer = Tokenizer.wordsOnly

    /// Words of the text (normalized) followed by the stems that differ from their word.
    package static func indexed(_ text: String, stemmer: CliticStripper) -> String {
        indexed(tokens: tokenizer.tokenize(ScalarText(text)), stemmer: stemmer)
    }

    package static func indexed(tokens: [Token], stemmer: CliticStripper) -> String {
        var words: [String] = []
        var stems: [String] = []
        words.reserveCapacity(tokens.count)
        for token in tokens where token.kind != .punct {
            words.append(token.norm)
            if token.kind == .arabic {
                let stem = stemmer.stem(token.norm)
                if stem != token.norm { stems.append(stem) }
            }
        }
        return (words + stems).joined(separator: " ")
    }

    /// The query's words as (normalized word, stem) pairs.
    package static func terms(_ query: String, stemmer: CliticStripper) -> [(word: String, stem: String)] {
        tokenizer.tokenize(ScalarText(query)).filter { $0.kind != .punct }.map { token in
            (token.norm, token.kind == .arabic ? stemmer.stem(token.norm) : token.norm)
        }
    }

    /// An FTS5 MATCH expression: every query word must match, as written or by its stem.
    /// `anyWord`: any query word suffices (the fallback when no article has them all).
    package static func matchExpression(_ terms: [(word: String, stem: String)], anyWord: Bool = false) -> String {
        terms.map { term in
            let word = quote(term.word)
            return term.stem == term.word ? word : "(\(word) OR \(quote(term.stem)))"
        }.joined(separator: anyWord ? " OR " : " AND ")
    }

    package static func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
