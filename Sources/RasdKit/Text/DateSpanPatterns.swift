/// Date patterns for spans: parts of a month, weeks of a month, seasons, decades, holidays.
extension DateScan {
    /// "منتصف آذار", "بداية شهر 3", "أوائل مارس", "أواخر الشهر الماضي", "آخر يوم بشهر عشرة سنة 2015",
    /// "اليوم الأخير من شهر عشرة", Hijri "غرة شوال 1436هـ".
    func monthPart(_ i: Int) -> DateFound? {
        guard i < n else { return nil }
        var j = i + 1
        var spec: String
        if norm(i) == "اليوم", let o = grammar.ordinals[key(i + 1)], o.value.role == .last {
            spec = "0-0"; j = i + 2
        } else if let v = lex.value(tokens[i], .month_part) {
            spec = v
        } else if let o = grammar.ordinals[key(i)], o.value.role == .last {
            spec = "0-0"
        } else { return nil }
        if norm(j) == "يوم" { j += 1 }
        if has(j, .link) { j += 1 }
        // "نهاية الشهر", "آخر يوم من الشهر": the month alone is the current one.
        let thisMonth = j < n && norm(j) == "الشهر" && modifier(j + 1) == nil
        guard let m = thisMonth ? MonthPart(end: j + 1, ref: .relative(0), prefix: 0) : month(j, hijri: true) else { return nil }
        let y = year(m.end, bare: true)
        var end = y?.end ?? m.end
        var modifier: Int? = nil
        if y == nil, let md = self.modifier(end) { modifier = md.offset; end = md.end }
        let parts = spec.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        let prefix = prefixLength(i)
        // A Hijri month ("غرة شوال 1436هـ"، "منتصف ذي الحجة المقبل"): its days counted from its first.
        if case .named(let hm, .hijri) = m.ref {
            guard let (hy, rel) = hijriYear(hm, y, modifier: modifier) else { return nil }
            let first = CalendarMath.hijriToGregorian(year: hy, month: hm, day: 1)
            let last = CalendarMath.hijriMonthLength(year: hy, month: hm)
            let from = first.adding(days: (parts[0] == 0 ? last : min(parts[0], last)) - 1)
            let to = first.adding(days: (parts[1] == 0 ? last : min(parts[1], last)) - 1)
            return DateFound(end: end, date: from, basis: rel ? .relative : .absolute, from: from == to ? nil : from,
                             to: from == to ? nil : to, kind: from == to ? "hijri" : "month_part", startPrefix: prefix)
        }
        guard let (yy, mm, rel) = resolveMonth(m.ref, y, modifier: modifier) else { return nil }
        let last = PartialDate.daysIn(year: yy, month: mm)
        let a = parts[0] == 0 ? last : parts[0], b = parts[1] == 0 ? last : parts[1]
        let from = PartialDate(year: yy, month: mm, day: a)
        if a == b { return DateFound(end: end, date: from, basis: rel ? .relative : .absolute, kind: "date", startPrefix: prefix) }
        return DateFound(end: end, date: from, basis: rel ? .relative : .absolute, from: from,
                         to: PartialDate(year: yy, month: mm, day: b), kind: "month_part", startPrefix: prefix)
    }

    /// "نهاية العام"، "مطلع العام الجاري"، "أواخر العام الماضي"، "منتصف عام 2016"، "بنهاية السنة": a part of a year,
    /// its months in the `year_part` rows of date_words.tsv. "العام" alone is the current year.
    func yearPart(_ i: Int) -> DateFound? {
        guard i + 1 < n, let spec = lex.value(tokens[i], .year_part) else { return nil }
        let months = spec.split(separator: "-").compactMap { Int($0) }
        guard months.count == 2, (1...12).contains(months[0]), (months[0]...12).contains(months[1]) else { return nil }
        var j = i + 1
        if has(j, .link) { j += 1 }
        var yy: Int, rel: Bool, end: Int
        if let y = year(j, bare: true), !y.hijri, let value = y.year ?? y.offset.map({ r.year + $0 }) {
            yy = value; rel = y.year == nil; end = y.end
        } else if has(j, .year_cue), norm(j).hasPrefix("ال") {
            // "العام" alone, not "العام الدراسي" or "العام المالي" (another year than the calendar's).
            if j + 1 < n, tokens[j + 1].kind == .arabic, norm(j + 1).hasPrefix("ال") { return nil }
            yy = r.year; rel = true; end = j + 1
        } else { return nil }
        let from = PartialDate(year: yy, month: months[0], day: 1)
        let to = PartialDate(year: yy, month: months[1], day: PartialDate.daysIn(year: yy, month: months[1]))
        return DateFound(end: end, date: CalendarMath.coarsest(from, to), basis: rel ? .relative : .absolute,
                         from: from, to: to, kind: "year_part", startPrefix: prefixLength(i))
    }

    /// "أول أسبوع بشهر أكتوبر 2014", "الأسبوع الأول من شهر عشرة", "آخر أسبوع في سبتمبر", "الأسبوع الأخير في ...".
    func weekOfMonth(_ i: Int) -> DateFound? {
        guard i + 1 < n else { return nil }
        var nth: Int? = nil
        var j = i
        if let o = grammar.ordinals[key(i)], o.value.role == .unit || o.value.role == .last, has(i + 1, .week_word) {
            nth = Int(o.value.value); j = i + 2
        } else if has(i, .week_word), let o = grammar.ordinals[key(i + 1)], o.prefix.isEmpty, o.value.role == .unit || o.value.role == .last {
            nth = Int(o.value.value); j = i + 2
        }
        guard let nth, nth == 1 || nth == -1 else { return nil }
        if has(j, .link) { j += 1 }
        guard let m = month(j) else { return nil }
        let y = year(m.end, bare: true)
        guard let (yy, mm, rel) = resolveMonth(m.ref, y), let monday = CalendarMath.nthWeek(nth, year: yy, month: mm) else { return nil }
        var f = week(monday, relative: rel)
        f.end = y?.end ?? m.end
        return f
    }

    /// "الخريف الماضي", "صيف 2023", "خريف العام الماضي", "هذا الشتاء".
    func season(_ i: Int) -> DateFound? {
        var j = i
        var this = false
        if has(j, .this) { this = true; j += 1 }
        guard j < n, let s = lex.seasons[key(j)] else { return nil }
        j += 1
        var year: Int? = nil
        var offset: Int? = this ? 0 : nil
        var rel = false
        if let y = self.year(j, bare: true) {
            if let yy = y.year, !y.hijri { year = yy } else if let off = y.offset { year = r.year + off; rel = true }
            j = y.end
        } else if let md = modifier(j) {
            offset = md.offset; j = md.end
        }
        let from: Int = s.value.from, to: Int = s.value.to
        func occurrence(_ y: Int) -> (PartialDate, PartialDate) {
            let endYear = to < from ? y + 1 : y
            return (PartialDate(year: y, month: from), PartialDate(year: endYear, month: to))
        }
        var chosen: (PartialDate, PartialDate)
        if let year {
            chosen = occurrence(year)
        } else if let offset {
            rel = true
            let now = PartialDate(year: r.year, month: r.month!)
            // The occurrence that contains the reference month, or the last one that started before it.
            var y = r.year + 1
            while occurrence(y).0 > now { y -= 1 }
            let current = occurrence(y)
            let containsNow = current.1 >= now
            switch offset {
            case 0: guard containsNow else { return nil }; chosen = current
            case ..<0: chosen = containsNow ? occurrence(y - 1) : current
            default: chosen = occurrence(y + 1)
            }
        } else { return nil }
        return DateFound(end: j, date: CalendarMath.coarsest(chosen.0, chosen.1), basis: rel ? .relative : .absolute,
                         from: chosen.0, to: chosen.1, kind: "season", startPrefix: this ? 0 : s.prefix.unicodeScalars.count)
    }

    /// "التسعينيات", "ثمانينيات القرن الماضي": a decade; the century is the one named, or else the latest that
    /// puts the decade's start on or before the reference year.
    func decade(_ i: Int) -> DateFound? {
        guard i < n, let d = lex.decades[key(i)] else { return nil }
        var j = i + 1
        // "في الثلاثينات من عمره": an age, not a decade.
        if norm(j) == "من", j + 1 < n, norm(j + 1).hasPrefix("عمر") || norm(j + 1).hasPrefix("العمر") { return nil }
        var century: Int? = nil
        var k = j
        if norm(k) == "من" { k += 1 }
        if has(k, .century), k + 1 < n {
            if let md = modifier(k + 1) { century = ((r.year / 100) + md.offset) * 100; j = md.end }
            else if let o = grammar.ordinal(tokens, at: k + 1) { century = (Int(o.value) - 1) * 100; j = o.end }
        }
        var rel = false
        if century == nil {
            rel = true
            century = (r.year / 100) * 100
            if century! + d.value > r.year { century! -= 100 }
        }
        let start = century! + d.value
        return DateFound(end: j, date: nil, basis: rel ? .relative : .absolute, from: PartialDate(year: start),
                         to: PartialDate(year: start + 9), kind: "decade", startPrefix: d.prefix.unicodeScalars.count)
    }

    /// "عيد الأضحى", "عيد الفطر 2013", "رمضان 2019", "عيد الميلاد 2020", "عيد الفصح".
    func holiday(_ i: Int) -> DateFound? {
        guard let h = lex.holidays.match(tokens, at: i) else { return nil }
        let y = year(h.end, bare: true)
        let end = y?.end ?? h.end
        let rule = h.value
        func occurrence(_ gy: Int) -> [(PartialDate, PartialDate)] {
            switch rule.rule {
            case .gregorian:
                guard let d = validDay(gy, rule.month, rule.day) else { return [] }
                return [(d, d)]
            case .easter:
                let d = CalendarMath.easter(gy)
                return [(d, d)]
            case .hijri:
                let hy = CalendarMath.hijriYear(containing: PartialDate(year: gy, month: 1, day: 1))
                return (hy - 1...hy + 1).compactMap { hy2 in
                    let a = CalendarMath.hijriToGregorian(year: hy2, month: rule.month, day: max(rule.day, 1))
                    let b = rule.day == 0 ? a.adding(days: CalendarMath.hijriMonthLength(year: hy2, month: rule.month) - 1) : a
                    return a.year == gy ? (a, b) : nil
                }
            }
        }
        var chosen: (PartialDate, PartialDate)? = nil
        var rel = false
        if let y, let gy = y.year, !y.hijri {
            chosen = occurrence(gy).first
        } else if y == nil {
            rel = true
            let all = (r.year - 1...r.year + 1).flatMap(occurrence)
            // Ahead: the next one, or one that ended within the week (its days off, its season, go on).
            let lastDay = r.adding(days: -7)
            chosen = prefer == .future ? all.first { $0.1 >= lastDay } : all.last { $0.0 <= r }
        }
        guard let (a, b) = chosen else { return nil }
        return DateFound(end: end, date: a, basis: rel ? .relative : .absolute, from: a == b ? nil : a, to: a == b ? nil : b,
                         kind: "holiday", startPrefix: h.prefix.unicodeScalars.count)
    }
}
