/// The date grammar over one token sequence: the parts of a date (day, month, year) and their resolution.
/// Patterns that combine the parts are in DatePatterns.swift.
struct DateScan {
    let x: DateExtractor
    let tokens: [Token]
    let ref: PartialDate?
    let prefer: DatePreference
    /// The direction comes from the sentence's tense: a future date with a day is then on or after the reference
    /// day (with the preference alone, the reference month counts as current).
    var byTense = false
    /// The text the tokens come from, to see line breaks (datelines); nil when only tokens are known.
    var text: ScalarText? = nil

    var lex: DateLexicon { x.lex }
    var grammar: NumberGrammar { x.grammar }
    var n: Int { tokens.count }
    /// The reference date; without one, relative results are computed against a placeholder and then dropped
    /// (their basis is `.relative`, turned into `.unresolved` by the caller).
    var r: PartialDate { ref ?? PartialDate(year: 2000, month: 1, day: 1) }

    // Both read outside the tokens as nothing: patterns look one token back (`i - 1`) as well as ahead.
    func norm(_ i: Int) -> String { i >= 0 && i < n ? tokens[i].norm : "" }
    func key(_ i: Int) -> UInt64 { i < n ? tokens[i].key : 0 }
    func has(_ i: Int, _ role: DateLexicon.Role) -> Bool { i >= 0 && i < n && lex.has(tokens[i], role) }
    func prefixLength(_ i: Int) -> Int { i < n ? (lex.words[tokens[i].key]?.prefix.unicodeScalars.count ?? 0) : 0 }

    /// Whether token `i`, its clitic `prefix` and diacritics aside, is written as a form that only looks like a
    /// month name ("إب", the city, against the month "آب"; month_lookalikes.tsv). Unknown without the text.
    func isLookalike(_ i: Int, prefix: String) -> Bool {
        guard let text, !lex.monthLookalikes.isEmpty else { return false }
        let letters = text.letters(tokens[i].start..<tokens[i].end)
        return lex.monthLookalikes.contains(String(unicodeScalars: letters.dropFirst(prefix.unicodeScalars.count)))
    }

    /// True when a line break separates tokens `a` and `b` (a < b).
    func lineBreak(_ a: Int, _ b: Int) -> Bool {
        text?.hasLineBreak(tokens[a].end..<tokens[b].start) ?? false
    }

    /// The word after a dateline, "الرياض - اليوم": one to three words at the start of a line, then a dash or colon.
    func afterDateline(_ i: Int) -> Bool {
        guard text != nil, i >= 2, ["-", "–", "—", ":"].contains(norm(i - 1)) else { return false }
        var k = i - 2
        while k >= 0, k >= i - 4, tokens[k].kind == .arabic {
            if k == 0 || lineBreak(k - 1, k) { return true }
            k -= 1
        }
        return false
    }

    // MARK: Parts

    enum MonthRef { case named(Int, DateLexicon.Calendar), relative(Int) }
    struct MonthPart {
        var end: Int; var ref: MonthRef; var prefix: Int
        /// A name that is also a common word or a place ("آب" is Ibb and "father"), with no date word before it:
        /// it is a month only with a day, a year or a tense word beside it (months.tsv, column "cued").
        var weak = false
    }
    struct YearPart { var end: Int; var year: Int?; var offset: Int?; var hijri: Bool }
    struct DayPart { var end: Int; var day: Int; var prefix: Int }

    /// A month: a name (or a pair of names: يونيو/حزيران), "شهر" + number, "الشهر" + ordinal, or a relative month.
    func month(_ i: Int, hijri: Bool = false) -> MonthPart? {
        guard i < n else { return nil }
        var j = i
        var prefix = 0
        var cue = false
        if has(j, .this), has(j + 1, .month_cue), norm(j + 1).hasSuffix("الشهر") {
            return MonthPart(end: j + 2, ref: .relative(0), prefix: 0)
        }
        if has(j, .month_cue) { cue = true; prefix = prefixLength(j); j += 1 }
        // "باب" (a door) is not ب + آب: a preposition glued to a two-letter month name is too weak.
        if let m = lex.months.match(tokens, at: j), hijri || m.value.calendar != .hijri,
           m.prefix.isEmpty || m.prefix == "و" || tokens[j].norm.unicodeScalars.count - m.prefix.unicodeScalars.count > 2 {
            if !cue { prefix = m.prefix.unicodeScalars.count }
            var end = m.end
            // A pair of names for the same month, "يونيو/حزيران", "حزيران (يونيو)", "يونيو حزيران".
            var k = end
            if k < n, ["/", "(", "-", ","].contains(norm(k)) { k += 1 }
            if let m2 = lex.months.match(tokens, at: k), m2.value.month == m.value.month, m2.prefix.isEmpty,
               m2.value.calendar != m.value.calendar {
                end = m2.end
                if end < n, norm(end) == ")" { end += 1 }
            }
            let weak = m.value.needsCue && !cue && (m.prefix.isEmpty || m.prefix == "و")
                && !(has(i - 1, .link) || has(i - 1, .month_cue) || has(i - 1, .range_to))
                || m.end == j + 1 && isLookalike(j, prefix: m.prefix)
            return MonthPart(end: end, ref: .named(m.value.month, m.value.calendar), prefix: prefix, weak: weak)
        }
        guard cue, j < n else { return nil }
        if norm(j - 1).hasSuffix("الشهر") || norm(j - 1).hasSuffix("لشهر") {
            if let rm = lex.relative.match(tokens, at: j), case .modifier(let off) = rm.value, rm.prefix.isEmpty {
                return MonthPart(end: rm.end, ref: .relative(off), prefix: prefix)
            }
            if let o = grammar.ordinal(tokens, at: j), o.startPrefix == 0, (1...12).contains(Int(o.value)) {
                return MonthPart(end: o.end, ref: .named(Int(o.value), .gregorian), prefix: prefix)
            }
        } else if let v = grammar.smallValue(tokens[j]), (1...12).contains(v) {
            return MonthPart(end: j + 1, ref: .named(v, .gregorian), prefix: prefix)
        }
        return nil
    }

    /// A year after a date or standing alone: "2024", "عام 2014", "من عام 2014", "لعام 2014", "1445 هـ",
    /// "السنة القادمة", "هذا العام". `bare` allows digits without a cue word.
    func year(_ i: Int, bare: Bool) -> YearPart? {
        var j = i
        var skipped = 0
        while skipped < 2, j < n, has(j, .link) || norm(j) == "," { j += 1; skipped += 1 }
        guard j < n else { return nil }
        var cue = false
        if has(j, .this), has(j + 1, .year_cue) { return YearPart(end: j + 2, year: nil, offset: 0, hijri: false) }
        if has(j, .year_cue) { cue = true; j += 1 }
        guard j < n else { return nil }
        if cue, let rm = lex.relative.match(tokens, at: j), case .modifier(let off) = rm.value, rm.prefix.isEmpty {
            return YearPart(end: rm.end, year: nil, offset: off, hijri: false)
        }
        guard cue || (bare && skipped == 0), tokens[j].kind == .number else { return nil }
        let digits = tokens[j].norm
        guard digits.unicodeScalars.count == 4, let y = Int(digits) else { return nil }
        var end = j + 1
        var hijri = false
        if let era = end < n ? lex.value(tokens[end], .era) : nil { hijri = era == "hijri"; end += 1 }
        guard hijri ? (1200...1600).contains(y) : (1000...2200).contains(y) else { return nil }
        return YearPart(end: end, year: y, offset: nil, hijri: hijri)
    }

    /// A day of the month: digits 1-31, an ordinal (الثالث عشر، أول), "اليوم الثالث", "ثالث يوم".
    func day(_ i: Int) -> DayPart? {
        guard i < n else { return nil }
        var j = i
        if norm(j) == "اليوم", j + 1 < n, grammar.ordinals[key(j + 1)] != nil { j += 1 }
        let t = tokens[j]
        if t.kind == .number {
            guard t.norm.unicodeScalars.count <= 2, let v = Int(t.norm), (1...31).contains(v) else { return nil }
            return DayPart(end: j + 1, day: v, prefix: 0)
        }
        guard let o = grammar.ordinal(tokens, at: j), o.value == o.value.rounded(), (1...31).contains(Int(o.value)) else { return nil }
        var end = o.end
        if end < n, norm(end) == "يوم" { end += 1 }
        return DayPart(end: end, day: Int(o.value), prefix: j == i ? o.startPrefix : 0)
    }

    // MARK: Resolution

    /// Year and month of a month reference with an optional year; `relative` tells whether the reference date
    /// was needed. Months with no year follow the preference at month level (the reference month counts as
    /// current for `future`, so "الأول من شباط" on 12 February is this February).
    func resolveMonth(_ m: MonthRef, _ y: YearPart?, day: Int? = nil, modifier: Int? = nil) -> (year: Int, month: Int, relative: Bool)? {
        switch m {
        case .relative(let off):
            let d = r.adding(months: off)
            return (d.year, d.month!, true)
        case .named(let month, let cal):
            guard cal != .hijri else { return nil }
            if let y {
                if let yy = y.year, !y.hijri { return (yy, month, false) }
                if let off = y.offset { return (r.year + off, month, true) }
                return nil
            }
            if let modifier {
                // "سبتمبر الماضي": the latest such month before this one; "المقبل": the next one after it.
                if modifier < 0 { return (month < r.month! ? r.year : r.year - 1, month, true) }
                if modifier > 0 { return (month > r.month! ? r.year : r.year + 1, month, true) }
                return (r.year, month, true)
            }
            switch prefer {
            case .future:
                if byTense, let day = day, month == r.month!, day < r.day! { return (r.year + 1, month, true) }
                return (month >= r.month! ? r.year : r.year + 1, month, true)
            case .past:
                let day = day ?? 1
                let candidate = PartialDate(year: r.year, month: month, day: min(day, PartialDate.daysIn(year: r.year, month: month)))
                return (candidate > r ? r.year - 1 : r.year, month, true)
            }
        }
    }

    func validDay(_ y: Int, _ m: Int, _ d: Int) -> PartialDate? {
        guard (1...12).contains(m), d >= 1, d <= PartialDate.daysIn(year: y, month: m) else { return nil }
        return PartialDate(year: y, month: m, day: d)
    }

    /// The span of a week starting on `monday`, dated by the coarsest date that contains it.
    func week(_ monday: PartialDate, relative: Bool, kind: String = "week") -> DateFound {
        let sunday = monday.adding(days: 6)
        return DateFound(end: 0, date: CalendarMath.coarsest(monday, sunday), basis: relative ? .relative : .absolute,
                         from: monday, to: sunday, kind: kind)
    }

    /// The latest date on or before the reference (past) or the first after it (future) with this weekday;
    /// `strict` excludes the reference day itself.
    func weekday(_ wd: Int, past: Bool, strict: Bool) -> PartialDate {
        let diff = (r.weekday - wd + 7) % 7
        if past { return r.adding(days: -(diff == 0 && strict ? 7 : diff)) }
        let ahead = (wd - r.weekday + 7) % 7
        return r.adding(days: ahead == 0 && strict ? 7 : ahead)
    }
}
