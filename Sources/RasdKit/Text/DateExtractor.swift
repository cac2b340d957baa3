/// Finds date expressions in a token sequence and resolves them against a reference date: absolute dates in
/// words or digits (both month-name systems, Hijri with هـ), weekdays, relative words, durations before or after
/// the reference (منذ 24 عاماً), parts of months, weeks, seasons, decades and holidays.
///
/// Conventions: `date` is the coarsest YYYY / YYYY-MM / YYYY-MM-DD that contains the expression (weeks, seasons,
/// decades; nil when no single year does), with the exact span in `spanFrom`/`spanTo`; a range of days stated in
/// the text ("13 إلى 15 تموز", "أوائل آذار", "رمضان 2019") is dated by its first day, its span giving both ends.
/// A relative expression with no reference date stays `.unresolved` with a nil date. Never guessed otherwise.
package struct DateExtractor: Sendable {
    let lex: DateLexicon
    let grammar: NumberGrammar
    let units: QuantityBuilder
    let tense: DateTense

    package static let shared = DateExtractor()

    package init() {
        lex = DateLexicon()
        grammar = NumberExtractor.shared.grammar
        units = NumberExtractor.shared.quantities
        tense = DateTense()
    }

    /// `reference` must be a full date; a coarser one (a publication known only to the month) is not used, so
    /// relative expressions stay unresolved rather than being guessed. `prefer` places a date with no year and no
    /// tense word only when its sentence has no tense either (`DateTense`: "سيعقد يوم 20 سبتمبر" is ahead).
    package func extract(_ tokens: [Token], in text: ScalarText, reference: PartialDate?, prefer: DatePreference = .past) -> [DateMention] {
        let reference = reference?.precision == .day ? reference : nil
        let scan = DateScan(x: self, tokens: tokens, ref: reference, prefer: prefer, text: text)
        var out: [DateMention] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            guard t.kind == .number || t.kind == .arabic, var f = scan.best(at: i) else { i += 1; continue }
            // A relative date after "الموافق" is the day of the date before it; any other is read again in the
            // direction its sentence gives, counted from the reference day.
            if f.basis == .relative, let g = sameDay(as: out.last, tokens, at: i, text: text) {
                f = g
            } else if reference != nil, f.basis == .relative, let d = tense.direction(tokens, start: i, end: f.end, text: text),
               let g = DateScan(x: self, tokens: tokens, ref: reference, prefer: d, byTense: true, text: text).best(at: i) {
                f = g
            }
            let start = TextSpans.start(of: tokens[i], skippingLetters: f.startPrefix, in: text)
            let end = TextSpans.end(of: tokens[f.end - 1], in: text)
            var basis = f.basis
            var date = f.date
            if reference == nil && basis == .relative { basis = .unresolved; date = nil }
            out.append(DateMention(start: start, end: end, text: text.string(start..<end), date: date, basis: basis,
                                   spanFrom: reference == nil && f.basis == .relative ? nil : f.from,
                                   spanTo: reference == nil && f.basis == .relative ? nil : f.to, kind: f.kind))
            i = f.end
        }
        return out
    }

    /// "6 أغسطس 2012، الموافق 17 رمضان", "10 ذو القعدة 1436هـ الموافق 25 أغسطس": a date with no year right after
    /// "الموافق" names the same day as the full date before it; read against that date, it is absolute.
    func sameDay(as previous: DateMention?, _ tokens: [Token], at i: Int, text: ScalarText) -> DateFound? {
        guard let previous, previous.basis == .absolute, let anchor = previous.date, anchor.precision == .day,
              i >= 2, lex.has(tokens[i - 1], .link), tokens[i - 1].norm == "الموافق" else { return nil }
        let before = tokens[i - 2].norm == "," && i >= 3 ? i - 3 : i - 2
        guard TextSpans.end(of: tokens[before], in: text) == previous.end else { return nil }
        let readings = [DatePreference.past, .future].compactMap {
            DateScan(x: self, tokens: tokens, ref: anchor, prefer: $0, text: text).best(at: i)
        }
        guard var best = readings.compactMap({ f in f.date.map { (f, abs($0.dayNumber - anchor.dayNumber)) } })
            .min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        best.0.basis = .absolute
        return best.0
    }
}

/// One match: the token after it, the resolved value and how it was resolved.
struct DateFound {
    var end: Int
    var date: PartialDate?
    var basis: DateMention.Basis
    var from: PartialDate? = nil
    var to: PartialDate? = nil
    var kind: String
    var startPrefix = 0
}
