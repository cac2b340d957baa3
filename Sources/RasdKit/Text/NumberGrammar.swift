/// Reads numbers written in digits or Arabic words from a token sequence: cardinals with their scales
/// (ثلاثة آلاف، 15 ألف، مليار ونصف، خمسمائة وخمسة وعشرون), vague plurals (عشرات الآلاف) and ordinals
/// (الحادي عشر، الثالث والعشرون). Word lists come from `number_words.tsv` and `ordinals.tsv`.
struct NumberGrammar: Sendable {
    enum Role: String, Sendable {
        case unit, teen, teen_unit, teen_ten, ten, hundred, scale, dual_scale, plural_scale, vague, fraction, point
        case last            // ordinals only: الأخير
        case compound_unit   // ordinals only: الأحد (عشر), الواحد (والعشرون)
    }
    struct Word: Sendable { let value: Double; let role: Role }

    /// A number found in the tokens: token range, value, and how it was written.
    struct Parsed: Sendable {
        var start: Int          // first token
        var end: Int            // one past the last token
        var value: Double
        var kind: NumberMention.Kind
        var scale: Double = 0   // the last scale word applied (1000 for "15 ألف"), 0 if none
        var digits = false      // written with digits only (no words)
        var startPrefix = 0     // proclitic letters on the first token that are not part of the number
    }

    let cardinals: CliticLexicon<Word>
    let articleScales: CliticLexicon<Word>   // الآلاف، الملايين: only after عشرات / مئات
    let ordinals: CliticLexicon<Word>

    init() {
        var words: [(String, Word)] = []
        for row in TextResources.rows("number_words.tsv") where row.count >= 3 {
            guard let v = Double(row[1]), let role = Role(rawValue: row[2]) else { continue }
            words.append((row[0], Word(value: v, role: role)))
        }
        cardinals = CliticLexicon(words, kaf: false)
        articleScales = CliticLexicon(words.filter { $0.1.role == .plural_scale || $0.1.role == .scale }.map { ("ال" + $0.0, $0.1) }, kaf: false)
        var ords: [(String, Word)] = []
        for row in TextResources.rows("ordinals.tsv") where row.count >= 3 {
            guard let v = Double(row[1]), let role = Role(rawValue: row[2]) else { continue }
            ords.append((row[0], Word(value: v, role: role)))
        }
        ordinals = CliticLexicon(ords, kaf: false)
    }

    /// Value of a digit token ("1,000.5", "01.10"); nil for forms such as "19.11.2024".
    static func digitValue(_ norm: String) -> Double? {
        var s = ""
        s.reserveCapacity(norm.utf8.count)
        var dots = 0
        for c in norm.unicodeScalars {
            if c == "," { continue }
            if c == "." { dots += 1 }
            s.unicodeScalars.append(c)
        }
        return dots > 1 ? nil : Double(s)
    }

    /// True when the token can start or continue a number.
    @inline(__always) func mayBeNumber(_ t: Token) -> Bool {
        t.kind == .number || cardinals[t.key] != nil || ordinals[t.key] != nil
    }

    /// A cardinal number starting at token `i`.
    func cardinal(_ tokens: [Token], at i: Int) -> Parsed? {
        let n = tokens.count
        var total = 0.0, group = 0.0, lastScale = 0.0
        var hasHundreds = false, hasUnits = false, hasTens = false
        var lastRole: Role? = nil
        var lastUnitValue = 0.0
        var approximate = false, onlyDigits = true
        var startPrefix = 0
        var j = i
        var any = false

        /// After a completed scale, or a hundreds group with nothing else yet.
        var groupOpenForSmaller: Bool { (group == 0 && lastScale > 0) || (hasHundreds && !hasUnits && !hasTens) }

        while j < n {
            var k = j
            var viaWaw = false
            if any, tokens[j].norm == "و", j + 1 < n { k = j + 1; viaWaw = true }
            let t = tokens[k]
            if t.kind == .number {
                if any {
                    // A digit group after a completed scale joined by و ("مليون و500 ألف").
                    guard viaWaw, lastScale > 0, group == 0, let v = NumberGrammar.digitValue(t.norm), v < lastScale else { break }
                    group = v; lastRole = .unit; hasUnits = true; j = k + 1; continue
                }
                guard let v = NumberGrammar.digitValue(t.norm) else { return nil }
                group = v; any = true; lastRole = .unit; hasUnits = true; j = k + 1
                continue
            }
            guard t.kind == .arabic else { break }
            var hit = cardinals[t.key]
            if hit == nil, lastRole == .vague { hit = articleScales[t.key] }
            guard let h = hit else { break }
            if h.prefix == "و" && any { viaWaw = true }
            else if !h.prefix.isEmpty && (any || viaWaw) { break }
            let w = h.value
            let next: Token? = k + 1 < n ? tokens[k + 1] : nil
            var consumedNext = false
            var take = false
            // Colloquial numbers join hundreds and the rest without و: "متين واحد وعشرين", "خمسمية خمسة".
            let afterBareHundreds = !viaWaw && lastRole == .hundred && hasHundreds && !hasUnits && !hasTens
            let opensSmaller = !any || (viaWaw && groupOpenForSmaller) || afterBareHundreds
            switch w.role {
            case .unit:
                if opensSmaller { group += w.value; hasUnits = true; lastUnitValue = w.value; take = true }
            case .teen:
                if opensSmaller { group += w.value; hasUnits = true; hasTens = true; lastUnitValue = w.value; take = true }
            case .teen_unit:
                if let nx = next, let nh = cardinals[nx.key], nh.value.role == .teen_ten, nh.prefix.isEmpty, opensSmaller {
                    group += 11; hasUnits = true; hasTens = true; consumedNext = true; take = true
                }
            case .teen_ten:
                if lastRole == .unit, !viaWaw, !onlyDigits, lastUnitValue >= 2, lastUnitValue <= 9, !hasTens {
                    group += 10; hasTens = true; take = true
                } else if opensSmaller {
                    group += 10; hasUnits = true; lastUnitValue = 10; take = true
                }
            case .ten:
                if viaWaw && hasUnits && !hasTens && lastRole == .unit && lastUnitValue < 10 {
                    group += w.value; hasTens = true; take = true
                } else if opensSmaller {
                    group += w.value; hasTens = true; take = true
                }
            case .hundred:
                if !viaWaw, lastRole == .unit, !onlyDigits, lastUnitValue >= 1, lastUnitValue <= 9, !hasHundreds, !hasTens {
                    group = group - lastUnitValue + lastUnitValue * 100; hasHundreds = true; hasUnits = false; take = true
                } else if !any || (viaWaw && group == 0 && lastScale > 0) {
                    group += w.value; hasHundreds = true; take = true
                }
            case .scale, .plural_scale:
                if lastRole == .vague && !viaWaw {
                    total = group * w.value; group = 0; lastScale = w.value; approximate = true; take = true
                } else if any && !viaWaw && group > 0 && (lastScale == 0 || w.value < lastScale) {
                    total += group * w.value; group = 0; lastScale = w.value
                    hasHundreds = false; hasUnits = false; hasTens = false; take = true
                } else if !any {
                    total = w.value; lastScale = w.value; take = true
                    if w.role == .plural_scale { approximate = true }
                } else if viaWaw && group == 0 && w.value < lastScale && w.role == .scale {
                    total += w.value; take = true
                }
            case .dual_scale:
                if !any { total = w.value; lastScale = w.value / 2; take = true }
                else if viaWaw && group == 0 && w.value / 2 < lastScale { total += w.value; take = true }
            case .vague:
                if !any { group = w.value; approximate = true; take = true }
            case .fraction:
                if !any {
                    // "نصف مليون"
                    if let nx = next, let nh = cardinals[nx.key], nh.prefix.isEmpty,
                       nh.value.role == .scale || nh.value.role == .hundred {
                        total = w.value * nh.value.value; lastScale = nh.value.value; consumedNext = true; take = true
                    }
                } else if viaWaw && lastScale > 0 && group == 0 {
                    total += w.value * lastScale; take = true
                    // "مليون ونصف المليون": the scale said again after the fraction is part of the number.
                    if let nx = next, let nh = cardinals[nx.norm.hasPrefix("ال") ? TokenKey.of(String(nx.norm.dropFirst(2))) : nx.key],
                       nh.prefix.isEmpty, nh.value.role == .scale, nh.value.value == lastScale { consumedNext = true }
                } else if viaWaw && lastScale == 0 && group > 0 {
                    group += w.value; take = true
                }
            case .point:
                if any, !viaWaw, lastScale == 0, let nx = next {
                    if nx.kind == .number, let v = NumberGrammar.digitValue(nx.norm), !nx.norm.contains(".") {
                        group += v / NumberGrammar.pow10(nx.norm.unicodeScalars.count); consumedNext = true; take = true
                    } else if let nh = cardinals[nx.key], nh.prefix.isEmpty, nh.value.role == .unit {
                        group += nh.value.value / 10; consumedNext = true; take = true
                    }
                }
            case .last, .compound_unit:
                break
            }
            if !take { break }
            if !any { startPrefix = h.prefix.isEmpty ? 0 : h.prefix.unicodeScalars.count }
            any = true
            onlyDigits = false
            lastRole = w.role
            j = k + 1 + (consumedNext ? 1 : 0)
        }
        guard any else { return nil }
        let value = total + group
        var p = Parsed(start: i, end: j, value: value, kind: approximate ? .approximate : .cardinal)
        p.scale = lastScale
        p.digits = onlyDigits
        p.startPrefix = startPrefix
        return p
    }

    static func pow10(_ k: Int) -> Double {
        var r = 1.0
        for _ in 0..<k { r *= 10 }
        return r
    }

    /// An ordinal starting at token `i`: الثالث، الحادي عشر، الخامسة والعشرين، السبعين.
    func ordinal(_ tokens: [Token], at i: Int) -> Parsed? {
        guard let h = ordinals[tokens[i].key], h.value.role != .last else { return nil }
        var p = Parsed(start: i, end: i + 1, value: h.value.value, kind: .ordinal)
        p.startPrefix = h.prefix.unicodeScalars.count
        let compoundOnly = h.value.role == .compound_unit
        guard h.value.role == .unit || compoundOnly, i + 1 < tokens.count else { return compoundOnly ? nil : p }
        let next = tokens[i + 1]
        // Teens: الحادي عشر، الثالثة عشرة (the second word sometimes carries the article: الحادي العشر is rare).
        if let nh = cardinals[next.key], nh.prefix.isEmpty, nh.value.role == .teen_ten, h.value.value < 10 {
            p.value += 10; p.end = i + 2; return p
        }
        // Compound: الخامس والعشرون، الحادي و العشرين.
        var k = i + 1
        var waw = false
        if next.norm == "و", i + 2 < tokens.count { k = i + 2; waw = true }
        if let th = ordinals[tokens[k].key], th.value.role == .ten, th.value.value < 100,
           waw ? th.prefix.isEmpty : th.prefix == "و", h.value.value < 10 {
            p.value += th.value.value; p.end = k + 1
        }
        return compoundOnly && p.end == i + 1 ? nil : p
    }

    /// A month number written as a word or digits after "شهر" (شهر ثلاثة، شهر 3) or an ordinal (الشهر الثامن).
    func smallValue(_ t: Token) -> Int? {
        if t.kind == .number { return NumberGrammar.digitValue(t.norm).flatMap { $0 == $0.rounded() ? Int($0) : nil } }
        if let h = cardinals[t.key], h.prefix.isEmpty, [.unit, .teen_ten].contains(h.value.role) { return Int(h.value.value) }
        return nil
    }
}
