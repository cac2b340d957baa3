import Foundation

/// Boilerplate lines recognized by their shape rather than their words, since every site words its menus
/// differently:
/// - navigation: short items between separators ("الرئيسية | أخبار | السودان"، "الرئيسية » سياسة » الخليج");
/// - share bar: a short line made mostly of social network names (`Resources/clean/social_networks.tsv`);
/// - copyright: a short line with "©";
/// - contact: a line that is only a network's name ("تويتر:", its handle gone with the tail) or an e-mail address
///   (a columnist's, under the column);
/// - byline: on one of the first lines, after the headline, a short "place - outlet" or "place: author" line
///   ("الرياض - المرفأ"، "الخرطوم: عثمان الطيب"، "القاهرة - (وكالات):").
package struct BoilerplateShapes: Sendable {
    let networks: PhraseLexicon

    package static let bundled = BoilerplateShapes(networks: PhraseLexicon.resource("clean/social_networks.tsv"))

    static let separators: Set<Unicode.Scalar> = ["|", "›", "•", "·"]

    /// The rule name for a boilerplate line, or nil. `index` is the line's position, `firstKept` the first line
    /// kept before it (the headline).
    package func boilerplateShape(_ line: String, words: Int, index: Int, firstKept: Int?) -> String? {
        if isNavigation(line) { return "navigation" }
        // A numbered or quoted list of apps ("3 - تطبيق «فيسبوك» Facebook") is content.
        if words <= 10, !line.unicodeScalars.contains(where: { Tokenizer.isDigit($0.value) || $0 == "«" }), isShareBar(line) {
            return "share_bar"
        }
        if words <= 20, line.unicodeScalars.contains("©") { return "copyright" }
        if line.utf8.count <= 80, isContact(line) { return "contact" }
        if index <= 4, let headline = firstKept, headline < index, isByline(line, words: words) { return "byline" }
        return nil
    }

    /// At least two separators (three items), every item at most four words, no sentence punctuation.
    func isNavigation(_ line: String) -> Bool {
        var items: [Int] = [0]   // words per item
        var inWord = false
        // "»" separates breadcrumbs only where no "«" opens a quote.
        let guillemets = !line.unicodeScalars.contains("«")
        for s in line.unicodeScalars {
            if Self.separators.contains(s) || (guillemets && s == "»") {
                items.append(0); inWord = false; continue
            }
            if s == "." || s == "،" || s == "؟" || s == "!" || s == "?" { return false }
            let letter = Tokenizer.isArabicLetter(s.value) || Tokenizer.isLatinLetter(s) || Tokenizer.isDigit(s.value)
            if letter && !inWord { items[items.count - 1] += 1 }
            inWord = letter
        }
        let filled = items.filter { $0 > 0 }
        guard filled.count >= 3, filled.count >= items.count - 1 else { return false }
        return filled.allSatisfy { $0 <= 4 }
    }

    /// A network's name alone, or one e-mail address with nothing else on the line.
    func isContact(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !trimmed.unicodeScalars.contains(where: { $0 == " " }) {
            return true
        }
        let tokens = Tokenizer().tokenize(ScalarText(line)).filter(\.isWord)
        return !tokens.isEmpty && networks.match(tokens, at: 0)?.tokens.upperBound == tokens.count
    }

    /// Two or more network names making up at least half of the line's words.
    func isShareBar(_ line: String) -> Bool {
        let tokens = Tokenizer().tokenize(ScalarText(line)).filter(\.isWord)
        guard !tokens.isEmpty else { return false }
        var named = 0
        var k = 0
        while k < tokens.count {
            if let m = networks.match(tokens, at: k) { named += 1; k = m.tokens.upperBound } else { k += 1 }
        }
        return named >= 2 && named * 2 >= tokens.count
    }

    /// "X - Y" or "X: Y" with at most five words, at most two before the separator, and no sentence end.
    func isByline(_ line: String, words: Int) -> Bool {
        guard words >= 2, words <= 5 else { return false }
        // Bidi marks (U+202B ...) often wrap such lines: trim them with the spaces.
        let trimmed = line.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}")))
        // Bullets, digits and brackets belong to lists and recipes ("* التقييم: (*2)"), not bylines.
        guard !trimmed.hasSuffix("."), !trimmed.contains("،"), !trimmed.hasPrefix("*"),
              !trimmed.unicodeScalars.contains(where: { Tokenizer.isDigit($0.value) }) else { return false }
        for separator in [" - ", " – ", ":", " — "] {
            guard let r = trimmed.range(of: separator) else { continue }
            let before = trimmed[..<r.lowerBound].split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" })
            // A numbered item ("3 - الافتقار إلى المهنية:") is content.
            let isName = before.allSatisfy { $0.unicodeScalars.allSatisfy { !Tokenizer.isDigit($0.value) } }
            if !before.isEmpty, before.count <= 2, isName { return true }
        }
        return false
    }
}
