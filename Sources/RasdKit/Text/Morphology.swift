/// The project's one morphological analyzer, on normalized Arabic words (see `ArabicNormalizer`). Its rules are
/// data (`Resources/text/morphology.tsv`): proclitics (و ف، ب ل ك، س، ال، لل), enclitic pronouns, the suffixes of
/// the perfect, the prefixes and suffixes of the imperfect, and noun endings. A word's readings are its
/// segmentations into proclitics + stem + endings + enclitic; with a `MorphLexicon`, only the readings whose stem
/// is a listed lemma's stem of the right kind, each with the lemma, tense, person-number-gender and (for nouns)
/// the ending. Works on Unicode scalars with hash look-ups; nothing is spelled out as a String until asked.
///
/// The proclitic strippers use it: `Proclitics.readings` (matchers), `CliticStripper` (search stems).
package final class Morphology: Sendable {
    package static let shared = Morphology()

    package let conjunctions: [UInt32]
    package let prepositions: [UInt32]
    package let future: [UInt32]
    package let article: [UInt32]
    /// The same letters as bit masks over U+0620...U+065F, tested without a generic `contains` in the hot path.
    let conjunctionMask: UInt64
    let prepositionMask: UInt64
    let futureMask: UInt64
    let procliticMask: UInt64
    /// The shortest stem the search stemmer leaves (row "min").
    package let minimumSearchStem: Int

    struct Enclitic: Sendable { var form: [UInt32]; var agreement: String; var verb: Bool; var noun: Bool }
    struct Ending: Sendable { var form: [UInt32]; var agreement: String; var needsEnclitic: Bool }
    struct ImperfectRule: Sendable { var prefix: UInt32; var suffix: [UInt32]; var agreement: String; var needsEnclitic: Bool }

    let enclitics: [Enclitic]
    let perfectEndings: [Ending]
    let imperfectRules: [ImperfectRule]
    let nounEndings: [Ending]
    /// The letters that open an imperfect verb (ي ت ن ا).
    let imperfectPrefixes: Set<UInt32>

    package init(rows: [[String]]) {
        func scalars(_ s: String) -> [UInt32] {
            s == "-" ? [] : ArabicNormalizer.shared.key(s).unicodeScalars.map(\.value)
        }
        func letters(_ kind: String) -> [UInt32] {
            rows.filter { $0.count >= 2 && $0[0] == kind }.compactMap { scalars($0[1]).first }
        }
        conjunctions = letters("conj")
        prepositions = letters("prep")
        future = letters("future")
        article = rows.first { $0.count >= 2 && $0[0] == "article" }.map { scalars($0[1]) } ?? []
        minimumSearchStem = rows.first { $0.first == "min" }.flatMap { $0.count > 1 ? Int($0[1]) : nil } ?? 3
        enclitics = rows.filter { $0.count >= 3 && $0[0] == "enclitic" }.map { r in
            let only = r.count > 3 ? r[3] : ""
            return Enclitic(form: scalars(r[1]), agreement: r[2], verb: only != "noun", noun: only != "verb")
        }
        perfectEndings = rows.filter { $0.count >= 3 && $0[0] == "perfect" }.map { r in
            Ending(form: scalars(r[1]), agreement: r[2], needsEnclitic: r.count > 3 && r[3] == "enclitic")
        }
        nounEndings = rows.filter { $0.count >= 3 && $0[0] == "noun" }.map { r in
            Ending(form: scalars(r[1]), agreement: r[2], needsEnclitic: false)
        }
        imperfectRules = rows.filter { $0.count >= 4 && $0[0] == "imperfect" }.compactMap { r in
            guard let p = scalars(r[1]).first else { return nil }
            return ImperfectRule(prefix: p, suffix: scalars(r[2]), agreement: r[3], needsEnclitic: r.count > 4 && r[4] == "enclitic")
        }
        imperfectPrefixes = Set(imperfectRules.map(\.prefix))
        func mask(_ letters: [UInt32]) -> UInt64 {
            letters.reduce(0) { m, v in v >= 0x0620 && v < 0x0660 ? m | (1 << UInt64(v - 0x0620)) : m }
        }
        conjunctionMask = mask(conjunctions)
        prepositionMask = mask(prepositions)
        futureMask = mask(future)
        procliticMask = conjunctionMask | prepositionMask | futureMask | mask(Array(article.prefix(1)))
    }

    package convenience init() { self.init(rows: (try? ResourceStore.rows("text/morphology.tsv")) ?? []) }

    @inline(__always) static func has(_ mask: UInt64, _ v: UInt32) -> Bool {
        let d = v &- 0x0620
        return d < 64 && (mask >> UInt64(d)) & 1 == 1
    }

    // MARK: Proclitics

    /// One way to strip proclitics: their length in scalars, and whether the stem gets back the article that
    /// "لل" dropped. `conjunction`, `preposition` (ب ل ك or the future marker س) and `article` say what it holds.
    package struct ProcliticSplit: Sendable, Equatable {
        package var length: Int
        package var restoresArticle = false
        package var conjunction = false
        package var preposition: UInt32? = nil
        package var article = false
    }

    /// Every proclitic split of a word, the word itself first, in the order: conjunction; then a preposition or
    /// the future marker; "لل" (ل + ال) with the article restored, then without; then ال. Each split leaves at
    /// least `minimumStem` scalars (counting a restored article).
    package func procliticSplits(_ s: UnsafeBufferPointer<UInt32>, minimumStem: Int = 2) -> [ProcliticSplit] {
        var out: [ProcliticSplit] = []
        forEachProcliticSplit(s, minimumStem: minimumStem) { out.append($0) }
        return out
    }

    /// `procliticSplits` without building an array: it runs on every word of every article.
    @inline(__always)
    package func forEachProcliticSplit(_ s: UnsafeBufferPointer<UInt32>, minimumStem: Int = 2, _ body: (ProcliticSplit) -> Void) {
        body(ProcliticSplit(length: 0))
        guard let head = s.first, Self.has(procliticMask, head) else { return }
        var current = ProcliticSplit(length: 0)
        func add(_ split: ProcliticSplit) {
            guard s.count - split.length + (split.restoresArticle ? article.count : 0) >= minimumStem else { return }
            body(split)
        }
        var i = 0
        if i < s.count, Self.has(conjunctionMask, s[i]) { i += 1; current.length = i; current.conjunction = true; add(current) }
        if i < s.count, Self.has(prepositionMask | futureMask, s[i]) {
            current.preposition = s[i]
            // "لل": ل + ال, written with one alef-lam.
            if article.count == 2, s[i] == article[1], i + 1 < s.count, s[i + 1] == article[1] {
                var withArticle = current
                withArticle.length = i + 2; withArticle.article = true; withArticle.restoresArticle = true
                add(withArticle)
                withArticle.restoresArticle = false
                add(withArticle)
            }
            i += 1; current.length = i; add(current)
        }
        if !article.isEmpty, i + article.count <= s.count, equals(s, i, i + article.count, article) {
            current.length = i + article.count; current.article = true; add(current)
        }
    }

    // MARK: Readings

    package enum POS: String, Sendable { case verb, noun }
    package enum Tense: String, Sendable { case past, present, future }

    /// One analysis of a word. Offsets are in normalized scalars of the word.
    package struct Reading: Sendable, Equatable {
        /// Proclitics (conjunction, preposition or future marker, article) before the stem.
        package var proclitic: ProcliticSplit
        /// Where the stem (with an imperfect verb's person prefix) starts and the endings begin.
        package var stem: Range<Int>
        /// The enclitic pronoun at the end, in scalars (0: none).
        package var enclitic: Int
        package var pos: POS
        /// The lexicon entry whose stem it is (`MorphLexicon.entries`).
        package var entry: Int
        /// Verbs: past for the perfect, present for the imperfect, future with س (or سوف before it: the caller).
        package var tense: Tense?
        /// Person, number and gender of a verb's subject ("3mp"), or what a noun's ending marks ("feminine-plural").
        package var agreement: String
        /// The enclitic's person-number-gender, if any.
        package var encliticAgreement: String?
    }

    /// The readings of a normalized word whose stem is in `lexicon`, most likely first (verbs before nouns,
    /// fewer clitics first). `taMarbuta`: the word was written with a final ة, which the normalizer folds into
    /// ه; then the ه is no enclitic pronoun and only a noun's own ending ("وزارة" is no "و + زار + ه").
    package func analyze(_ word: String, lexicon: MorphLexicon, taMarbuta: Bool = false) -> [Reading] {
        let n = word.unicodeScalars.count
        guard n >= 2, n >= lexicon.minStem else { return [] }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: n) { buffer in
            var i = 0
            for u in word.unicodeScalars { buffer[i] = u.value; i += 1 }
            return analyze(UnsafeBufferPointer(buffer), lexicon: lexicon, taMarbuta: taMarbuta)
        }
    }

    /// The analysis proper: for each proclitic split, the stems of the lexicon that begin right after it (or after
    /// an imperfect's person prefix) are found by one running hash; only a stem found has its remainder read as
    /// endings and an enclitic. Most words find no stem and cost a few multiplications per letter.
    package func analyze(_ s: UnsafeBufferPointer<UInt32>, lexicon: MorphLexicon, taMarbuta: Bool = false) -> [Reading] {
        guard s.count >= 2 else { return [] }
        var out: [Reading] = []
        forEachProcliticSplit(s) { split in
            let prep = split.preposition
            let futureMarker = prep.map { Self.has(futureMask, $0) } ?? false
            let purposeLam = prep == 0x0644   // "ليزور"
            // Verbs take a conjunction, the future marker or the ل of purpose; never the article or ب ك.
            let verbOK = !split.article && !split.restoresArticle && (prep == nil || futureMarker || purposeLam)
            let start = split.length
            if !futureMarker || verbOK {
                lexicon.scan(s, from: start) { stemEnd, hit in
                    switch hit.kind {
                    case .perfect, .perfectWeak:
                        if verbOK && prep == nil { perfect(s, split, start, stemEnd, hit, &out) }
                    case .noun, .nounConstruct, .nounPluralBase:
                        if !futureMarker { noun(s, split, start, stemEnd, hit, &out) }
                    case .imperfect, .imperfectWeak: break
                    }
                }
            }
            if verbOK, start < s.count, imperfectPrefixes.contains(s[start]) {
                lexicon.scan(s, from: start + 1) { stemEnd, hit in
                    guard hit.kind == .imperfect || hit.kind == .imperfectWeak else { return }
                    imperfect(s, split, start, stemEnd, hit, tense: futureMarker ? .future : .present, &out)
                }
            }
        }
        if taMarbuta { out.removeAll { $0.pos != .noun || $0.enclitic > 0 || $0.stem.upperBound != s.count } }
        if out.count > 1 {
            // Verbs before nouns, then the fewest clitics; stable otherwise.
            out = out.enumerated().sorted { a, b in
                let ka = (a.element.pos == .verb ? 0 : 1, a.element.proclitic.length + a.element.enclitic, a.offset)
                let kb = (b.element.pos == .verb ? 0 : 1, b.element.proclitic.length + b.element.enclitic, b.offset)
                return ka < kb
            }.map(\.element)
        }
        return out
    }

    static let wa: [UInt32] = [0x0648, 0x0627]   // "وا" is written "و" before an enclitic
    static let plural: [UInt32] = [0x0627, 0x062A]   // "ات" takes the place of ة

    /// Calls `body` with each enclitic the word may end with (none first): its length and agreement.
    @inline(__always)
    func forEachEnclitic(_ s: UnsafeBufferPointer<UInt32>, after stemEnd: Int, verb: Bool, _ body: (Int, String?) -> Void) {
        body(0, nil)
        for e in enclitics where (verb ? e.verb : e.noun) && s.count - stemEnd >= e.form.count
            && equals(s, s.count - e.form.count, s.count, e.form) {
            body(e.form.count, e.agreement)
        }
    }

    func perfect(_ s: UnsafeBufferPointer<UInt32>, _ split: ProcliticSplit, _ start: Int, _ stemEnd: Int,
                 _ hit: MorphLexicon.Hit, _ out: inout [Reading]) {
        forEachEnclitic(s, after: stemEnd, verb: true) { enc, encAgreement in
            for ending in perfectEndings {
                if ending.needsEnclitic && enc == 0 { continue }
                if enc > 0 && ending.form == Self.wa { continue }
                guard stemEnd + ending.form.count + enc == s.count, equals(s, stemEnd, stemEnd + ending.form.count, ending.form),
                      hit.kind == .perfect || Self.dropsWeak(ending.form) else { continue }
                out.append(Reading(proclitic: split, stem: start..<stemEnd, enclitic: enc, pos: .verb, entry: hit.entry,
                                   tense: .past, agreement: ending.agreement, encliticAgreement: encAgreement))
            }
        }
    }

    func imperfect(_ s: UnsafeBufferPointer<UInt32>, _ split: ProcliticSplit, _ start: Int, _ stemEnd: Int,
                   _ hit: MorphLexicon.Hit, tense: Tense, _ out: inout [Reading]) {
        forEachEnclitic(s, after: stemEnd, verb: true) { enc, encAgreement in
            for rule in imperfectRules where rule.prefix == s[start] {
                if rule.needsEnclitic && enc == 0 { continue }
                if enc > 0 && rule.suffix == Self.wa { continue }
                guard stemEnd + rule.suffix.count + enc == s.count, equals(s, stemEnd, stemEnd + rule.suffix.count, rule.suffix),
                      hit.kind == .imperfect || Self.dropsWeak(rule.suffix) else { continue }
                out.append(Reading(proclitic: split, stem: start..<stemEnd, enclitic: enc, pos: .verb, entry: hit.entry,
                                   tense: tense, agreement: rule.agreement, encliticAgreement: encAgreement))
            }
        }
    }

    func noun(_ s: UnsafeBufferPointer<UInt32>, _ split: ProcliticSplit, _ start: Int, _ stemEnd: Int,
              _ hit: MorphLexicon.Hit, _ out: inout [Reading]) {
        forEachEnclitic(s, after: stemEnd, verb: false) { enc, encAgreement in
            // No enclitic after the article.
            if split.article && enc > 0 { return }
            for ending in nounEndings {
                guard stemEnd + ending.form.count + enc == s.count, equals(s, stemEnd, stemEnd + ending.form.count, ending.form) else { continue }
                let isPlural = ending.form == Self.plural
                let bare = ending.form.isEmpty && enc == 0
                let fits: Bool
                switch hit.kind {
                case .noun: fits = hit.feminine ? bare : !isPlural
                case .nounConstruct: fits = !bare && !isPlural
                case .nounPluralBase: fits = isPlural
                default: fits = false
                }
                guard fits else { continue }
                out.append(Reading(proclitic: split, stem: start..<stemEnd, enclitic: enc, pos: .noun, entry: hit.entry,
                                   tense: nil, agreement: ending.agreement, encliticAgreement: encAgreement))
            }
        }
    }

    @inline(__always) func equals(_ s: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int, _ form: [UInt32]) -> Bool {
        guard b - a == form.count, b <= s.count else { return false }
        var k = 0
        while k < form.count { if s[a + k] != form[k] { return false }; k += 1 }
        return true
    }

    /// Endings before which a weak final letter drops: those that begin with ت or و, and "ن" ("نفت"، "دعوا"، "يلتقون").
    static func dropsWeak(_ ending: [UInt32]) -> Bool {
        guard let first = ending.first else { return false }
        return first == 0x062A || first == 0x0648
    }

}

/// The stems of a list of lemmas, for `Morphology.analyze`: a verb's lemma is its 3rd person masculine singular
/// perfect ("أعلن"), from which its imperfect stem follows (a leading alef drops: "أعلن" → "يعلن"، "اجتمع" →
/// "يجتمع"; otherwise the stem is kept: "قصف" → "يقصف") unless the entry gives it ("زار" → "زور"); a weak final
/// letter (ى، ا) also gives the stem without it ("نفى" → "نفت"، "التقى" → "يلتقون"). A noun's lemma is its
/// singular; one in ة also gives the stem with ت ("زيارته") and without it ("زيارات").
package struct MorphLexicon: Sendable {
    package enum Kind: UInt8, Sendable { case perfect, perfectWeak, imperfect, imperfectWeak, noun, nounConstruct, nounPluralBase }
    package struct Entry: Sendable {
        package var lemma: String
        package var pos: Morphology.POS
    }
    struct Hit: Sendable { var entry: Int; var kind: Kind; var feminine: Bool }

    package private(set) var entries: [Entry] = []
    private var table: [UInt64: [Hit]] = [:]
    private var filter = KeyFilter()
    private(set) var minStem = Int.max
    private(set) var maxStem = 0

    /// `items`: (lemma, pos, stems the entry gives), written as in the text; normalized here. A verb's given stems
    /// are its imperfect stems ("زار": "زور"); a noun's, its stems before an ending or enclitic ("لقاء": "لقائ").
    package init(_ items: [(lemma: String, pos: Morphology.POS, stems: [String])]) {
        let normalizer = ArabicNormalizer.shared
        for item in items {
            let lemma = normalizer.key(item.lemma)
            let s = lemma.unicodeScalars.map(\.value)
            let index = entries.count
            entries.append(Entry(lemma: lemma, pos: item.pos))   // one entry per item, even one too short to match
            guard s.count >= 2 else { continue }
            switch item.pos {
            case .verb:
                add(s, index, .perfect)
                let weak: Set<UInt32> = [0x064A, 0x0627, 0x0648]   // ي (ى)، ا، و
                if let last = s.last, weak.contains(last), s.count >= 3 { add(Array(s.dropLast()), index, .perfectWeak) }
                var imperfects = item.stems.map { normalizer.key($0).unicodeScalars.map(\.value) }.filter { $0.count >= 2 }
                if imperfects.isEmpty { imperfects = [s.first == 0x0627 && s.count >= 4 ? Array(s.dropFirst()) : s] }
                for imperfect in imperfects {
                    add(imperfect, index, .imperfect)
                    if let last = imperfect.last, weak.contains(last), imperfect.count >= 3 { add(Array(imperfect.dropLast()), index, .imperfectWeak) }
                }
            case .noun:
                let feminine = s.last == 0x0647   // ة
                add(s, index, .noun, feminine: feminine)
                if feminine {
                    add(Array(s.dropLast()) + [0x062A], index, .nounConstruct)
                    add(Array(s.dropLast()), index, .nounPluralBase)
                } else {
                    add(s, index, .nounPluralBase)
                }
                for given in item.stems {
                    let g = normalizer.key(given).unicodeScalars.map(\.value)
                    if g.count >= 2 { add(g, index, .nounConstruct) }
                }
            }
        }
        for k in table.keys { filter.insert(k) }
    }

    private mutating func add(_ stem: [UInt32], _ entry: Int, _ kind: Kind, feminine: Bool = false) {
        var h = TokenKey.seed
        for v in stem { h = TokenKey.mix(h, v) }
        let hit = Hit(entry: entry, kind: kind, feminine: feminine)
        if table[h]?.contains(where: { $0.entry == entry && $0.kind == kind }) == true { return }
        table[h, default: []].append(hit)
        minStem = min(minStem, stem.count); maxStem = max(maxStem, stem.count)
    }

    /// Calls `body` with the end of each lexicon stem that begins at `start`, and its hit: one running hash over
    /// the letters, a bit test per length, a dictionary look-up only when the bit is set.
    @inline(__always)
    func scan(_ s: UnsafeBufferPointer<UInt32>, from start: Int, _ body: (Int, Hit) -> Void) {
        var h = TokenKey.seed
        var k = start
        while k < s.count {
            h = TokenKey.mix(h, s[k])
            k += 1
            let length = k - start
            if length > maxStem { return }
            if length >= minStem, filter.mayContain(h), let hits = table[h] {
                for hit in hits { body(k, hit) }
            }
        }
    }
}
