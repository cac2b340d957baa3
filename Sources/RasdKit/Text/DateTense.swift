/// The direction that a date's own sentence gives it: a future verb or word of plan before the date
/// ("سيعقد يوم 20 سبتمبر"، "المقرر عقدها الأحد") points forward, a past verb ("عقد الاجتماع الثلاثاء") back.
/// Words and roles are data (`Resources/text/tense.tsv`).
struct DateTense: Sendable {
    enum Role: String, Sendable { case future, past, future_prefix, not_verb, boundary, clause, object_suffix }

    let words: CliticLexicon<Role>
    /// Entries of several words ("من المتوقع": "المتوقع" alone is also "على غير المتوقع", unexpectedly).
    let phrases: PhraseTable<Role>
    /// The starts of a future verb (normalized): سي، ست، سن.
    let futurePrefixes: [[Unicode.Scalar]]
    /// Object pronouns after a past verb, longest first.
    let objectSuffixes: [[Unicode.Scalar]]

    init() {
        let rows = TextResources.rows("tense.tsv").compactMap { r -> (String, Role)? in
            guard r.count >= 2, let role = Role(rawValue: r[1]) else { return nil }
            return (r[0], role)
        }
        let entries = rows.filter { $0.1 != .future_prefix && $0.1 != .object_suffix }
        words = CliticLexicon(entries.filter { !$0.0.contains(" ") })
        phrases = PhraseTable(entries.filter { $0.0.contains(" ") })
        func affixes(_ role: Role) -> [[Unicode.Scalar]] {
            rows.filter { $0.1 == role }.map { Array(ArabicNormalizer.shared.key($0.0).unicodeScalars) }.sorted { $0.count > $1.count }
        }
        futurePrefixes = affixes(.future_prefix)
        objectSuffixes = affixes(.object_suffix)
    }

    /// The role of one token: a listed word (with its proclitics), or a future verb: س + ي/ت/ن and a stem of at
    /// least three letters that is no plural or feminine noun ending (ات، ة), after an optional و/ف.
    func role(_ t: Token) -> Role? {
        guard t.kind == .arabic else { return nil }
        if let hit = words[t] { return hit.value == .not_verb ? nil : hit.value }
        var s = Array(t.norm.unicodeScalars)
        // A past verb with an object pronoun: "وقعاها".
        for suffix in objectSuffixes where s.count - suffix.count >= 3 && s.suffix(suffix.count).elementsEqual(suffix) {
            if let hit = words[TokenKey.of(String(String.UnicodeScalarView(s.dropLast(suffix.count))))], hit.value == .past { return .past }
        }
        if s.count > 4, s[0] == "و" || s[0] == "ف" { s.removeFirst() }
        guard s.count >= 4, s.last != "ه", !(s[s.count - 2] == "ا" && s[s.count - 1] == "ت"),
              futurePrefixes.contains(where: { s.starts(with: $0) }) else { return nil }
        // The stem again, without the conjunction: "وسنة" is not a verb either.
        if let hit = words[String(String.UnicodeScalarView(s))], hit.value == .not_verb { return nil }
        return .future
    }

    /// How far before the date a future verb (سـ) counts, in words: farther, a foreign word that starts the same
    /// way ("سيدان") is likelier than a verb of the date's clause.
    static let verbReach = 10

    /// The role of the word or phrase that starts at token `k`, nil for none.
    func role(_ tokens: [Token], at k: Int) -> Role? {
        if let p = phrases.match(tokens, at: k) { return p.value }
        return role(tokens[k])
    }

    /// The direction for the date in tokens `start..<end`: the nearest tense word before it in its sentence (past
    /// words only before any `boundary`; none beyond a relative pronoun, which opens the date's own clause), else
    /// one of the four words after it (a comma may follow the date); nil when the sentence says nothing.
    func direction(_ tokens: [Token], start: Int, end: Int, text: ScalarText? = nil) -> DatePreference? {
        /// A line break between tokens a and a + 1 (a headline above the sentence is another sentence).
        func lineBreak(_ a: Int) -> Bool {
            guard let text, a >= 0, a + 1 < tokens.count else { return false }
            return text.hasLineBreak(tokens[a].end..<tokens[a + 1].start)
        }
        var crossed = false
        var words = 0
        var k = start - 1
        while k >= 0, words < 24, !lineBreak(k) {
            let t = tokens[k]
            if t.kind == .punct, t.norm == "." || t.norm == "!" || t.norm == "?" { break }
            if t.isWord {
                words += 1
                switch role(tokens, at: k) {
                case .future:
                    if words > Self.verbReach, self.words[tokens[k]] == nil, phrases.match(tokens, at: k) == nil { break }
                    return .future
                case .past:
                    // "المقرر عقدها الأحد": after a word of plan, the verb's form is its noun ("its holding").
                    if k > 0, role(tokens, at: k - 1) == .future { return .future }
                    if !crossed { return .past }
                case .boundary: crossed = true
                case .clause: return nil
                default: break
                }
            }
            k -= 1
        }
        k = end
        words = 0
        while k < tokens.count, words < 4, !lineBreak(k - 1) {
            if tokens[k].kind == .punct {
                // "الخميس، أعلنت الوزارة": a comma right after the date does not end the search.
                guard tokens[k].norm == ",", words == 0 else { break }
                k += 1
                continue
            }
            words += 1
            switch role(tokens, at: k) {
            case .future: return .future
            case .past: return .past
            case .boundary, .clause: return nil
            default: break
            }
            k += 1
        }
        return nil
    }
}
