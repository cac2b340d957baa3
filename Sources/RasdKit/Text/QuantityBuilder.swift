/// Turns parsed numbers into quantities: a number or range, the qualifier before it (أكثر من، نحو ...) or after it
/// (تقريبا), and the unit noun that follows it, kept as written. Numbers with a time unit are durations.
struct QuantityBuilder: Sendable {
    enum TimeUnit: String, Sendable { case day, week, month, year, decade, hour, minute }
    struct UnitWord: Sendable { let unit: TimeUnit; let count: Int }
    struct Qualifying: Sendable { let qualifier: Quantity.Qualifier; let pre: Bool }

    let grammar: NumberGrammar
    let qualifiers: PhraseTable<Qualifying>
    let timeUnits: CliticLexicon<UnitWord>
    let notUnits: Set<UInt64>
    let durationTriggers: CliticLexicon<Bool>
    /// Nouns that only count (`counted_nouns.tsv`): after one a year-like number is a count.
    let countedNouns: Set<UInt64>
    /// Words before an hour (`clock_words.tsv`): the number after one is a time of day, not a count.
    let clockWords: CliticLexicon<Bool>
    /// Connectors between the two ends of a range (normalized forms: ى is written ي).
    static let rangeWords: Set<UInt64> = Set(["الي", "حتي", "-", "و", "لغايه", "ولغايه", "والي"].map(TokenKey.of))

    init(grammar: NumberGrammar) {
        self.grammar = grammar
        qualifiers = PhraseTable(TextResources.rows("qualifiers.tsv").compactMap { row in
            guard row.count >= 3, let q = Quantity.Qualifier(rawValue: row[1]) else { return nil }
            return (row[0], Qualifying(qualifier: q, pre: row[2] != "post"))
        })
        timeUnits = CliticLexicon(TextResources.rows("units.tsv").compactMap { row in
            guard row.count >= 3, let u = TimeUnit(rawValue: row[1]), let c = Int(row[2]) else { return nil }
            return (row[0], UnitWord(unit: u, count: c))
        }, article: true)
        var stop = Set<UInt64>()
        for row in TextResources.rows("unit_stopwords.tsv") { stop.insert(TokenKey.of(ArabicNormalizer.shared.key(row[0]))) }
        // Month and weekday names are date parts, never units.
        for file in ["months.tsv", "weekdays.tsv"] {
            for row in TextResources.rows(file) {
                for (surface, _) in Clitics.surfaceForms(of: TextResources.words(row[0])[0], article: false) { stop.insert(TokenKey.of(surface)) }
            }
        }
        notUnits = stop
        durationTriggers = CliticLexicon(TextResources.rows("duration_triggers.tsv").map { ($0[0], true) })
        countedNouns = Set(TextResources.rows("counted_nouns.tsv").map { TokenKey.of(ArabicNormalizer.shared.key($0[0])) })
        clockWords = CliticLexicon(TextResources.rows("clock_words.tsv").map { ($0[0], true) })
    }

    static let waw = TokenKey.of("و")
    /// Words before a year ("عام 2019 بسبب ..."), so that the word after the year is not read as its unit.
    static let yearCues: Set<UInt64> = Set(["عام", "العام", "لعام", "بعام", "وعام", "سنه", "السنه", "عامي"].map(TokenKey.of))
    static let dash = TokenKey.of("-")

    static func yearLike(_ p: NumberGrammar.Parsed) -> Bool {
        p.digits && p.scale == 0 && p.value >= 1000 && p.value <= 2200 && p.value == p.value.rounded()
    }

    func timeUnit(_ t: Token) -> UnitWord? { timeUnits[t.key]?.value }

    /// A singular time unit before a four-digit number names that year ("منذ عام 2011"), not one year's duration.
    static func namesYear(_ tokens: [Token], unitAt i: Int) -> Bool {
        i + 1 < tokens.count && tokens[i + 1].kind == .number && tokens[i + 1].norm.unicodeScalars.count == 4
    }

    /// A time of day: digits glued to another group by ":" (12:46), or digits right after an hour word
    /// ("الساعة 0621").
    func isClockTime(_ p: NumberGrammar.Parsed, _ tokens: [Token]) -> Bool {
        guard p.digits else { return false }
        func glued(_ i: Int, _ j: Int) -> Bool { i >= 0 && j < tokens.count && tokens[i].end == tokens[j].start }
        let s = p.start, e = p.end
        if s >= 2, tokens[s - 1].norm == ":", tokens[s - 2].kind == .number, glued(s - 2, s - 1), glued(s - 1, s) { return true }
        if e + 1 < tokens.count, tokens[e].norm == ":", tokens[e + 1].kind == .number, glued(e - 1, e), glued(e, e + 1) { return true }
        return s > 0 && clockWords[tokens[s - 1]] != nil
    }

    func build(_ parsed: [NumberGrammar.Parsed], _ tokens: [Token], _ text: ScalarText) -> [Quantity] {
        var out: [Quantity] = []
        var covered = Set<Int>()   // token indexes already inside a quantity
        var k = 0
        while k < parsed.count {
            var a = parsed[k]
            k += 1
            guard a.kind != .ordinal, !isClockTime(a, tokens) else { continue }
            var startTok = a.start
            var endTok = a.end
            var lo: Double? = nil, hi: Double? = nil
            // A range: "20 ألف إلى 50 ألف", "بين 20 و50", "13-15".
            if k < parsed.count, parsed[k].kind != .ordinal, parsed[k].start == a.end + 1 || (parsed[k].start == a.end && tokens[a.end].norm.hasPrefix("و")) {
                let b = parsed[k]
                let connector = parsed[k].start == a.end + 1 ? tokens[a.end].key : TokenKey.of("و")
                let between = startTok > 0 && ["بين", "وبين", "فبين"].contains(tokens[startTok - 1].norm)
                var ok = QuantityBuilder.rangeWords.contains(connector)
                if connector == QuantityBuilder.waw && !between { ok = false }
                if connector == QuantityBuilder.dash && !(a.digits && b.digits) { ok = false }
                if ok {
                    if a.scale == 0, b.scale > 0, a.value * b.scale <= b.value { a.value *= b.scale }
                    if a.value < b.value {
                        lo = a.value; hi = b.value; endTok = b.end; k += 1
                        if a.kind == .percent || b.kind == .percent { a.kind = .percent }
                        if between {
                            startTok -= 1
                            if startTok > 0, tokens[startTok - 1].norm == "ما" { startTok -= 1 }
                        } else if startTok > 0, ["من", "ومن"].contains(tokens[startTok - 1].norm), connector != QuantityBuilder.dash {
                            startTok -= 1
                        }
                    }
                }
            }
            // Qualifier before: the longest phrase that ends right at the number.
            var qualifier: Quantity.Qualifier? = nil
            for back in stride(from: min(4, startTok), through: 1, by: -1) {
                if let m = qualifiers.match(tokens, at: startTok - back), m.end == startTok, m.value.pre {
                    qualifier = m.value.qualifier; startTok -= back; break
                }
            }
            let yearLike = QuantityBuilder.yearLike(a) || (lo != nil && QuantityBuilder.yearLike(parsed[k - 1]))
            // Unit noun after the number (or "من" + noun after a vague plural: عشرات الآلاف من الجنود).
            var unit: String? = nil
            var duration = false
            var u = endTok
            if a.kind == .approximate || a.scale > 0, u + 1 < tokens.count, tokens[u].norm == "من", isUnitNoun(tokens[u + 1]) { u += 1 }
            // A year ("2024 وغادر", "في 2022 والعام") has no unit unless the noun follows it directly.
            let yearStops = yearLike && u < tokens.count && (["و", "ف", "ب", "ل", "ك", "ال"].contains { tokens[u].norm.hasPrefix($0) }
                || (startTok > 0 && (notUnits.contains(tokens[startTok - 1].key) || QuantityBuilder.yearCues.contains(tokens[startTok - 1].key))))
            // A bare 19xx/20xx is far more often a year than a count; it takes a unit only after a qualifier.
            let plainYear = yearLike && a.value >= 1900 && a.value < 2100 && qualifier == nil
                && !(u < tokens.count && countedNouns.contains(tokens[u].key))
            if a.kind != .percent, !yearStops, !plainYear, u < tokens.count, isUnitNoun(tokens[u]) {
                unit = text.string(tokens[u].start..<TextSpans.end(of: tokens[u], in: text))
                duration = timeUnit(tokens[u]) != nil
                endTok = u + 1
            }
            if a.kind == .percent { unit = "%" }
            // Qualifier after: "تقريبا", "على الأقل".
            if qualifier == nil, let m = qualifiers.match(tokens, at: endTok), !m.value.pre {
                qualifier = m.value.qualifier; endTok = m.end
            }
            let keep = unit != nil || a.kind == .approximate || lo != nil && !yearLike || (qualifier != nil && !yearLike && qualifier != .up_to)
            guard keep else { continue }
            for i in startTok..<endTok { covered.insert(i) }
            let start = startTok == a.start ? TextSpans.start(of: tokens[a.start], skippingLetters: a.startPrefix, in: text) : tokens[startTok].start
            let end = TextSpans.end(of: tokens[endTok - 1], in: text)
            out.append(Quantity(start: start, end: end, text: text.string(start..<end), value: lo == nil ? a.value : nil,
                                min: lo, max: hi, qualifier: qualifier, unit: unit, isDuration: duration))
        }
        out.append(contentsOf: wordDurations(tokens, text, covered: covered))
        return out.sorted { $0.start < $1.start }
    }

    /// Durations written without a number: a dual ("يومين") anywhere, or a singular after a trigger ("منذ عام").
    private func wordDurations(_ tokens: [Token], _ text: ScalarText, covered: Set<Int>) -> [Quantity] {
        var out: [Quantity] = []
        for (i, t) in tokens.enumerated() where t.kind == .arabic {
            guard let h = timeUnits[t.key], !covered.contains(i), !h.prefix.contains("ال") && h.prefix != "لل" else { continue }
            let afterTrigger = i > 0 && durationTriggers[tokens[i - 1].key] != nil
            guard h.value.count == 2 || (afterTrigger && h.value.count == 1 && !Self.namesYear(tokens, unitAt: i)) else { continue }
            let start = TextSpans.start(of: t, skippingLetters: h.prefix.unicodeScalars.count, in: text)
            let end = TextSpans.end(of: t, in: text)
            out.append(Quantity(start: start, end: end, text: text.string(start..<end), value: Double(h.value.count),
                                unit: text.string(start..<end), isDuration: true))
        }
        return out
    }

    /// True when the token can be the counted noun: an Arabic word that is not a function word, number or date word.
    func isUnitNoun(_ t: Token) -> Bool {
        guard t.kind == .arabic || t.kind == .latin else { return false }
        if notUnits.contains(t.key) || grammar.mayBeNumber(t) && timeUnits[t.key] == nil { return false }
        if qualifiers.startsPhrase(t.key) { return false }
        return t.norm.unicodeScalars.count >= 2
    }
}
