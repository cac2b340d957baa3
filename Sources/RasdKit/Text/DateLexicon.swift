/// The date words of `Resources/text/`: month names of the three calendars, weekdays, relative words, seasons,
/// decades, holidays and the small words that frame a date.
struct DateLexicon: Sendable {
    enum Calendar: String, Sendable { case gregorian, levantine, hijri }
    struct Month: Sendable { let month: Int; let calendar: Calendar; var needsCue = false }
    struct Weekday: Sendable { let weekday: Int; let bare: Bool }
    enum Relative: Sendable {
        case day(Int), unit(String), modifier(Int), this, ago, later, vague(String)
    }
    enum Role: String, Sendable {
        case year_cue, month_cue, day_cue, link, era, range_to, range_from, span_cue, month_part, year_part, week_word, year_lead, this,
             relative_clause, century
    }
    struct Word: Sendable { let roles: [Role: String] }
    struct Season: Sendable { let from: Int; let to: Int }
    enum HolidayRule: String, Sendable { case gregorian, hijri, easter }
    struct Holiday: Sendable { let rule: HolidayRule; let month: Int; let day: Int }

    let months: PhraseTable<Month>
    /// Written forms that look like a month once normalized but name something else (month_lookalikes.tsv).
    let monthLookalikes: Set<String>
    let weekdays: CliticLexicon<Weekday>
    let relative: PhraseTable<Relative>
    let words: CliticLexicon<Word>
    let seasons: CliticLexicon<Season>
    let decades: CliticLexicon<Int>
    let holidays: PhraseTable<Holiday>
    /// Which pattern families can start at a surface form (bits of `Start`), so that most tokens cost one
    /// lookup and the common ones (في، من) only try the few patterns that can begin with them.
    let starters: [UInt64: Start]
    let startFilter: KeyFilter

    struct Start: OptionSet, Sendable {
        let rawValue: UInt16
        static let explicit = Start(rawValue: 1), range = Start(rawValue: 2), weekday = Start(rawValue: 4)
        static let relative = Start(rawValue: 8), monthPart = Start(rawValue: 16), weekWord = Start(rawValue: 32)
        static let season = Start(rawValue: 64), decade = Start(rawValue: 128), holiday = Start(rawValue: 256)
        static let yearCue = Start(rawValue: 512)
    }

    init() {
        months = PhraseTable(TextResources.rows("months.tsv").compactMap { r in
            guard r.count >= 3, let m = Int(r[1]), let c = Calendar(rawValue: r[2]) else { return nil }
            return (r[0], Month(month: m, calendar: c, needsCue: r.count > 3 && r[3] == "cued"))
        })
        monthLookalikes = Set(TextResources.rows("month_lookalikes.tsv").map { $0[0] })
        weekdays = CliticLexicon(TextResources.rows("weekdays.tsv").compactMap { r in
            guard r.count >= 3, let w = Int(r[1]) else { return nil }
            return (r[0], Weekday(weekday: w, bare: r[2] == "yes"))
        })
        relative = PhraseTable(TextResources.rows("relative.tsv").compactMap { r in
            guard r.count >= 3 else { return nil }
            let rel: Relative
            switch r[1] {
            case "day": guard let v = Int(r[2]) else { return nil }; rel = .day(v)
            case "unit": rel = .unit(r[2])
            case "modifier": guard let v = Int(r[2]) else { return nil }; rel = .modifier(v)
            case "this": rel = .this
            case "ago": rel = .ago
            case "later": rel = .later
            case "vague": rel = .vague(r[2])
            default: return nil
            }
            return (r[0], rel)
        }, article: true)
        var grouped: [String: [Role: String]] = [:]
        var order: [String] = []
        for r in TextResources.rows("date_words.tsv") where r.count >= 2 {
            guard let role = Role(rawValue: r[1]) else { continue }
            // Grouped by normalized form: "إلى" and "الي" are one key with two roles.
            let key = ArabicNormalizer.shared.key(r[0])
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: [:]][role] = r.count > 2 ? r[2] : ""
        }
        words = CliticLexicon(order.map { ($0, Word(roles: grouped[$0]!)) })
        seasons = CliticLexicon(TextResources.rows("seasons.tsv").compactMap { r in
            guard r.count >= 3, let a = Int(r[1]), let b = Int(r[2]) else { return nil }
            return (r[0], Season(from: a, to: b))
        }, article: true)
        decades = CliticLexicon(TextResources.rows("decades.tsv").compactMap { r in
            guard r.count >= 2, let d = Int(r[1]) else { return nil }
            return (r[0], d)
        })
        holidays = PhraseTable(TextResources.rows("holidays.tsv").compactMap { r in
            guard r.count >= 4, let rule = HolidayRule(rawValue: r[1]), let m = Int(r[2]), let d = Int(r[3]) else { return nil }
            return (r[0], Holiday(rule: rule, month: m, day: d))
        })
        var s: [UInt64: Start] = [:]
        func add(_ file: String, _ bits: Start, roles: Set<String>? = nil) {
            for r in TextResources.rows(file) {
                if let roles, !(r.count > 1 && roles.contains(r[1])) { continue }
                guard let first = TextResources.words(r[0]).first else { continue }
                for (surface, _) in Clitics.surfaceForms(of: first, article: true) { s[TokenKey.of(surface), default: []].formUnion(bits) }
            }
        }
        add("months.tsv", [.explicit, .range])
        add("weekdays.tsv", [.weekday])
        add("relative.tsv", [.relative])
        add("relative.tsv", [.weekday, .season, .explicit], roles: ["this"])
        add("date_words.tsv", [.explicit, .range], roles: ["month_cue", "this"])
        add("date_words.tsv", [.weekday, .relative, .explicit, .monthPart], roles: ["day_cue"])
        add("date_words.tsv", [.monthPart], roles: ["month_part", "year_part"])
        add("date_words.tsv", [.weekWord], roles: ["week_word"])
        add("date_words.tsv", [.yearCue], roles: ["year_cue", "span_cue", "range_from"])
        add("date_words.tsv", [.weekday, .season, .relative, .explicit], roles: ["this"])
        add("seasons.tsv", [.season])
        add("decades.tsv", [.decade])
        add("holidays.tsv", [.holiday])
        for w in ["من", "ومن"] { s[TokenKey.of(w), default: []].formUnion(.range) }
        starters = s
        var f = KeyFilter()
        for k in s.keys { f.insert(k) }
        startFilter = f
    }

    func has(_ t: Token, _ role: Role) -> Bool { words[t.key]?.value.roles[role] != nil }
    func value(_ t: Token, _ role: Role) -> String? { words[t.key]?.value.roles[role] }
}
