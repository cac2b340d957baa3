/// The date patterns: each tries to read a date expression starting at token `i`; `best` keeps the longest.
extension DateScan {
    func best(at i: Int) -> DateFound? {
        var found: DateFound? = nil
        func consider(_ f: DateFound?) {
            guard let f else { return }
            if found == nil || f.end > found!.end { found = f }
        }
        let t = tokens[i]
        if t.kind == .number {
            consider(range(i)); consider(explicitDate(i)); consider(standaloneYear(i))
            return found
        }
        var s: DateLexicon.Start = lex.startFilter.mayContain(t.key) ? (lex.starters[t.key] ?? []) : []
        if grammar.ordinals[t] != nil { s.formUnion([.explicit, .range, .monthPart, .weekWord, .weekday]) }
        if s.isEmpty { return nil }
        if s.contains(.range) { consider(range(i)) }
        if s.contains(.explicit) { consider(explicitDate(i)) }
        if s.contains(.weekday) { consider(weekdayDate(i)); consider(nthWeekdayBefore(i)) }
        if s.contains(.relative) { consider(relativeDate(i)); consider(duration(i)) }
        if s.contains(.monthPart) { consider(monthPart(i)); consider(yearPart(i)) }
        if s.contains(.weekWord) { consider(weekOfMonth(i)) }
        if s.contains(.season) { consider(season(i)) }
        if s.contains(.decade) { consider(decade(i)) }
        if s.contains(.holiday) { consider(holiday(i)) }
        if s.contains(.yearCue) { consider(standaloneYear(i)); consider(yearRange(i)) }
        return found
    }

    /// "من عام 2010 إلى عام 2014"، "بين عامي 2010 و2014"، "الفترة من 2010 إلى 2014"، "الأعوام 2010-2014": a span of
    /// years. Two bare numbers need a year word or a span noun before them ("بين 2000 و3000 شخص" is a count).
    func yearRange(_ i: Int) -> DateFound? {
        var j = i
        var cued = false
        if has(j, .span_cue) { cued = true; j += 1 }
        if norm(j) == "ما", has(j + 1, .range_from) { j += 1 }   // "ما بين"
        if has(j, .range_from) { j += 1 } else if !cued && !has(j, .year_cue) { return nil }
        if has(j, .year_cue) { cued = true; j += 1 }
        guard cued, let a = calendarYear(j) else { return nil }
        j += 1
        guard j < n, has(j, .range_to) || norm(j) == "-" || norm(j) == "و" else { return nil }
        j += 1
        if has(j, .year_cue) { j += 1 }
        guard let b = calendarYear(j), b > a else { return nil }
        j += 1
        if j < n, let era = lex.value(tokens[j], .era), era == "gregorian" { j += 1 }
        let from = PartialDate(year: a, month: 1, day: 1), to = PartialDate(year: b, month: 12, day: 31)
        return DateFound(end: j, date: nil, basis: .absolute, from: from, to: to, kind: "year_range",
                         startPrefix: prefixLength(i))
    }

    /// A four-digit Gregorian year written at token `i` (`year` with no cue word; not one followed by the Hijri era).
    func calendarYear(_ i: Int) -> Int? {
        guard i < n, tokens[i].kind == .number, let part = year(i, bare: true), !part.hijri else { return nil }
        return part.year
    }

    /// "من 13 تموز إلى 15 تموز", "13 تموز - 15 تموز": two day dates joined by a range word.
    func range(_ i: Int) -> DateFound? {
        var j = i
        let from = norm(i) == "من" || norm(i) == "ومن"
        if from { j += 1 }
        guard var a = explicitDate(j) else { return nil }
        if from && a.kind == "range" { a.startPrefix = 0; return a }
        guard a.date?.precision == .day, a.end < n, has(a.end, .range_to) || norm(a.end) == "-",
              let b = explicitDate(a.end + 1), let d1 = a.date, let d2 = b.date, b.date?.precision == .day, d2 > d1 else { return nil }
        return DateFound(end: b.end, date: d1, basis: a.basis == .relative || b.basis == .relative ? .relative : .absolute,
                         from: d1, to: d2, kind: "range")
    }

    /// Dates with a day or a month: digits (19/11/2024, 2024-11-19, 19.11.2024, 2/2013), "19 نوفمبر 2024",
    /// "الرابع من نيسان", "13 إلى 15 تموز", "يوليو 13-15", "نوفمبر 2024", "سبتمبر الماضي", Hijri "15 رمضان 1445 هـ".
    func explicitDate(_ i: Int) -> DateFound? {
        if let f = numericDate(i) { return f }
        if let d = day(i) {
            var j = d.end
            var day2: Int? = nil
            if j < n, has(j, .range_to) || norm(j) == "-", let d2 = day(j + 1), d2.day > d.day { day2 = d2.day; j = d2.end }
            var k = j
            if has(k, .link) { k += 1 }
            if let m = month(k, hijri: true) {
                let y = year(m.end, bare: true)
                // "15 يناير الماضي": the modifier places the month.
                if y == nil, let md = modifier(m.end), case .named = m.ref,
                   let f = resolveDay(d.day, day2, MonthPart(end: md.end, ref: m.ref, prefix: m.prefix), nil, modifier: md.offset) {
                    var f = f
                    f.startPrefix = d.prefix
                    return f
                }
                if let f = resolveDay(d.day, day2, m, y) {
                    var f = f
                    f.startPrefix = d.prefix
                    return f
                }
            }
        }
        // A Hijri month with its year: "ذي القعدة 1436هـ", from its first day to its last.
        if let hm = month(i, hijri: true), case .named(let mm, .hijri) = hm.ref, let y = year(hm.end, bare: true),
           let hy = y.year, y.hijri {
            let from = CalendarMath.hijriToGregorian(year: hy, month: mm, day: 1)
            let to = from.adding(days: CalendarMath.hijriMonthLength(year: hy, month: mm) - 1)
            return DateFound(end: y.end, date: CalendarMath.coarsest(from, to), basis: .absolute, from: from, to: to,
                             kind: "hijri_month", startPrefix: hm.prefix)
        }
        guard let m = month(i) else { return nil }
        if case .relative = m.ref { return nil }   // "الشهر الماضي" alone is a relative month (relativeDate)
        // Month first, then a day or a day range: "يوليو 13-15", "أغسطس 27 إلى 29".
        if m.end < n, tokens[m.end].kind == .number, let d = day(m.end), tokens[m.end].norm.unicodeScalars.count <= 2 {
            var j = d.end
            var day2: Int? = nil
            if j < n, has(j, .range_to) || norm(j) == "-", let d2 = day(j + 1), d2.day > d.day { day2 = d2.day; j = d2.end }
            let y = year(j, bare: true)
            if var f = resolveDay(d.day, day2, MonthPart(end: y?.end ?? j, ref: m.ref, prefix: m.prefix), y) {
                f.startPrefix = m.prefix
                return f
            }
        }
        let y = year(m.end, bare: true)
        var end = y?.end ?? m.end
        var modifier: Int? = nil
        if y == nil, let rm = lex.relative.match(tokens, at: end), case .modifier(let off) = rm.value, rm.prefix.isEmpty {
            modifier = off; end = rm.end
        }
        if m.weak, y == nil, modifier == nil { return nil }   // "زار الوزير إب": the city, not the month آب
        guard let (yy, mm, rel) = resolveMonth(m.ref, y, modifier: modifier) else { return nil }
        return DateFound(end: end, date: PartialDate(year: yy, month: mm), basis: rel ? .relative : .absolute,
                         kind: "month", startPrefix: m.prefix)
    }

    /// A day (or day range) in a month with an optional year, resolved (a Hijri one by the Umm al-Qura calendar).
    func resolveDay(_ d: Int, _ d2: Int?, _ m: MonthPart, _ y: YearPart?, modifier: Int? = nil) -> DateFound? {
        let end = y?.end ?? m.end
        if case .named(let mm, let cal) = m.ref, cal == .hijri {
            guard d <= 30 else { return nil }
            var found = hijriYear(mm, y, modifier: modifier)
            // A day of a Hijri month with no year ("في 15 شعبان"): the nearest such day by the preference; not صفر,
            // which after a number is more often a score ("2 صفر").
            if found == nil, y == nil, modifier == nil, mm != 2 {
                let now = CalendarMath.hijri(of: r)
                let later = (mm, d) > (now.month, now.day), earlier = (mm, d) < (now.month, now.day)
                found = (prefer == .past ? (later ? now.year - 1 : now.year) : (earlier ? now.year + 1 : now.year), true)
            }
            guard let (hy, rel) = found else { return nil }
            let g = CalendarMath.hijriToGregorian(year: hy, month: mm, day: d)
            let g2 = d2.map { CalendarMath.hijriToGregorian(year: hy, month: mm, day: $0) }
            return DateFound(end: end, date: g, basis: rel ? .relative : .absolute, from: g2 == nil ? nil : g, to: g2, kind: "hijri")
        }
        guard let (yy, mm, rel) = resolveMonth(m.ref, y, day: d, modifier: modifier), let date = validDay(yy, mm, d) else { return nil }
        if let d2 {
            guard let last = validDay(yy, mm, d2) else { return nil }
            return DateFound(end: end, date: date, basis: rel ? .relative : .absolute, from: date, to: last, kind: "range")
        }
        return DateFound(end: end, date: date, basis: rel ? .relative : .absolute, kind: "date")
    }

    /// The Hijri year of a Hijri month: the year written ("1436هـ", or four digits in the Hijri range), or placed
    /// by a modifier: "رمضان الجاري" this Hijri year's, "المقبل"/"الماضي" the next or latest such month.
    func hijriYear(_ month: Int, _ y: YearPart?, modifier: Int?) -> (year: Int, relative: Bool)? {
        if let y, let yy = y.year, y.hijri || (1300...1600).contains(yy) { return (yy, false) }
        guard y == nil, let modifier else { return nil }
        let now = CalendarMath.hijri(of: r)
        let hy = modifier > 0 ? (month > now.month ? now.year : now.year + 1)
            : modifier < 0 ? (month < now.month ? now.year : now.year - 1) : now.year
        return (hy, true)
    }

    /// 19/11/2024, 2024/11/19, 19-11-2024, 19.11.2024, "7 /3 /2016 م", Hijri "٢/٥/١٤٣٦هـ", and month/year 2/2013.
    func numericDate(_ i: Int) -> DateFound? {
        guard i < n, tokens[i].kind == .number else { return nil }
        var parts: [String] = []
        var end = i + 1
        let t = tokens[i]
        if t.norm.split(separator: ".").count == 3 {
            parts = t.norm.split(separator: ".").map(String.init)
        } else {
            parts = [t.norm]
            var j = i + 1
            var sep: String? = nil
            // Parts written together, or around slashes with a space or two: "7 /3 /2016 م".
            func joined(_ a: Int, _ b: Int) -> Bool {
                let gap = tokens[b].start - tokens[a].end
                return gap == 0 || (gap <= 2 && (norm(a) == "/" || norm(b) == "/"))
            }
            while parts.count < 3, j + 1 < n, joined(j - 1, j), joined(j, j + 1),
                  ["/", "-", "."].contains(norm(j)), sep == nil || sep == norm(j), tokens[j + 1].kind == .number {
                sep = norm(j); parts.append(norm(j + 1)); j += 2
            }
            end = j
        }
        let v = parts.map { Int($0) }
        guard !v.contains(where: { $0 == nil }) else { return nil }
        let nums = v.map { $0! }
        // A Hijri date in digits: "1445/9/15 هـ", "15/9/1445هـ"; with no era written, a year in the Hijri range
        // ("6 / 9 / 1436": the Saudi press's civil dates; no news dates a day of the 14th–16th century in digits).
        let era = end < n ? lex.value(tokens[end], .era) : nil
        let yearPart = nums.count == 3 ? (parts[0].count == 4 ? nums[0] : parts[2].count == 4 ? nums[2] : nil) : nil
        if nums.count == 3, era == "hijri" || (era == nil && yearPart.map { (1300...1600).contains($0) } == true) {
            let (hy, hm, hd) = parts[0].count == 4 ? (nums[0], nums[1], nums[2]) : (nums[2], nums[1], nums[0])
            guard (1...12).contains(hm), (1...30).contains(hd), (1200...1600).contains(hy) else { return nil }
            return DateFound(end: era == nil ? end : end + 1, date: CalendarMath.hijriToGregorian(year: hy, month: hm, day: hd),
                             basis: .absolute, kind: "hijri")
        }
        if nums.count == 3 {
            let date: PartialDate?
            if parts[0].count == 4 { date = validDay(nums[0], nums[1], nums[2]) }
            else if parts[2].count == 4 { date = validDay(nums[2], nums[1], nums[0]) }
            else { date = nil }
            guard let date, (1000...2200).contains(date.year) else { return nil }
            // "7/3/2016 م": the Gregorian era written after the date.
            let era = end < n && lex.value(tokens[end], .era) == "gregorian"
            return DateFound(end: era ? end + 1 : end, date: date, basis: .absolute, kind: "date")
        }
        if nums.count == 2, parts[1].count == 4, (1...12).contains(nums[0]), (1900...2200).contains(nums[1]), norm(i + 1) == "/" {
            return DateFound(end: end, date: PartialDate(year: nums[1], month: nums[0]), basis: .absolute, kind: "month")
        }
        return nil
    }

    /// A year on its own: "عام 2019", "العام 2022", "في 2022", "2010م", "1445 هـ".
    func standaloneYear(_ i: Int) -> DateFound? {
        guard i < n else { return nil }
        if has(i, .year_cue), let y = year(i, bare: false), let yy = y.year {
            return yearFound(yy, hijri: y.hijri, end: y.end, prefix: prefixLength(i))
        }
        // The second year of "عامي 2019 و2020".
        if i >= 3, norm(i - 1) == "و", tokens[i - 2].kind == .number, norm(i - 3) == "عامي", let y = year(i, bare: true), let yy = y.year {
            return yearFound(yy, hijri: y.hijri, end: y.end, prefix: 0)
        }
        guard tokens[i].kind == .number, i > 0 || i + 1 < n else { return nil }
        let lead = i > 0 && (has(i - 1, .year_lead) || has(i - 1, .year_cue))
        let era = i + 1 < n && has(i + 1, .era)
        guard lead || era, let y = year(i, bare: true), let yy = y.year else { return nil }
        return yearFound(yy, hijri: y.hijri, end: y.end, prefix: 0)
    }

    func yearFound(_ y: Int, hijri: Bool, end: Int, prefix: Int) -> DateFound {
        guard hijri else { return DateFound(end: end, date: PartialDate(year: y), basis: .absolute, kind: "year", startPrefix: prefix) }
        let from = CalendarMath.hijriToGregorian(year: y, month: 1, day: 1)
        let to = CalendarMath.hijriToGregorian(year: y + 1, month: 1, day: 1).adding(days: -1)
        return DateFound(end: end, date: CalendarMath.coarsest(from, to), basis: .absolute, from: from, to: to,
                         kind: "hijri_year", startPrefix: prefix)
    }
}
