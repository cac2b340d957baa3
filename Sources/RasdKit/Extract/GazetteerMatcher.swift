/// Finds knowledge-base names in a document: the longest alias match at each token, allowing proclitics on the
/// first word ("وبيونغ يانغ"، "لروسيا"). Mentions start after the proclitic, so their text is the name itself.
package struct GazetteerMatcher: Sendable {
    package let kb: KnowledgeBase
    let placeHeads: PhraseLexicon
    /// "صحيفة"، "قناة": the noun before an outlet's name ("صحيفة الوطن"), like a place noun before a place.
    let mediaHeads: PhraseLexicon
    /// Common nouns of bodies (`ner/org_triggers.txt`: تحالف، مجلس، حركة): one of them as a one-word alias ("التحالف")
    /// is the body only alone, with the article and no adjective or noun after it ("التحالف الوطني" is another).
    let bodyNouns: PhraseLexicon
    /// Function and date words (`text/unit_stopwords.tsv`, `text/date_words.tsv`): after "التحالف" a relative or a date ("التحالف الذي
    /// تقوده"، "التحالف الشهر الماضي") is no adjective of another body.
    let functionWords: PhraseLexicon

    package init(kb: KnowledgeBase) {
        self.kb = kb
        placeHeads = PhraseLexicon.resource("lexicon/place_heads.tsv")
        mediaHeads = PhraseLexicon.resource("lexicon/media_heads.tsv")
        bodyNouns = PhraseLexicon.resource("ner/org_triggers.txt")
        functionWords = PhraseLexicon(rows: ((try? ResourceStore.rows("text/unit_stopwords.tsv")) ?? [])
                                          + ((try? ResourceStore.rows("text/date_words.tsv")) ?? []))
    }

    static let complementizer = ArabicNormalizer.shared.key("إن")
    static let quoteMarks: Set<String> = ["\"", "«", "»", "“", "”", "„", "'", "‘", "’"]

    package struct Match: Sendable {
        package var tokens: Range<Int>
        package var start: Int
        package var entity: KBEntity
    }

    /// Matches within one sentence (token index range of the document).
    package func matches(in doc: Document, sentence: Range<Int>) -> [Match] {
        var result: [Match] = []
        let tokens = doc.tokens
        var i = sentence.lowerBound
        let maxLen = max(1, kb.maxAliasTokens)
        while i < sentence.upperBound {
            guard tokens[i].isWord else { i += 1; continue }
            var found: Match?
            // Only readings of the first word that can begin an alias (most words cannot: skip them cheaply), and
            // no window longer than the longest alias beginning with one of them.
            var longest = 0
            let candidates = Proclitics.candidates(tokens[i]).filter { candidate in
                let n = kb.aliasTokens(startingWith: candidate.stem)
                longest = max(longest, n)
                return n > 0
            }
            if candidates.isEmpty { i += 1; continue }
            // "مدينة إب"، "محافظة إب": a place noun before a one-word alias that is also a common word is the
            // evidence it waits for, when the alias names a place.
            let headed = i > sentence.lowerBound
                && placeHeads.contains(token: tokens[i - 1])
            // "صحيفة الوطن"، "ل«عكاظ»": a media noun before the name, or quotation marks around it, is evidence
            // for an outlet or agency (and makes it win over a place of the same name).
            let mediaHeaded = i > sentence.lowerBound && mediaHeads.contains(token: tokens[i - 1])
            // "تنظيم «بيت المقدس»": a body's head noun before the name (or before its quotation mark) makes a name
            // shared by a place and a body the body's.
            let bodyHeaded = bodyHead(before: i, tokens, sentence: sentence)
            // An abbreviation's dots ("جيه.بي مورجان") are tokens no alias counts: the window takes them in too.
            let dots = (i..<min(i + 2 * longest, sentence.upperBound)).filter { Self.isAbbreviationDot(tokens, $0) }.count
            var len = min(maxLen + dots, longest + dots, sentence.upperBound - i)
            search: while len >= 1 {
                let rest = tokens[(i + 1)..<(i + len)]
                // Inside a name only a hyphen may stand between words, and a name never ends with one; a number may
                // be part of a name ("فرانس 24"، "قوى 14 آذار").
                // So may the dots of an abbreviation ("أ.ف.ب"، "جيه.بي مورجان"): the key has its letters as words ("أ ف ب").
                if rest.indices.contains(where: { k in !tokens[k].isWord && tokens[k].kind != .number && tokens[k].norm != "-"
                                                  && !Self.isAbbreviationDot(tokens, k) })
                    || !(tokens[i + len - 1].isWord || tokens[i + len - 1].kind == .number) { len -= 1; continue }
                let tail = Self.joined(tokens, (i + 1)..<(i + len))
                // Or a byline's dashes: "NAME - سبق - متابعة"، "سبق- وكالات".
                let quoted = i + len < sentence.upperBound
                    && ((i > sentence.lowerBound && Self.quoteMarks.contains(tokens[i - 1].norm) && Self.quoteMarks.contains(tokens[i + len].norm))
                        || ((i == sentence.lowerBound || tokens[i - 1].norm == "-") && tokens[i + len].norm == "-"))
                let media = mediaHeaded || quoted
                for (prefix, stem) in candidates {
                    let key = tail.isEmpty ? stem : stem + " " + tail
                    // "وقال ليون إن" is no "ليونان": a window ending in "إن"/"أن" is a name only as written ("سي إن إن"),
                    // never through the spaceless key that joins its words.
                    if rest.last?.norm == Self.complementizer, kb.lookup(key, loose: false).isEmpty { continue }
                    // A one-word alias that is also a common word (مالي، جدة) waits for the tagger to agree; so do
                    // the word's other readings ("الرياض" must not match as ال + "رياض").
                    // A spelling variant of a common word is one too ("بناء" for "بنا"), and so is the word with the
                    // article added or dropped ("جديدة" for "الجديدة").
                    let common = len == 1 && (kb.isCommonWord(key) || kb.isCommonWord(KBKeys.variantKey(key))
                        || kb.isCommonWord(KBKeys.toggledArticle(key)))
                    if common && !headed && !media { break }
                    var entities = kb.lookupName(key)
                    if media {
                        let outlets = entities.filter { $0.kind == .outlet || $0.kind == .agency }
                        // "الرياض - واس": a place opening the line before an agency is the dateline's place.
                        let places = entities.filter { $0.type == "GPE" || $0.type == "LOC" }
                        if !places.isEmpty, i == sentence.lowerBound, tokens[i + len].norm == "-",
                           sourceFollows(tokens, at: i + len + 1, in: sentence) {
                            entities = places
                        } else if !outlets.isEmpty { entities = outlets } else if common && !headed { break }
                    }
                    if bodyHeaded, entities.count > 1, entities.contains(where: { $0.type == "ORG" }) {
                        entities = entities.filter { $0.type == "ORG" }
                    }
                    if let entity = best(entities), len == 1, entity.type == "ORG",
                       bodyNouns.entries[stem] != nil || bodyNouns.entries[KBKeys.toggledArticle(stem)] != nil,
                       !stem.hasPrefix("ال") || (i + 1 < sentence.upperBound && tokens[i + 1].kind == .arabic
                                                && tokens[i + 1].norm.hasPrefix("ال") && functionWords.entries[tokens[i + 1].norm] == nil) {
                        break
                    }
                    if let entity = best(entities) {
                        // Found through a spelling variant of a common-word alias ("أجرى" read as "أغري"): weak too.
                        if len == 1, !common, !headed, !media, weakVariant(entity, key) { break }
                        if common && !(media && entity.type == "ORG") && entity.type != "GPE" && entity.type != "LOC" { break }
                        // A bare one-letter-clitic reading of a short word is too weak ("بكين" is not ب + كين); nor
                        // does a name start with two letters after a stripped article ("كالاس في" is no ك + ال + "اس في").
                        if prefix > 0 && len == 1 && stem.unicodeScalars.count < 3 { continue }
                        if prefix >= 2, stem.unicodeScalars.count < 3, tokens[i].norm.unicodeScalars.prefix(prefix).suffix(2).elementsEqual("ال".unicodeScalars) { continue }
                        // A one-word name written with the article keeps it, after a clitic too ("وبالرقة"): "فرقة"
                        // is not ف + "رقة" for "الرقة", nor "عقبة" the city "العقبة".
                        if len == 1, !headed, !media, !stem.hasPrefix("ال"), onlyWithArticle(entity, key) { continue }
                        var start = Proclitics.originalOffset(in: doc.text, token: tokens[i], afterNormalized: prefix)
                        var range = i..<(i + len)
                        // "منطقة كورسك": the mention is the name; the common noun before it stays outside. A body's
                        // name keeps it ("منطقة اليورو"، "مدينة الملك عبدالعزيز للعلوم والتقنية").
                        let place = entity.type == "GPE" || entity.type == "LOC"
                        if len > 1, place && (placeHeads.entries[stem] != nil || placeHeads.entries[KBKeys.toggledArticle(stem)] != nil)
                            || (entity.kind == .outlet && mediaHeads.entries[stem] != nil) {
                            range = (i + 1)..<(i + len)
                            start = tokens[i + 1].start
                        }
                        found = Match(tokens: range, start: start, entity: entity)
                        break search
                    }
                }
                len -= 1
            }
            if let found {
                result.append(found)
                i = max(found.tokens.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return result
    }

    /// Whether token `k` is a dot inside an abbreviation: glued to short words on both sides ("أ.ف.ب"، "جيه.بي"; a
    /// list's "و" before the first is not counted: "وجيه.بي").
    static func isAbbreviationDot(_ tokens: [Token], _ k: Int) -> Bool {
        guard k > 0, k + 1 < tokens.count, tokens[k].norm == "." else { return false }
        let before = tokens[k - 1], after = tokens[k + 1]
        let letters = before.norm.unicodeScalars.count - (before.norm.hasPrefix("و") ? 1 : 0)
        return before.isWord && after.isWord && before.end == tokens[k].start && tokens[k].end == after.start
            && letters <= 3 && after.norm.unicodeScalars.count <= 3
    }

    /// The tokens' normalized words joined by a space, an abbreviation's dots left out.
    static func joined(_ tokens: [Token], _ range: Range<Int>) -> String {
        range.filter { !isAbbreviationDot(tokens, $0) }.map { tokens[$0].norm }.joined(separator: " ")
    }

    /// Whether an agency or outlet is named (in up to three words) from token `start` on: then a place name opening
    /// the line before a dash is the dateline's place ("الرياض - واس"), while an outlet's is a byline ("سبق - واس").
    func sourceFollows(_ tokens: [Token], at start: Int, in sentence: Range<Int>) -> Bool {
        var words: [String] = []
        for k in start..<min(start + 3, sentence.upperBound) where tokens[k].isWord {
            words.append(tokens[k].norm)
            if kb.lookupName(words.joined(separator: " ")).contains(where: { $0.kind.isSource }) { return true }
        }
        return false
    }

    /// Whether the entity has `key` as an alias only with the article added ("رقة" for "الرقة").
    func onlyWithArticle(_ entity: KBEntity, _ key: String) -> Bool {
        let keys = ([entity.labelAr] + entity.aliases).map { ArabicNormalizer.shared.key($0) }
        return !keys.contains(key) && keys.contains("ال" + key)
    }

    /// Whether `key` reaches the entity only through a spelling variant of one of its common-word aliases.
    func weakVariant(_ entity: KBEntity, _ key: String) -> Bool {
        let variant = KBKeys.variantKey(key), loose = KBKeys.looseKey(key)
        return entity.aliases.contains { alias in
            let k = ArabicNormalizer.shared.key(alias)
            return kb.isCommonWord(k) && (KBKeys.variantKey(k) == variant || KBKeys.looseKey(k) == loose)
        }
    }

    /// Whether a head noun of a body's name (`lexicon/name_heads.tsv`, type ORG: "تنظيم"، "جماعة") stands right
    /// before token `i`, or before a quotation mark there.
    func bodyHead(before i: Int, _ tokens: [Token], sentence: Range<Int>) -> Bool {
        var k = i - 1
        if k >= sentence.lowerBound, Self.quoteMarks.contains(tokens[k].norm) { k -= 1 }
        guard k >= sentence.lowerBound else { return false }
        return HeadedBodies.nameHeads.values(token: tokens[k])?.first == "ORG"
    }

    /// Among entities sharing an alias, prefer states over cities over other places, then people, then bodies.
    func best(_ entities: [KBEntity]) -> KBEntity? {
        guard entities.count > 1 else { return entities.first }
        let rank: [KBKind: Int] = [.country: 0, .capital: 1, .city: 2, .region: 3]
        return entities.min { (rank[$0.kind] ?? 5, $0.id) < (rank[$1.kind] ?? 5, $1.id) }
    }
}
