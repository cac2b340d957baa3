/// Names with a نسب chain: "محمد بن سلمان بن عبدالعزيز"، "عادل بن أحمد الجبير"، "سلمان بن عبدالعزيز آل سعود" are
/// one person mention each, linked to the knowledge-base person that the chain or its short forms name ("محمد بن
/// سلمان"، "عادل الجبير"), else a new name keyed by its first link ("فيصل بن سلمان"), so that the long and short
/// forms are one person within and across articles. The words are data (`Resources/lexicon/lineage.tsv`).
struct Lineage: Sendable {
    /// Keyed by `TokenKey` of the normalized word: every token of every sentence is looked up.
    let roles: [UInt64: String]

    init() {
        var r: [UInt64: String] = [:]
        for row in (try? ResourceStore.rows("lexicon/lineage.tsv")) ?? [] where row.count >= 2 {
            r[TokenKey.of(ArabicNormalizer.shared.key(row[0]))] = row[1]
        }
        roles = r
    }

    func role(_ t: Token) -> String? { t.kind == .arabic ? roles[t.key] : nil }
    func role(_ norm: String) -> String? { roles[TokenKey.of(norm)] }

    /// A plural or feminine ending (ين، ون، ات، ة): a noun after the name ("الخريجين"), not a family name.
    func pluralOrFeminine(_ norm: String) -> Bool {
        norm.hasSuffix("ين") || norm.hasSuffix("ون") || norm.hasSuffix("ات") || norm.hasSuffix("ه")
    }

    /// The end of the name unit at `k`: one word, or two for a compound ("عبد العزيز").
    func unitEnd(_ tokens: [Token], _ k: Int, limit: Int) -> Int? {
        guard k < limit, tokens[k].kind == .arabic, role(tokens[k]) == nil || role(tokens[k]) == "compound" else { return nil }
        if role(tokens[k]) == "compound" {
            guard k + 1 < limit, tokens[k + 1].kind == .arabic, role(tokens[k + 1]) == nil else { return nil }
            return k + 2
        }
        return k + 1
    }

    /// The chains of one sentence: (tokens of the chain, token range of its first link "X بن Y", family-name token).
    func chains(_ tokens: [Token], in sentence: Range<Int>) -> [(range: Range<Int>, firstLink: Range<Int>, family: Int?)] {
        var out: [(Range<Int>, Range<Int>, Int?)] = []
        var k = sentence.lowerBound + 1
        while k < sentence.upperBound {
            guard role(tokens[k]) == "link", tokens[k - 1].kind == .arabic, role(tokens[k - 1]) == nil else { k += 1; continue }
            var start = k - 1
            if start > sentence.lowerBound, role(tokens[start - 1]) == "compound" { start -= 1 }
            var end = k
            var firstLink: Range<Int>? = nil
            while end < sentence.upperBound, role(tokens[end]) == "link", let u = unitEnd(tokens, end + 1, limit: sentence.upperBound) {
                if firstLink == nil { firstLink = start..<u }
                end = u
            }
            guard let first = firstLink else { k += 1; continue }
            var family: Int? = nil
            if end + 1 < sentence.upperBound, role(tokens[end]) == "house", let u = unitEnd(tokens, end + 1, limit: sentence.upperBound) {
                end = u
            } else if end < sentence.upperBound, tokens[end].kind == .arabic, role(tokens[end]) == nil, tokens[end].norm.hasPrefix("ال") {
                family = end   // kept only when the knowledge base or the tagger says it is part of the name
            }
            out.append((start..<end, first, family))
            k = end
        }
        return out
    }
}

extension EntityStage {
    /// Replaces the mentions inside each chain by one person mention of the whole chain. A chain needs evidence
    /// that its first word is a name (a person mention over it, or the tagger's person tag), so that "قتل ابن عمه"
    /// is no name. `personTags` marks the tokens the tagger put in a person span (even where a knowledge-base name
    /// took them).
    func joinLineage(_ doc: Document, _ mentions: [EntityMention], personTags: [Int: Int], covered: inout [Bool]) -> [EntityMention] {
        var out = mentions
        for sentence in doc.sentences {
            for chain in lineage.chains(doc.tokens, in: sentence) {
                let first = chain.range.lowerBound
                let persons = out.filter { $0.type == .person && $0.tokens.overlaps(chain.range) }
                let over = persons.first { $0.tokens.contains(first) }
                guard over != nil || personTags[first] != nil else { continue }
                var range = chain.range
                // The family name: a one-word person of the knowledge base right after the chain ("الجبير"), or a
                // word the tagger put in the same name that has no plural or feminine ending ("الظاهري").
                let familyMention = chain.family.flatMap { f in
                    persons.first { $0.tokens == f..<(f + 1) && $0.ref.kbId != nil }
                }
                if let f = chain.family, familyMention != nil
                    || (personTags[f] != nil && personTags[f] == personTags[first] && !lineage.pluralOrFeminine(doc.tokens[f].norm))
                    || closesName(doc, family: f, in: sentence, mentions: out) {
                    range = range.lowerBound..<(f + 1)
                }
                // A knowledge-base alias may begin before the chain with a title ("الأمير محمد بن سلمان"); a tagger
                // span is no guide to the name's ends ("... دريد بن الصمة بيتًا").
                if let o = over, o.ref.kbId != nil {
                    range = min(o.tokens.lowerBound, range.lowerBound)..<max(o.tokens.upperBound, range.upperBound)
                }
                // Which person: the name over the first word; the whole chain, the given name with the family name, or
                // the first link in the knowledge base; the family name's person; else a new name by its first link.
                func key(_ r: Range<Int>) -> String { doc.tokens[r].map(\.norm).joined(separator: " ") }
                func kbPerson(_ k: String) -> EntityRef? {
                    kb.lookupName(k).first { $0.type == "PERSON" }.map { .kb($0.id) }
                }
                let given = key(first..<(lineage.unitEnd(doc.tokens, first, limit: sentence.upperBound) ?? first + 1))
                var ref: EntityRef? = over.flatMap { $0.ref.kbId != nil ? $0.ref : nil }
                if ref == nil { ref = kbPerson(key(range)) }
                if ref == nil, let f = chain.family, range.upperBound == f + 1 { ref = kbPerson(given + " " + doc.tokens[f].norm) }
                if ref == nil { ref = kbPerson(key(chain.firstLink)) }
                if ref == nil { ref = familyMention?.ref }
                // A longer chain that parts from the person's own ("فيصل بن بندر بن خالد" is not "فيصل بن بندر بن
                // عبدالعزيز"; "مشعل بن عبدالله بن عبدالعزيز بن مساعد" is not the king's son) is another person.
                if let id = ref?.kbId, !chainAgrees(id, doc.tokens[range].map(\.norm)) { ref = nil }
                // "محمد بن عبد الرحمن المخرج" is not "محمد بن عبد الرحمن آل ثاني": a family name the person's names
                // never carry, where they carry one.
                if let id = ref?.kbId, let f = chain.family, range.upperBound == f + 1, !familyAgrees(id, doc.tokens[f].norm) { ref = nil }
                // A new name with its family name is keyed by the given and the family name ("ماجد بن عبدالله بن حمد
                // الحقيل" is "ماجد الحقيل", as the article and others write it short); without one, by its first link.
                let newKey = range.upperBound == (chain.family ?? -1) + 1 ? given + " " + doc.tokens[range.upperBound - 1].norm
                    : key(chain.firstLink)
                let refOut = ref ?? .name(.person, KBKeys.variantKey(newKey))
                let firstToken = doc.tokens[range.lowerBound]
                let leading = out.first { $0.tokens.lowerBound == range.lowerBound }
                let start = leading?.start ?? firstToken.start
                let end = doc.tokens[range.upperBound - 1].end
                out.removeAll { $0.tokens.overlaps(range) }
                out.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: .person, ref: refOut,
                                         origin: ref == nil ? .tagger : .gazetteer, tokens: range,
                                         reason: "a name with its نسب chain"))
                for t in range { covered[t] = true }
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// A family name that ends its sentence or clause ("ورئيس الاستخبارات العامة خالد بن علي الحميدان."): after a
    /// chain and before punctuation, a word with the article that is no nationality adjective ("السعودي"), plural or
    /// feminine noun, or title, where the tagger stopped short.
    func closesName(_ doc: Document, family f: Int, in sentence: Range<Int>, mentions: [EntityMention]) -> Bool {
        guard f + 1 >= sentence.upperBound || doc.tokens[f + 1].kind == .punct else { return false }
        let word = doc.tokens[f].norm
        // The article as written: "إلى" normalizes to an article-like "الي".
        guard doc.string(doc.tokens[f].start, doc.tokens[f].end).hasPrefix("ال") else { return false }
        return !lineage.pluralOrFeminine(word) && kb.country(forNationality: word) == nil
            && kb.office(forTitle: word) == nil && !mentions.contains { $0.tokens.contains(f) && $0.type != .person }
    }

    /// Whether the knowledge-base person `id` may be the one a نسب chain names: no alias of the person with the same
    /// given name and father parts from the chain's later links, and the chain has no link beyond the person's
    /// longest known chain. A chain no alias shares its first two links with is not judged (true).
    func chainAgrees(_ id: String, _ words: [String]) -> Bool {
        guard let e = kb.entity(id) else { return true }
        let text = Self.chainLinks(words)
        guard text.count >= 3 else { return true }
        var longest = 0
        for alias in [e.labelAr] + e.aliases {
            let a = Self.chainLinks(ArabicNormalizer.shared.key(alias).split(separator: " ").map(String.init))
            guard a.count >= 2, a[0] == text[0], a[1] == text[1] else { continue }
            let n = min(a.count, text.count)
            if a[..<n] != text[..<n] { return false }
            longest = max(longest, a.count)
        }
        return longest == 0 || text.count <= longest
    }

    /// Whether `family` (a normalized word) may be the family name of the knowledge-base person `id`: one of the
    /// person's names holds it, or none of them has a family name (آل ..., or a last word with the article that
    /// does not complete a compound given name such as "عبد الرحمن").
    func familyAgrees(_ id: String, _ family: String) -> Bool {
        // A nationality adjective after the name ("محمد بن سلمان السعودي") is no other family.
        guard let e = kb.entity(id), kb.country(forNationality: family) == nil else { return true }
        let wanted = KBKeys.variantKey(family)
        var hasFamily = false
        for alias in [e.labelAr] + e.aliases {
            let words = ArabicNormalizer.shared.key(alias).split(separator: " ").map(String.init)
            if words.contains(where: { KBKeys.variantKey($0) == wanted }) { return true }
            guard words.count >= 2, let last = words.last else { continue }
            let compound = lineage.role(words[words.count - 2]) == "compound"
            // "آل" is "ال" once normalized.
            if words.contains("ال") || (last.hasPrefix("ال") && !compound) { hasFamily = true }
        }
        return !hasFamily
    }

    /// The links of a chain (normalized words): the given name, then each name after بن / ابن / بنت, spaces
    /// dropped and spelling variants folded; a family name after "آل" ends it.
    static func chainLinks(_ words: [String]) -> [String] {
        var links: [String] = [], current = ""
        for w in words {
            if w == "ال" || w == "آل" { break }
            if w == "بن" || w == "ابن" || w == "بنت" {
                if !current.isEmpty { links.append(KBKeys.variantKey(current)) }
                current = ""
            } else {
                current += w
            }
        }
        if !current.isEmpty { links.append(KBKeys.variantKey(current)) }
        return links
    }
}
