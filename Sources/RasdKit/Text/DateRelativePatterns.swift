/// Date patterns around weekdays, relative words, durations, parts of months, weeks, seasons, decades, holidays.
extension DateScan {
    /// A modifier word at `j` (الماضي، القادم، الحالي ...).
    func modifier(_ j: Int) -> (end: Int, offset: Int)? {
        guard let rm = lex.relative.match(tokens, at: j), case .modifier(let off) = rm.value, rm.prefix.isEmpty else { return nil }
        return (rm.end, off)
    }

    /// A week relative to the reference: "هذا الأسبوع", "الأسبوع الماضي", "الأسبوع القادم". Returns its Monday.
    func relativeWeek(_ j: Int) -> (end: Int, monday: PartialDate)? {
        if has(j, .this), has(j + 1, .week_word) { return (j + 2, CalendarMath.weekStart(r)) }
        guard has(j, .week_word), norm(j).hasPrefix("ال") || norm(j).hasPrefix("لل") || norm(j).contains("ال"),
              let m = modifier(j + 1) else { return nil }
        return (m.end, CalendarMath.weekStart(r).adding(days: 7 * m.offset))
    }

    /// Weekdays: "الاثنين", "يوم الثلاثاء", "هذا الاثنين", "الثلاثاء القادم", "الأحد الماضي", "أحد الأسبوع الماضي",
    /// "الخميس 15 أغسطس", "السبت السادس عشر", "الثلاثاء الأول من أكتوبر".
    func weekdayDate(_ i: Int) -> DateFound? {
        var j = i
        var cue = false
        var prefix = 0
        if norm(j) == "يوم" || (has(j, .day_cue) && !norm(j).contains("ال")) { cue = true; prefix = prefixLength(j); j += 1 }
        var this = false
        if has(j, .this) { this = true; j += 1 }
        guard j < n, let w = lex.weekdays[key(j)] else { return nil }
        if !cue && !this { prefix = w.prefix.unicodeScalars.count }
        let wd = w.value.weekday
        guard w.value.bare || cue || has(j + 1, .week_word) || (j + 2 < n && norm(j + 1) == "من" && has(j + 2, .week_word))
                || (j + 2 < n && has(j + 1, .this) && has(j + 2, .week_word)) else { return nil }
        j += 1
        // A full date after the weekday decides: "الخميس 15 أغسطس", "يوم الاثنين في 18 شباط", "الخميس الموافق 14 ...".
        var k = j
        if norm(k) == "," || norm(k) == "(" { k += 1 }
        if has(k, .link) { k += 1 }
        let stated = range(k) ?? explicitDate(k)
        // Nth weekday of a month: "الثلاثاء الأول من أكتوبر", "الاثنين الأخير من شهر آذار" (unless the words also
        // read as a date that falls on that weekday: "الخميس الأول من مارس" in a year where 1 March is a Thursday).
        if let o = grammar.ordinals[key(j)], o.prefix.isEmpty, o.value.role == .unit || o.value.role == .last,
           o.value.value <= 5, stated?.date?.precision != .day || stated?.date?.weekday != wd,
           let f = nthOfMonth(Int(o.value.value), wd, j + 1) {
            var f = f
            f.startPrefix = prefix
            return f
        }
        if let f = stated, f.date?.precision == .day {
            var f = f
            f.startPrefix = prefix
            if norm(f.end) == ")" { f.end += 1 }
            return f
        }
        // Weekday with a day of the month: "السبت السادس عشر".
        if let d = day(j), tokens[j].kind != .number {
            if let f = weekdayOnDay(wd, d.day, end: d.end) { var f = f; f.startPrefix = prefix; return f }
        }
        // Weekday of a given week: "أحد الأسبوع الماضي", "الاثنين من هذا الأسبوع".
        var q = j
        if norm(q) == "من" { q += 1 }
        if let rw = relativeWeek(q) {
            return DateFound(end: rw.end, date: rw.monday.adding(days: wd - 1), basis: .relative, kind: "weekday", startPrefix: prefix)
        }
        if let m = modifier(j), m.offset != 0 {
            return DateFound(end: m.end, date: weekday(wd, past: m.offset < 0, strict: true), basis: .relative,
                             kind: "weekday", startPrefix: prefix)
        }
        var end = j
        if let m = modifier(j), m.offset == 0 { end = m.end }
        // By the preference alone a future weekday is after the reference day; by the sentence's tense it may be
        // the reference day itself (news is often dated the day after it is written).
        return DateFound(end: end, date: weekday(wd, past: prefer == .past, strict: prefer == .future && !byTense), basis: .relative,
                         kind: "weekday", startPrefix: prefix)
    }

    /// The nearest date (by the preference) that falls on day `d` of a month and on weekday `wd`.
    func weekdayOnDay(_ wd: Int, _ d: Int, end: Int) -> DateFound? {
        let base = PartialDate(year: r.year, month: r.month!)
        for step in 0..<28 {
            let m = base.adding(months: prefer == .future ? step : -step)
            guard let date = validDay(m.year, m.month!, d), date.weekday == wd else { continue }
            if prefer == .future && step == 0 && date < r && d < r.day! - 7 { continue }
            if prefer == .past && date > r { continue }
            return DateFound(end: end, date: date, basis: .relative, kind: "date")
        }
        return nil
    }

    /// After an ordinal and a weekday: (من|في|ب) month [year] → the nth weekday of that month.
    func nthOfMonth(_ nth: Int, _ wd: Int, _ j: Int) -> DateFound? {
        var k = j
        if has(k, .link) { k += 1 }
        guard let m = month(k) else { return nil }
        let y = year(m.end, bare: true)
        guard let (yy, mm, rel) = resolveMonth(m.ref, y),
              let date = CalendarMath.nthWeekday(nth, weekday: wd, year: yy, month: mm) else { return nil }
        return DateFound(end: y?.end ?? m.end, date: date, basis: rel ? .relative : .absolute, kind: "date")
    }

    /// "أول ثلاثاء من أكتوبر", "ثالث يوم ثلاثاء بأيلول بعام 2014", "آخر اثنين من الشهر القادم".
    func nthWeekdayBefore(_ i: Int) -> DateFound? {
        guard i < n, let o = grammar.ordinals[key(i)], o.value.role == .unit || o.value.role == .last, o.value.value <= 5 else { return nil }
        var j = i + 1
        if norm(j) == "يوم" { j += 1 }
        guard j < n, let w = lex.weekdays[key(j)], w.prefix.isEmpty else { return nil }
        guard var f = nthOfMonth(Int(o.value.value), w.value.weekday, j + 1) else { return nil }
        f.startPrefix = o.prefix.unicodeScalars.count
        return f
    }

    /// Relative days and units: "أمس", "اليوم", "بعد غد", "اليوم الذي بعد الغد", "الأسبوع الماضي", "هذا الشهر",
    /// "العام المقبل", "السنة الحالية", and vague words ("مؤخرا").
    func relativeDate(_ i: Int) -> DateFound? {
        guard i < n else { return nil }
        var j = i
        // "يوم بعد غد", "اليوم الذي بعد الغد", "اليوم القبل البارحة".
        if norm(j) == "يوم" || norm(j) == "اليوم" {
            var k = j + 1
            if has(k, .relative_clause) { k += 1 }
            if let m = lex.relative.match(tokens, at: k), case .day(let off) = m.value, off != 0 {
                return DateFound(end: m.end, date: r.adding(days: off), basis: .relative, kind: "day")
            }
        }
        var this = false
        if has(j, .this) { this = true; j += 1 }
        guard let m = lex.relative.match(tokens, at: j) else { return nil }
        let prefix = this ? 0 : m.prefix.unicodeScalars.count
        switch m.value {
        case .day(let off):
            // "اليوم الوطني", "اليوم العالمي": a named day, not today (an article word after it that is no date word),
            // unless the word ends its line or follows a dateline ("الرياض - اليوم").
            if off == 0, m.end == j + 1, m.end < n, tokens[m.end].kind == .arabic, norm(m.end).hasPrefix("ال"),
               !lineBreak(j, m.end), !afterDateline(j),
               lex.weekdays[key(m.end)] == nil, modifier(m.end) == nil, grammar.ordinals[key(m.end)] == nil {
                return nil
            }
            // A weekday in apposition names the same day: "غدا الأربعاء", "اليوم (الثلاثاء)". When the two disagree
            // (an article dated the day after it was written), the weekday wins, nearest to the day the word gives.
            var date = r.adding(days: off)
            var end = m.end
            var k = end
            if norm(k) == "(" { k += 1 }
            if k < n, let w = lex.weekdays[key(k)], w.value.bare {
                end = k + 1
                if norm(end) == ")", k > m.end { end += 1 }
                let ahead = (w.value.weekday - date.weekday + 7) % 7
                date = date.adding(days: ahead <= 2 ? ahead : ahead - 7)
            }
            return DateFound(end: end, date: date, basis: .relative, kind: "day", startPrefix: prefix)
        case .unit(let unit):
            var offset = 0
            var end = m.end
            if let md = modifier(m.end) { offset = md.offset; end = md.end } else if !this { return nil }
            switch unit {
            case "week":
                var f = week(CalendarMath.weekStart(r).adding(days: 7 * offset), relative: true)
                f.end = end; f.startPrefix = prefix
                return f
            case "month":
                let d = r.adding(months: offset)
                return DateFound(end: end, date: PartialDate(year: d.year, month: d.month), basis: .relative, kind: "month", startPrefix: prefix)
            case "year":
                return DateFound(end: end, date: PartialDate(year: r.year + offset), basis: .relative, kind: "year", startPrefix: prefix)
            default:
                return nil
            }
        case .vague:
            return DateFound(end: m.end, date: nil, basis: .unresolved, kind: "vague", startPrefix: prefix)
        default:
            return nil
        }
    }

    /// "منذ 24 عاماً", "منذ أكثر من 30 شهرا", "قبل ثلاثة أيام", "بعد يومين", "منذ عام": the reference moved by a
    /// duration, at the precision of its unit.
    func duration(_ i: Int) -> DateFound? {
        guard let m = lex.relative.match(tokens, at: i) else { return nil }
        let sign: Int
        switch m.value {
        case .ago: sign = -1
        case .later: sign = 1
        default: return nil
        }
        var j = m.end
        for back in [4, 3, 2, 1] {
            if let q = x.units.qualifiers.match(tokens, at: j), q.value.pre, q.end - j == back { j = q.end; break }
        }
        var count = 1.0
        var unitWord: QuantityBuilder.UnitWord? = nil
        var end = j
        if let p = grammar.cardinal(tokens, at: j), p.end < n, let u = x.units.timeUnit(tokens[p.end]) {
            count = p.value; unitWord = u; end = p.end + 1
        } else if j < n, let h = x.units.timeUnits[key(j)], h.prefix.isEmpty, h.value.count > 0,
                  !(h.value.count == 1 && QuantityBuilder.namesYear(tokens, unitAt: j)) {
            count = Double(h.value.count); unitWord = h.value; end = j + 1
        }
        guard let u = unitWord, count == count.rounded(), count < 100_000 else { return nil }
        let k = Int(count) * sign
        let date: PartialDate
        switch u.unit {
        case .day: date = r.adding(days: k)
        case .week: date = r.adding(days: 7 * k)
        case .month: date = r.adding(months: k).truncated(to: .month)
        case .year: date = PartialDate(year: r.year + k)
        case .decade: date = PartialDate(year: r.year + 10 * k)
        case .hour, .minute: date = r
        }
        return DateFound(end: end, date: date, basis: .relative, kind: sign < 0 ? "duration_ago" : "duration_later",
                         startPrefix: m.prefix.unicodeScalars.count)
    }
}
