/// Titles, roles and descriptions.
///
/// - A title before a name ("وزير الخارجية الروسي سيرجي لافروف") or in apposition after it ("لوكين، الأستاذ في
///   جامعة ...") is a role of that person.
/// - A title with a nationality or a country and no name ("الزعيم الكوري الشمالي"، "رئيس الكرملين"، "كبير
///   الدبلوماسيين الكوريين الشماليين") describes the office holder on the article's date: it becomes a mention of
///   that person when the knowledge base knows who held the office then.
/// - "نظيره الروسي" (his Russian counterpart) is the holder, in that country, of the office of the person it
///   is said of.
/// - The knowledge base's role history adds the offices a known person held on the article's date.
public struct TitleStage: Sendable {
    public let kb: KnowledgeBase
    let heads: PhraseLexicon
    let barriers: PhraseLexicon
    /// "أحد" and "وهو" opening a title after a name (`lexicon/apposition_openers.tsv`).
    let appositionOpeners = PhraseLexicon.resource("lexicon/apposition_openers.tsv")
    /// "م." and "د." between a title and a name (`lexicon/abbreviated_addresses.tsv`).
    let abbreviatedAddresses = PhraseLexicon.resource("lexicon/abbreviated_addresses.tsv")
    /// "السابق" after a title: a former office, not its current holder.
    let formerWords: PhraseLexicon
    let roleVerbs: PhraseLexicon
    let actorNouns: PhraseLexicon
    /// "الأمير" right before a name: a rank (`lexicon/rank_titles.tsv`).
    let rankTitles: PhraseLexicon
    let institutions = Institutions.shared
    /// Head nouns a body's name may be written with ("قوات"، "تنظيم").
    let nameHeads = PhraseLexicon.resource("lexicon/name_heads.tsv")
    let speech: PhraseLexicon
    let notNames: PhraseLexicon
    /// Given names (`ner/first_names.txt`, the tagger's list) as written, only the hamza on alef folded: where a
    /// name after a title may start. Normalizing further would make names of "مني" (from me), "ناديه" (his club),
    /// "عليّ" (on me).
    let givenNames: Set<String>
    /// Words inside personal names (`ner/particles.txt`: بن، أبو، آل، عبد).
    let nameParticles: PhraseLexicon
    /// Words after which a name written after a title has ended, as after punctuation (`lexicon/name_closers.tsv`).
    let nameClosers: PhraseLexicon
    /// Nouns of bodies and places (`ner/org_triggers.txt`, `ner/loc_triggers.txt`): before a title they make it a
    /// name of a place or body ("مطار الملك فهد الدولي"، "مركز الأمير سلطان الحضاري"), not a person's title.
    let bodyNouns: PhraseLexicon
    /// Honorifics (`lexicon/honorifics.tsv`): royal and religious names after them are chains (بن، آل), not a given
    /// and a family name ("حديقة الملك فهد العامة").
    let honorifics: PhraseLexicon
    /// Event verbs ("استقبل"، "التقى"): a name right after one is its subject, and a title after the name its object.
    let triggers: PhraseLexicon
    /// بن، ابن، بنت (`lexicon/lineage.tsv`): a titled name with a chain is keyed by its given and family name.
    let lineage = Lineage()
    /// Office titles (`lexicon/titles.tsv`) as phrases: a knowledge-base alias that is one names its holder's role.
    let titleList = PhraseLexicon.resource("lexicon/titles.tsv")
    /// Armed forces named after the person they answer to ("قوات صالح"): made after the roles.
    let loyalForces = LoyalForces()
    /// Ids of the knowledge base's kingdoms (an alias with "مملكة"): "المملكة" alone names one of them.
    let kingdoms: Set<String>
    /// The tagger's training corpus, read for how often a word was a name (`unknownName`); nil: no such names.
    let tagger: NERTagger?

    /// Given names whose first letters read as the article ("إلسا"، "ألكسيس"; `lexicon/article_given_names.tsv`), alef
    /// hamza folded: given names as written, never read through the clitics.
    static let articleGivenNames = Set(((try? ResourceStore.rows("lexicon/article_given_names.tsv")) ?? []).compactMap { $0.first.map(foldingAlef) })

    /// Words a title before a name may run over; a rank right before the name is one more (`rankBeforeName`).
    /// (Nine words let titles run over verbs' objects and phrases on the feed.)
    static let maxTitleWords = 7
    static let postPrepositions: Set<String> = Set(["إلى", "لدى", "في"].map { ArabicNormalizer.shared.key($0) })

    public init(kb: KnowledgeBase, tagger: NERTagger? = nil) {
        self.kb = kb
        self.tagger = tagger
        // Title heads: the listed words, and the first word of every title ("خادم" of "خادم الحرمين الشريفين").
        let titleFirstWords = ((try? ResourceStore.rows("lexicon/titles.tsv")) ?? []).compactMap { row in
            row.first?.split(separator: " ").first.map { [String($0)] }
        }
        heads = PhraseLexicon(rows: ((try? ResourceStore.rows("lexicon/title_heads.tsv")) ?? []) + titleFirstWords)
        barriers = PhraseLexicon.resource("lexicon/title_barriers.tsv")
        formerWords = PhraseLexicon.resource("lexicon/former_words.tsv")
        roleVerbs = PhraseLexicon.resource("lexicon/role_verbs.tsv")
        actorNouns = PhraseLexicon.resource("lexicon/actor_nouns.tsv")
        rankTitles = PhraseLexicon.resource("lexicon/rank_titles.tsv")
        speech = PhraseLexicon.resource("quotes/speech_verbs.tsv")
        notNames = PhraseLexicon.resource("lexicon/not_names.tsv")
        givenNames = Set(((try? ResourceStore.rows("ner/first_names.txt")) ?? []).compactMap { $0.first.map(Self.foldingAlef) })
            .union(Self.articleGivenNames)
        nameParticles = PhraseLexicon.resource("ner/particles.txt")
        nameClosers = PhraseLexicon.resource("lexicon/name_closers.tsv")
        honorifics = PhraseLexicon.resource("lexicon/honorifics.tsv")
        bodyNouns = PhraseLexicon(rows: ((try? ResourceStore.rows("ner/org_triggers.txt")) ?? [])
                                      + ((try? ResourceStore.rows("ner/loc_triggers.txt")) ?? []))
        triggers = PhraseLexicon.resource("events/triggers.tsv")
        kingdoms = Set(kb.entities.filter { $0.aliases.contains { $0.contains("مملكة") } }.map(\.id))
    }

    public func process(_ doc: inout Document) {
        let entityStageNames = doc.mentions
        doc.mentions = peopleAfterTitles(doc)
        doc.mentions = (doc.mentions + appositionNames(doc)).sorted { $0.start < $1.start }
        let afterTitles = titledNames(doc)
        doc.mentions = (doc.mentions + afterTitles.mentions).sorted { $0.start < $1.start }
        doc.mentions = withFamilyNames(doc, namedAfterTitle: afterTitles.namedAfterTitle)
        doc.mentions = withFamilyNamesAfterSpeech(doc)
        doc.mentions = withFamilyNamesInLists(doc)
        // Names found here have parts elsewhere in the article too ("الطيار حسام كمال" ... "وقال كمال").
        if doc.mentions != entityStageNames {
            var free = [Bool](repeating: false, count: doc.tokens.count)
            for m in doc.mentions { for t in m.tokens { free[t] = true } }
            doc.mentions = PartialNames(kb: kb, stopNames: notNames, lineage: lineage).link(doc, doc.mentions, covered: &free)
        }
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        var startsAt: [Int: Int] = [:]   // token index → mention index
        for (k, m) in doc.mentions.enumerated() {
            for t in m.tokens { covered[t] = true }
            startsAt[m.tokens.lowerBound] = k
        }
        var roles: [RoleMention] = []
        var descriptions: [EntityMention] = []
        // Words of a title before a name, after its head: an institution of two words or more may stand there
        // ("وكيل وزارة الخارجية البحرينية X").
        var titled = [Bool](repeating: false, count: doc.tokens.count)
        // Every word of a title before a name: that name's, never the previous name's apposition.
        var beforeName = [Bool](repeating: false, count: doc.tokens.count)
        // Words of a title with no name after it, after its head, and the state of its office or holder if known.
        var described = [Bool](repeating: false, count: doc.tokens.count)
        var describedState: [Int: String] = [:]
        let dateStarts = Set(doc.dates.map { doc.firstToken(startingAtOrAfter: $0.start) })
        // Words of a title with no holder the knowledge base knows: free for a title that stands for a person named here.
        var unheld = [Bool](repeating: false, count: doc.tokens.count)
        for sentence in doc.sentences {
            for t in sentence where doc.tokens[t].isWord && !covered[t] {
                guard isHead(doc, t) else { continue }
                // The title runs over words up to a name, a barrier or punctuation (at most `maxTitleWords`; a body,
                // country or place named inside it counts as one: "القائم بأعمال السفارة الإيرانية لدى مملكة البحرين بالإنابة X").
                var j = t + 1
                var words = 1
                var nameIndex: Int?
                var addressAt: Int?   // an abbreviated form of address between the title and the name
                var beforeListedName = false   // the title ends before "و" and another person's name
                while j < sentence.upperBound, words <= Self.maxTitleWords || rankBeforeName(doc, at: j, words: words, startsAt: startsAt) {
                    words += 1
                    if let k = startsAt[j] {
                        // "مستشار خامنئي الدكتور علي أكبر ولايتي": a name right after a head in construct is its genitive
                        // (whose adviser), not the holder: the title goes on over it.
                        // Not a title of the lexicon ("خادم الحرمين الشريفين"), and the title ends at a preposition after
                        // the genitive ("مستشار أوباما بالرئيس").
                        if doc.mentions[k].type == .person, j == t + 1, isConstructHead(doc, t),
                           titleList.match(doc.tokens, at: t) == nil {
                            j = doc.mentions[k].tokens.upperBound
                            if j < sentence.upperBound, doc.tokens[j].kind == .arabic, ["ب", "ل"].contains(where: { doc.tokens[j].norm.hasPrefix($0) }),
                               cliticLength(doc.tokens[j]) > 0 { break }
                            continue
                        }
                        // A country or seat inside the title ("زعيم كوريا الشمالية كيم") is part of it.
                        if doc.mentions[k].type == .person {
                            // "جو بايدن نائب الرئيس الأمريكي وحيدر العبادي": after a name and its title, a name after
                            // "و" is another person ("رئيس الاتحاد الألماني وولفغانغ X" is one: no name before).
                            if j > t + 1, t > 0, Self.followsWaw(doc, doc.mentions[k]),
                               doc.mentions.contains(where: { $0.type == .person && $0.tokens.upperBound == t }) {
                                beforeListedName = true; break
                            }
                            nameIndex = k; break
                        }
                        j = doc.mentions[k].tokens.upperBound
                        continue
                    }
                    // "مستشار خادم الحرمين الشريفين أمير منطقة مكة المكرمة الأمير X": a title that names its one holder
                    // by itself (a state in lexicon/titles.tsv), in the genitive of another title's noun, then a title:
                    // the first is its holder's (X is his adviser), the second opens X's.
                    // Seen from the outer title's head ("مستشار" before "خادم الحرمين الشريفين أمير ..."): stop, so
                    // that the scan restarts at the inner title and the rule below splits the two.
                    if isHead(doc, j), j > t + 1, office(doc, t..<(t + 1)) != nil,
                       let o = office(doc, (t + 1)..<j), o.length == j - t - 1, o.country != nil { break }
                    if isHead(doc, j), t > sentence.lowerBound, doc.tokens[t - 1].isWord, !covered[t - 1],
                       office(doc, (t - 1)..<t) != nil,
                       let o = office(doc, t..<j), o.length == j - t, o.country != nil { break }
                    let tok = doc.tokens[j]
                    // A time is no part of a title: "الخيمة الرئيسة مساء الأحد محاضرة ألقاها الداعية X".
                    if dateStarts.contains(j) { break }
                    // "المبعوث الأممي إلى ليبيا X"، "سفير السعودية لدى واشنطن X": a post abroad stays in the title.
                    if Self.postPrepositions.contains(tok.norm), let k = startsAt[j + 1], doc.mentions[k].type != .person {
                        j = doc.mentions[k].tokens.upperBound
                        words += 1
                        continue
                    }
                    // "رئيس مجلس ...، نعيم الكعود،": a title, a comma and the name right after it (or after a rank:
                    // "قائد الشرطة، اللواء X").
                    // Not a list ("X ولي العهد وزير الداخلية، والأمير Y": the title is X's, "و" joins the next name).
                    if tok.norm == ",", j > t + 1, j + 1 < sentence.upperBound, !doc.tokens[j + 1].norm.hasPrefix("و"),
                       !(t > sentence.lowerBound && covered[t - 1] && doc.mentions.contains { $0.type == .person && $0.tokens.upperBound == t }) {
                        let after = startsAt[j + 1] == nil && isHead(doc, j + 1) ? j + 2 : j + 1
                        if let k = startsAt[after], doc.mentions[k].type == .person { nameIndex = k; break }
                    }
                    // "أمين المنطقة م. X"، "رئيس النادي الدكتور X": a form of address between the title and the name ends the title.
                    if let after = afterAbbreviatedAddress(doc, at: j) ?? afterAddressWord(doc, at: j), let k = startsAt[after],
                       doc.mentions[k].type == .person {
                        nameIndex = k; addressAt = j; j = after; break
                    }
                    // "رئيس تكتل «التغيير والإصلاح» النائب X": a name in quotation marks is part of the title.
                    if let after = quotedName(doc, at: j, sentence: sentence) { j = after; continue }
                    if !tok.isWord || barriers.contains(token: tok) { break }
                    // A verb ends the phrase: "الوزير استقبل نظيره السعودي X" gives X the title "نظيره السعودي".
                    // (A word with the article or ending in ة is a noun: "وزير النقل"، "وكيل وزارة".)
                    if j > t, !tok.norm.hasPrefix("ال"), doc.text.lastLetter(tok.start..<tok.end) != "\u{0629}",
                       isEventVerb(tok.norm) || speech.contains(token: tok) { break }
                    j += 1
                }
                if beforeListedName {
                    // The title is the name's before it (an apposition, read later); no head inside it opens another.
                    for x in t..<j { covered[x] = true }
                } else if let k = nameIndex {
                    if let holder = holderNamed(doc, title: t, name: doc.mentions[k], sentence: sentence, startsAt: startsAt) {
                        let name = doc.mentions[k].ref
                        for x in doc.mentions.indices where doc.mentions[x].ref == name {
                            doc.mentions[x].ref = holder
                            doc.mentions[x].provenance.add("family name of the holder of the title before it")
                        }
                        for x in roles.indices where roles[x].person == name { roles[x].person = holder }
                    }
                    // Title directly before a person's name: a role.
                    let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[t], afterNormalized: cliticLength(doc.tokens[t]))
                    let titleStop = addressAt ?? j
                    let end = doc.tokens[titleStop - 1].end
                    let title = doc.string(start, max(end, doc.tokens[t].end))
                    // "الأمير X": a rank, not the emir's office (lexicon/rank_titles.tsv).
                    let rank = titleStop == t + 1 ? rankTitles.values(token: doc.tokens[t])?.first : nil
                    roles.append(RoleMention(person: doc.mentions[k].ref, title: title, start: start, end: end,
                                             office: rank ?? office(doc, t..<titleStop)?.office, basis: "text", from: nil))
                    // "رئيس النادي الدكتور X": the form of address is a title of its own.
                    if let a = addressAt, afterAddressWord(doc, at: a) == j {
                        roles.append(RoleMention(person: doc.mentions[k].ref, title: doc.string(doc.tokens[a].start, doc.tokens[a].end),
                                                 start: doc.tokens[a].start, end: doc.tokens[a].end,
                                                 office: rankTitles.values(token: doc.tokens[a])?.first, basis: "text", from: nil))
                    }
                    for x in t..<j { covered[x] = true }
                    for x in (t + 1)..<max(t + 1, j) { titled[x] = true }
                    for x in t..<j { beforeName[x] = true }
                    // "العضو البارز بتنظيم القاعدة والقيادي في جماعة خراسان X": the first title is X's too.
                    if let earlier = coordinatedTitle(doc, before: t, sentence: sentence, covered: covered) {
                        let s1 = Proclitics.originalOffset(in: doc.text, token: doc.tokens[earlier],
                                                           afterNormalized: cliticLength(doc.tokens[earlier]))
                        let e1 = doc.tokens[t - 1].end
                        roles.append(RoleMention(person: doc.mentions[k].ref, title: doc.string(s1, e1), start: s1, end: e1,
                                                 office: office(doc, earlier..<t)?.office, basis: "text", from: nil))
                        for x in earlier..<t { covered[x] = true; beforeName[x] = true }
                    }
                } else if let d = description(doc, t, sentence: sentence, startsAt: startsAt) {
                    descriptions.append(d)
                    for x in d.tokens { covered[x] = true }
                    // A state's body inside it is named too ("المتحدث باسم الحكومة اليمنية"), nested.
                    let state = d.ref.kbId.flatMap { kb.entity($0)?.country }
                    for x in (t + 1)..<max(t + 1, d.tokens.upperBound) { described[x] = true; describedState[x] = state }
                } else if let found = office(doc, t..<sentence.upperBound), found.length > 1 {
                    // A longer title with no known holder ("نائب الرئيس العراقي"، "نائب رئيس الوزراء التركي")
                    // is not the shorter title inside it: never its holder.
                    for x in t..<(t + found.length) { covered[x] = true }
                    for x in (t + 1)..<(t + found.length) { described[x] = true; describedState[x] = found.country }
                    for x in t..<(t + found.length) { unheld[x] = true }
                }
            }
        }
        var absorbed = Set<Int>()
        descriptions += demonyms(doc, covered: &covered, titled: titled, absorbed: &absorbed)
        var inOffices: [EntityMention] = []
        descriptions += stateInstitutions(doc, found: descriptions, startsAt: startsAt, covered: &covered, titled: titled, described: described,
                                          describedState: describedState,
                                          nested: &inOffices)
        roles += appositions(doc, beforeName: beforeName)
        roles += officeVerbs(doc)
        roles += sharedAppositions(doc)
        descriptions += titleAnaphors(doc, roles: roles, covered: zip(covered, unheld).map { $0 && !$1 })
        doc.mentions = (doc.mentions.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element) + descriptions)
            .sorted { $0.start < $1.start }
        linkFamilyNamesToHolders(&doc.mentions, holders: descriptions)
        doc.mentions = linkInstitutionHeads(doc, descriptions)
        roles += knowledgeBaseRoles(doc)
        roles += descriptionRoles(doc, roles: roles)
        doc.nestedMentions += inOffices + titleForms(doc, roles: roles) + withHeadNouns(doc, descriptions)
        doc.roles = roles
        // After the roles: "قوات الرئيس المخلوع علي عبدالله صالح" still gives the person his title.
        doc.mentions = loyalForces.mentions(doc, doc.mentions, nested: &doc.nestedMentions)
    }

    /// "استقبل خادم الحرمين الشريفين ..."، "وقال الرئيس الروسي": a title that stands for its holder (resolved as a
    /// description, or a knowledge-base alias that is a title of `lexicon/titles.tsv` as a whole) is said of him in that
    /// article, as a title before his name is: a role of the text.
    func descriptionRoles(_ doc: Document, roles: [RoleMention]) -> [RoleMention] {
        doc.mentions.compactMap { m in
            guard m.type == .person, m.origin == .description
                    || (m.origin == .gazetteer && titleList.match(doc.tokens, at: m.tokens.lowerBound)?.tokens.upperBound == m.tokens.upperBound),
                  !roles.contains(where: { $0.basis == "text" && $0.person == m.ref && $0.start <= m.start && m.end <= $0.end }) else { return nil }
            return RoleMention(person: m.ref, title: m.text, start: m.start, end: m.end, office: office(doc, m.tokens)?.office,
                               basis: "text", from: nil)
        }
    }

    /// "المعارضة السورية" ... "قصفت المعارضة"، "النظام السوري" ... "طائرات النظام": an institution's head alone, with the
    /// article and no word with the article after it, stands for the institution named with it before, when the
    /// article names only one institution with that head.
    func linkInstitutionHeads(_ doc: Document, _ found: [EntityMention]) -> [EntityMention] {
        var named: [String: (ref: EntityRef?, after: Int)] = [:]
        for m in found where m.origin == .institution && m.tokens.count >= 2 {
            let head = doc.tokens[m.tokens.lowerBound].norm
            guard head.hasPrefix("ال"), m.start == doc.tokens[m.tokens.lowerBound].start else { continue }
            if let seen = named[head] {
                if seen.ref != m.ref { named[head] = (nil, seen.after) }
            } else {
                named[head] = (m.ref, m.tokens.upperBound)
            }
        }
        guard !named.isEmpty else { return doc.mentions }
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for m in doc.mentions { for t in m.tokens { covered[t] = true } }
        return EntityStage.linkSingleWords(doc, doc.mentions, covered: &covered, reason: "the head of an institution named before") { i, stem in
            guard let seen = named[stem], let ref = seen.ref, i >= seen.after else { return nil }
            return ref
        }
    }

    /// "قوات النظام السوري"، "قوات الجيش اللبناني": a state institution after a head noun marked `institution` in
    /// `lexicon/name_heads.tsv` is named with it too, as a nested mention of the institution.
    func withHeadNouns(_ doc: Document, _ found: [EntityMention]) -> [EntityMention] {
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for m in doc.mentions { for t in m.tokens { covered[t] = true } }
        return found.compactMap { m in
            let before = m.tokens.lowerBound - 1
            guard m.origin == .institution, before >= 0, !covered[before], doc.tokens[before].kind == .arabic,
                  m.start == doc.tokens[m.tokens.lowerBound].start,
                  let head = Proclitics.candidates(doc.tokens[before]).first(where: { nameHeads.entries[$0.stem]?.last == "institution" })
            else { return nil }
            let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[before], afterNormalized: head.prefix)
            return EntityMention(start: start, end: m.end, text: doc.string(start, m.end), type: m.type, ref: m.ref,
                                 origin: m.origin, tokens: before..<m.tokens.upperBound, reason: "the institution with its head noun")
        }
    }

    /// "وقال ياسين ... وأضاف وزير الخارجية اليمني": a one-word name the tagger found, unknown to the knowledge base,
    /// that is the family name of the office holder a title here stands for, is that holder. Only a family name
    /// counts (the last word of the holder's name, not after بن/آل), and only when one holder here has it.
    func linkFamilyNamesToHolders(_ mentions: inout [EntityMention], holders: [EntityMention]) {
        var byFamilyName: [String: String?] = [:]   // variant key → holder id (nil when two share it)
        for h in holders where h.origin == .description {
            guard let id = h.ref.kbId, let entity = kb.entity(id) else { continue }
            for name in [entity.labelAr] + entity.aliases {
                let words = ArabicNormalizer.shared.key(name).split(separator: " ").map(String.init)
                guard words.count >= 2, lineage.role(words[words.count - 2]) == nil,
                      words[words.count - 1].unicodeScalars.count >= 3 else { continue }
                let key = KBKeys.variantKey(words[words.count - 1])
                if let other = byFamilyName[key], other != id { byFamilyName[key] = .some(nil) } else { byFamilyName[key] = id }
            }
        }
        guard !byFamilyName.isEmpty else { return }
        for k in mentions.indices where mentions[k].type == .person && mentions[k].origin == .tagger
            && mentions[k].tokens.count == 1 && mentions[k].ref.kbId == nil {
            guard let found = byFamilyName[KBKeys.variantKey(ArabicNormalizer.shared.key(mentions[k].text))], let id = found else { continue }
            mentions[k].ref = .kb(id)
            mentions[k].provenance.add("family name of \(id), the holder of a title named in this article")
        }
    }

    /// The token after a form of address written in full at `j` ("الدكتور"، "العميد": `address` in title_heads.tsv).
    func afterAddressWord(_ doc: Document, at j: Int) -> Int? {
        guard j + 1 < doc.tokens.count, doc.tokens[j].kind == .arabic, heads.entries[doc.tokens[j].norm]?.first == "address" else { return nil }
        return j + 1
    }

    /// The token after a one-letter form of address and its full stop at `j` ("م." of "أمين المنطقة م. X"), if one is there.
    func afterAbbreviatedAddress(_ doc: Document, at j: Int) -> Int? {
        guard j + 2 < doc.tokens.count, doc.tokens[j].kind == .arabic, abbreviatedAddresses.entries[doc.tokens[j].norm] != nil,
              doc.tokens[j + 1].norm == ".", doc.tokens[j + 1].start == doc.tokens[j].end else { return nil }
        return j + 2
    }

    /// "وزير الدفاع الأمريكي كارتر": a one-word name the tagger found right after a title with a nationality, that is
    /// the family name of the office's holder on the article's date, is that holder.
    func holderNamed(_ doc: Document, title t: Int, name m: EntityMention, sentence: Range<Int>, startsAt: [Int: Int]) -> EntityRef? {
        guard m.origin == .tagger, m.tokens.count == 1, m.ref.kbId == nil,
              let d = description(doc, t, sentence: sentence, startsAt: startsAt, beforeName: true),
              d.tokens.upperBound == m.tokens.lowerBound, let id = d.ref.kbId, let holder = kb.entity(id) else { return nil }
        let name = KBKeys.variantKey(ArabicNormalizer.shared.key(m.text))
        let familyNames = ([holder.labelAr] + holder.aliases).compactMap { alias -> String? in
            let words = ArabicNormalizer.shared.key(alias).split(separator: " ").map(String.init)
            guard words.count >= 2, lineage.role(words[words.count - 2]) == nil else { return nil }
            return KBKeys.variantKey(words[words.count - 1])
        }
        return familyNames.contains(name) ? d.ref : nil
    }

    /// A head in construct: no article (after any proclitic), not a form of address, not an honorific ("سمو"). A
    /// person's name right after one is its genitive, "مستشار خامنئي" (Khamenei's adviser); a title written right
    /// before its holder's name takes the article, "الرئيس أوباما".
    /// A head written with a final ه is read as "his" ("نائبه وليد": his deputy Walid), not as ة.
    func isConstructHead(_ doc: Document, _ t: Int) -> Bool {
        let token = doc.tokens[t]
        guard token.kind == .arabic, !Self.isDefinite(token.norm), !honorifics.contains(token: token),
              doc.text.lastLetter(token.start..<token.end) != "\u{0647}",
              let reading = Proclitics.candidates(token).first(where: { heads.entries[$0.stem] != nil }) else { return false }
        return !reading.stem.hasPrefix("ال") && heads.entries[reading.stem]?.first != "address"
    }

    /// A title head word, proclitics allowed (the word itself is the first reading tried).
    /// A rank (`lexicon/rank_titles.tsv`) that ends a title of `maxTitleWords` right before a person's name: stacked
    /// offices fill the seven words ("النائب الثاني لرئيس مجلس الوزراء وزير الدفاع الأمير X"); cut there, the scan
    /// restarts at "لرئيس" and makes X the premier.
    func rankBeforeName(_ doc: Document, at j: Int, words: Int, startsAt: [Int: Int]) -> Bool {
        guard words == Self.maxTitleWords + 1, j > 0, let k = startsAt[j], doc.mentions[k].type == .person else { return false }
        return rankTitles.values(token: doc.tokens[j - 1]) != nil
    }

    /// A name glued to a conjunction "و" ("وحيدر العبادي"): another person of a list, never named by the title before it.
    static func followsWaw(_ doc: Document, _ m: EntityMention) -> Bool {
        let token = doc.tokens[m.tokens.lowerBound]
        return m.start > token.start && doc.string(token.start, m.start) == "و"
    }

    func isHead(_ token: Token) -> Bool {
        heads.values(token: token) != nil
    }

    /// A title head at token `t`. A head that is also a common adjective (`genitive` in title_heads.tsv: "عدد كبير
    /// من"، "بصورة كبيرة في") opens a title only before the noun it governs: definite, not a function word ("كبير
    /// المفاوضين"), or in construct ("كبير مستشاري").
    func isHead(_ doc: Document, _ t: Int) -> Bool {
        guard let values = heads.values(token: doc.tokens[t]) else { return false }
        guard values.first == "genitive" else { return true }
        guard t + 1 < doc.tokens.count, doc.tokens[t + 1].kind == .arabic,
              !Self.functionWords.contains(token: doc.tokens[t + 1]) else { return false }
        let next = doc.tokens[t + 1].norm
        return next.hasPrefix("ال") || next.hasSuffix("ي")
    }

    /// Function words (`text/unit_stopwords.tsv`): no head governs one.
    static let functionWords = PhraseLexicon.resource("text/unit_stopwords.tsv")

    /// The proclitics before a title's head word; the article stays with the head ("المديرة" is no ال + "مديرة").
    func cliticLength(_ token: Token) -> Int {
        guard let prefix = Proclitics.candidates(token).first(where: { heads.entries[$0.stem] != nil })?.prefix, prefix > 0 else { return 0 }
        return String(token.norm.unicodeScalars.prefix(prefix).map(Character.init)).hasSuffix("ال") ? prefix - 2 : prefix
    }

    /// The office of the longest title in the lexicon at the start of `range`, and how many tokens it covers.
    func office(_ doc: Document, _ range: Range<Int>) -> (office: String, titleEn: String, length: Int, country: String?)? {
        var len = min(range.count, kb.maxTitleTokens)
        let first = doc.tokens[range.lowerBound]
        while len >= 1 {
            let tail = doc.tokens[(range.lowerBound + 1)..<(range.lowerBound + len)].map(\.norm).joined(separator: " ")
            for (_, stem) in Proclitics.candidates(first) {
                // Titles are listed with or without the article: try both ("زعيم" / "الزعيم").
                for word in [stem, KBKeys.toggledArticle(stem)] {
                    let key = tail.isEmpty ? word : word + " " + tail
                    if let o = kb.office(forTitle: key) { return (o.office, o.titleEn, len, kb.impliedCountry(forTitle: key)) }
                }
            }
            len -= 1
        }
        return nil
    }

    /// A title followed by a nationality, a country or a seat of power, with no name: the office holder.
    /// `beforeName`: the title stands right before a name, and the holder is wanted all the same (`holderNamed`).
    func description(_ doc: Document, _ t: Int, sentence: Range<Int>, startsAt: [Int: Int], beforeName: Bool = false) -> EntityMention? {
        // "نظيره الروسي": the counterpart of the person it is said of.
        let isCounterpart = Proclitics.candidates(doc.tokens[t]).contains { $0.stem.hasPrefix("نظير") }
        var officeEnd = t + 1
        var titleOffice: String?
        var impliedCountry: String?
        if !isCounterpart {
            guard let found = office(doc, t..<sentence.upperBound) else { return nil }
            officeEnd = t + found.length
            titleOffice = found.office
            impliedCountry = found.country
        }
        // Country: a nationality adjective (1–3 words) or a GPE/seat mention right after the title.
        var country: String?
        var end = officeEnd
        for len in stride(from: 3, through: 1, by: -1) where officeEnd + len <= sentence.upperBound {
            let words = doc.tokens[officeEnd..<(officeEnd + len)]
            guard words.allSatisfy(\.isWord) else { continue }
            let key = words.map(\.norm).joined(separator: " ")
            if let c = kb.country(forNationality: key) { country = c; end = officeEnd + len; break }
        }
        // Else a country or seat named right after the title, or inside it ("رئيس الكرملين" is listed whole).
        for k in doc.mentions.indices where country == nil {
            let m = doc.mentions[k]
            guard m.tokens.lowerBound > t, m.tokens.lowerBound <= officeEnd, let id = m.ref.kbId, let e = kb.entity(id) else { continue }
            if e.kind == .country { country = e.id } else if e.kind == .seat, let c = e.country { country = c }
            if country != nil { end = max(officeEnd, m.tokens.upperBound) }
        }
        if country == nil, let implied = impliedCountry { country = implied }
        guard let country else { return nil }
        // "ملك إسبانيا السابق": a former office holder is not the current one.
        if end < sentence.upperBound, formerWords.contains(token: doc.tokens[end]) { return nil }
        // A name right after means this is a role, handled by the caller.
        if let k = startsAt[end], doc.mentions[k].type == .person { if !beforeName { return nil } } else if beforeName { return nil }
        guard let officeKey = titleOffice ?? counterpartOffice(doc, near: t, sentence: sentence, excluding: country) else {
            return nil
        }
        guard let holder = kb.holder(office: officeKey, country: country, on: doc.published) else { return nil }
        let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[t], afterNormalized: cliticLength(doc.tokens[t]))
        let stop = doc.tokens[end - 1].end
        return EntityMention(start: start, end: stop, text: doc.string(start, stop), type: .person,
                             ref: .kb(holder.id), origin: .description, tokens: t..<end,
                             reason: "holder of \(officeKey) (\(country)) on the article's date")
    }

    /// The office (on the article's date) of the nearest known person who is not of `country`: in the same
    /// sentence first, then in the sentences before.
    func counterpartOffice(_ doc: Document, near t: Int, sentence: Range<Int>, excluding country: String) -> String? {
        let people = doc.mentions.filter { $0.type == .person && $0.ref.kbId != nil }
        let inSentence = people.filter { sentence.contains($0.tokens.lowerBound) }
            .sorted { abs($0.tokens.lowerBound - t) < abs($1.tokens.lowerBound - t) }
        let before = people.filter { $0.tokens.lowerBound < sentence.lowerBound }.reversed()
        for m in inSentence + before {
            guard let id = m.ref.kbId else { continue }
            for role in kb.roles(of: id) where role.country != country && held(role, on: doc.published) {
                return role.office
            }
        }
        return nil
    }

    func held(_ role: KBRole, on date: PartialDate?) -> Bool {
        guard let date else { return role.to == nil }
        if let from = role.from, date.truncated(to: min(date.precision, from.precision)) < from.truncated(to: min(date.precision, from.precision)) { return false }
        if let to = role.to, to.truncated(to: min(date.precision, to.precision)) < date.truncated(to: min(date.precision, to.precision)) { return false }
        return true
    }

    /// Nationality adjectives after a noun ("القوات الكورية الشمالية"، "المشرعون الروس") name their state as
    /// an actor for events (origin `.demonym`; not listed among the state's name mentions).
    ///
    /// After an institution's head, a nationality adjective that the knowledge base also lists as a name of its
    /// state ("وزارة الداخلية التركية": "التركية" is an alias of Turkey) is the institution's, not a mention of
    /// the state alone: its mention is absorbed (its index added to `absorbed`).
    func demonyms(_ doc: Document, covered: inout [Bool], titled: [Bool], absorbed: inout Set<Int>) -> [EntityMention] {
        var out: [EntityMention] = []
        // Mentions of a state written as one of its nationality adjectives, by their first token.
        var adjectiveMention: [Int: Int] = [:]
        for (k, m) in doc.mentions.enumerated() where m.type == .gpe {
            guard case .kb(let id) = m.ref,
                  kb.country(forNationality: doc.tokens[m.tokens].map(\.norm).joined(separator: " ")) == id else { continue }
            adjectiveMention[m.tokens.lowerBound] = k
        }
        var t = 1
        while t < doc.tokens.count {
            let adjective = adjectiveMention[t]
            let head = titled[t] && titled[t - 1] ? institutions.head(in: doc.tokens, endingAt: t, floor: 0) : nil
            let inTitle = head.map { $0.tokens.count >= 2 && ($0.tokens.lowerBound...t).allSatisfy { titled[$0] } } ?? false
            guard doc.tokens[t].isWord, !covered[t] || adjective != nil || inTitle, !covered[t - 1] || inTitle else { t += 1; continue }
            // "الجيش السوداني": an institution of the state; "القوات الكورية الشمالية": the state acting.
            let institution = inTitle ? head : institutions.head(in: doc.tokens, endingAt: t, floor: 0).flatMap { m in
                m.tokens.contains(where: { covered[$0] }) ? nil : m
            }
            let actorNoun = institution == nil && adjective == nil ? actorNoun(before: t, in: doc, covered: covered) : nil
            guard institution != nil || actorNoun != nil else { t += 1; continue }
            var found = false
            for len in stride(from: 3, through: 1, by: -1) where t + len <= doc.tokens.count {
                let words = doc.tokens[t..<(t + len)]
                let absorbs = adjective.map { doc.mentions[$0].tokens == t..<(t + len) } ?? false
                guard words.allSatisfy(\.isWord), absorbs || inTitle || !(t..<(t + len)).contains(where: { covered[$0] }) else { continue }
                guard let country = kb.country(forNationality: words.map(\.norm).joined(separator: " ")) else { continue }
                let first = institution?.tokens.lowerBound ?? actorNoun ?? (t - 1)
                let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[first], afterNormalized: institution?.prefix ?? 0)
                let end = doc.tokens[t + len - 1].end
                if let institution, let key = institution.values.first {
                    // An institution the knowledge base holds under this name ("وزارة الخارجية الأمريكية") is that entry.
                    let known = kb.lookupName(ArabicNormalizer.shared.key(doc.string(start, end))).first { $0.type == "ORG" }
                    out.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: .org,
                                             ref: known.map { .kb($0.id) } ?? .name(.org, Institutions.key(institution: key, country: country)),
                                             origin: .institution, tokens: first..<(t + len),
                                             reason: "\(key) of \(country)"))
                }
                out.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: .gpe,
                                         ref: .kb(country), origin: .demonym, tokens: first..<(t + len)))
                for x in first..<(t + len) { covered[x] = true }
                if absorbs, let k = adjective { absorbed.insert(k) }
                t += len
                found = true
                break
            }
            if !found { t += 1 }
        }
        return out
    }

    /// The actor noun (`lexicon/actor_nouns.tsv`) before a nationality adjective at `t`: right before it, or with
    /// up to two definite adjectives between ("الطيران الحربي الأمريكي"، "القوات الخاصة الأمريكية"), none of them
    /// inside a mention.
    func actorNoun(before t: Int, in doc: Document, covered: [Bool]) -> Int? {
        var k = t - 1
        while k >= 0, t - k <= 3 {
            if actorNouns.contains(token: doc.tokens[k]) { return k }
            let word = doc.tokens[k].norm
            guard doc.tokens[k].isWord, !covered[k], word.hasPrefix("ال"), word.hasSuffix("ي") || word.hasSuffix("ه") else { return nil }
            k -= 1
        }
        return nil
    }

    /// Names the tagger missed but the sentence shapes as a person: two or three words after "عن" or a speech
    /// verb, followed by a comma and a title ("نقلت رويترز عن أرتيوم لوكين، الأستاذ في ...").
    func appositionNames(_ doc: Document) -> [EntityMention] {
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for m in doc.mentions { for t in m.tokens { covered[t] = true } }
        var out: [EntityMention] = []
        for sentence in doc.sentences {
            for t in sentence where t > sentence.lowerBound {
                let before = doc.tokens[t - 1]
                guard before.norm == "عن" || speech.contains(token: before) else { continue }
                var found: (words: Range<Int>, reason: String)?
                for n in [3, 2] where t + n + 1 < sentence.upperBound {
                    let words = t..<(t + n)
                    guard words.allSatisfy({ doc.tokens[$0].kind == .arabic && !covered[$0] && !isHead(doc.tokens[$0])
                                                && notNames.entries[doc.tokens[$0].norm] == nil }),
                          doc.tokens[t + n].norm == ",", isHead(doc, t + n + 1) else { continue }
                    found = (words, "a name before a comma and a title")
                    break
                }
                // "وقالت ديبورا والش نائبة رئيس ..."، "وقال أرون ستين الزميل في ...": two words no list knows as the
                // speaker, closed as a name is.
                if found == nil, before.norm != "عن", !covered[t], let words = unknownName(at: t, doc, sentence: sentence, covered: covered, afterSpeech: true) {
                    found = (words, words.count == 1 ? "an unknown word and a title after a speech verb" : "two unknown words as the subject of a speech verb")
                }
                // "وأفادت زهرة آدم المسؤولة المحلية ..."، "وقال سامي نادر إن": a given name and the words of the name
                // after it, closed by a title in apposition or by "إن/أن".
                if found == nil, before.norm != "عن", !covered[t], let words = nameStarting(at: t, doc, sentence: sentence, covered: covered),
                   words.count >= 2, words.upperBound < sentence.upperBound,
                   isHead(doc, words.upperBound) || ArgumentFinder.complementizers.contains(doc.tokens[words.upperBound].norm) {
                    found = (words, "a given name and a title after a speech verb")
                }
                if let found {
                    let start = doc.tokens[found.words.lowerBound].start, end = doc.tokens[found.words.upperBound - 1].end
                    let text = doc.string(start, end)
                    out.append(EntityMention(start: start, end: end, text: text, type: .person,
                                             ref: .name(.person, KBKeys.variantKey(ArabicNormalizer.shared.key(text))),
                                             origin: .apposition, tokens: found.words, reason: found.reason))
                    for k in found.words { covered[k] = true }
                }
            }
        }
        return out
    }

    /// An event verb as triggers.tsv lists it or as a form of a verb lemma of trigger_lemmas.tsv ("استقبل").
    func isEventVerb(_ word: String) -> Bool {
        if triggers.values(word: word).map({ $0.count > 1 && $0[1] == "verb" }) == true { return true }
        return TriggerLemmas.shared.hits(word).contains { $0.rows.contains { $0.count > 1 && $0[1] == "verb" } }
    }

    /// The first of two titles joined by "و" before one name ("العضو البارز لفترة طويلة بتنظيم القاعدة والقيادي
    /// في جماعة خراسان X"): its head, when the words between it and the second title's "و" (at `t`) are free words
    /// or names of bodies and places, with no punctuation, verb, "أن" or person. A whole office's title ("وزير
    /// الخارجية ووزير الدفاع X") names its own holder, and one right after a name is that name's: no such title.
    func coordinatedTitle(_ doc: Document, before t: Int, sentence: Range<Int>, covered: [Bool]) -> Int? {
        guard doc.tokens[t].norm.hasPrefix("و"), cliticLength(doc.tokens[t]) > 0 else { return nil }
        var k = t - 1
        var earliest: Int?
        while k >= sentence.lowerBound, t - k <= 10 {
            let tok = doc.tokens[k]
            guard tok.isWord, !barriers.contains(token: tok), !ArgumentFinder.complementizers.contains(tok.norm),
                  !isEventVerb(tok.norm), !speech.contains(token: tok) else { break }
            if covered[k], !doc.mentions.contains(where: { $0.type != .person && $0.tokens.contains(k) }) { break }
            if !covered[k], isHead(doc, k) { earliest = k }
            k -= 1
        }
        guard let head = earliest, head + 1 < t, !doc.tokens[head].norm.hasPrefix("و") || cliticLength(doc.tokens[head]) == 0,
              office(doc, head..<t)?.length != t - head else { return nil }
        // Right after a name it is that name's apposition ("الأمير X رئيس فريق العمل ومساعد ...").
        if head > sentence.lowerBound, doc.mentions.contains(where: { $0.type == .person && $0.tokens.upperBound == head }) { return nil }
        return head
    }

    /// Parentheses too: "نائب رئيس هيئة مكافحة الفساد (نزاهة) الدكتور X".
    static let openingQuotes: Set<String> = ["«", "“", "\"", "("]
    static let closingQuotes: Set<String> = ["»", "”", "\"", ")"]

    /// A name of one to five words in quotation marks opening at `j` ("«التغيير والإصلاح»"): the token after its
    /// closing mark; nil for anything else, and when a word with "و" follows it.
    func quotedName(_ doc: Document, at j: Int, sentence: Range<Int>) -> Int? {
        guard doc.tokens[j].kind == .punct, Self.openingQuotes.contains(doc.tokens[j].norm) else { return nil }
        var k = j + 1
        while k < sentence.upperBound, k - j <= 6, doc.tokens[k].isWord { k += 1 }
        guard k < sentence.upperBound, k > j + 1, k - j <= 6, doc.tokens[k].kind == .punct,
              Self.closingQuotes.contains(doc.tokens[k].norm) else { return nil }
        // "X رئيس شركة «...» وY": "و" after it begins the next item of a list; the title was X's.
        if k + 1 < sentence.upperBound, doc.tokens[k + 1].kind == .arabic, doc.tokens[k + 1].norm.hasPrefix("و") { return nil }
        return k + 1
    }

    /// "X، الأستاذ في جامعة ...": a title after a person's name and a comma, up to the next punctuation.
    /// "X وزير الدولة عضو مجلس الوزراء"، "تعيين X وزيرا للإسكان": a title right after the name, with no comma, up
    /// to punctuation, a barrier word or the next person (a title that stands before another name is that
    /// name's: `beforeName`).
    func appositions(_ doc: Document, beforeName: [Bool]) -> [RoleMention] {
        var out: [RoleMention] = []
        let persons = Set(doc.mentions.filter { $0.type == .person }.map(\.tokens.lowerBound))
        let starts = Set(doc.mentions.map(\.tokens.lowerBound))
        for m in doc.mentions where m.type == .person {
            let after = m.tokens.upperBound
            guard after + 1 < doc.tokens.count else { continue }
            let comma = doc.tokens[after].norm == ","
            var first = comma ? after + 1 : after
            // "X وهو سياسي محلي": the pronoun stays out of the title.
            if appositionOpeners.entries[doc.tokens[first].norm]?.first == "pronoun", first + 1 < doc.tokens.count,
               isHead(doc, first + 1) { first += 1 }
            // "X أحد قياديي جبهة النصرة": "one of" and the plural that follows it.
            let oneOf = appositionOpeners.entries[doc.tokens[first].norm]?.first == "one"
                && first + 1 < doc.tokens.count && doc.tokens[first + 1].kind == .arabic
            guard isHead(doc, first) || oneOf, comma || !beforeName[first] else { continue }
            // "استقبل X السفير الفرنسي": after a verb and its subject, a title with no comma is the object.
            // A verb of saying takes a clause, not a person: "أعلن X وزير النقل" names X's office.
            if !comma, m.tokens.lowerBound > 0, isEventVerb(doc.tokens[m.tokens.lowerBound - 1].norm),
               !speech.contains(token: doc.tokens[m.tokens.lowerBound - 1]) { continue }
            // "نقل X لخادم الحرمين الشريفين تحيات": a title with a preposition or conjunction glued to it is no apposition.
            // ("X كرئيس تنفيذي": "as" a title is one.)
            if !comma, cliticLength(doc.tokens[first]) > 0, !doc.tokens[first].norm.hasPrefix("ك") { continue }
            // "X، ووزير الدولة ... Y": a title joined by "و" after the comma begins the next item of a list.
            if comma, cliticLength(doc.tokens[first]) > 0, doc.tokens[first].norm.hasPrefix("و") { continue }
            var j = first
            if comma {
                while j < doc.tokens.count, j - after <= 10, j == first || !persons.contains(j) {
                    // "X، أحد قادة «داعش» العسكريين،"، "X، القيادي البارز في (داعش)،": a quoted name is part of the title.
                    if j > first, !doc.tokens[j].isWord, let sentence = doc.sentences.first(where: { $0.contains(j) }),
                       let closed = quotedName(doc, at: j, sentence: sentence) {
                        j = closed; continue
                    }
                    guard doc.tokens[j].isWord else { break }
                    j += 1
                }
                // A title that runs into another name is that name's ("X، رئيس المركز الدكتور Y").
                if j < doc.tokens.count, j > first, persons.contains(j) { continue }
            } else {
                j += 1
                // "قال ولايتي مستشار خامنئي": the name in construct after the head is the title's genitive.
                if j < doc.tokens.count, persons.contains(j), isConstructHead(doc, first),
                   let genitive = doc.mentions.first(where: { $0.type == .person && $0.tokens.lowerBound == j }) {
                    j = genitive.tokens.upperBound
                }
                while j < doc.tokens.count, doc.tokens[j].isWord, j - first < 12, !persons.contains(j),
                      !barriers.contains(token: doc.tokens[j]), !beginsObject(doc, j, mentionStarts: starts) { j += 1 }
            }
            let start = doc.tokens[first].start, end = doc.tokens[j - 1].end
            out.append(RoleMention(person: m.ref, title: doc.string(start, end), start: start, end: end,
                                   office: office(doc, first..<j)?.office, basis: "text", from: nil))
        }
        return out
    }

    /// "A وB وC، وهم مسؤولون عسكريون في حزب الله،": a title after a comma and a plural pronoun (`plural` in
    /// `lexicon/apposition_openers.tsv`), up to the next punctuation, is every name of the list before it (names joined
    /// by "و" or a comma). Not a verb or a function word after the pronoun ("وهم يحملون"، "وهم في طريقهم").
    func sharedAppositions(_ doc: Document) -> [RoleMention] {
        let people = doc.mentions.filter { $0.type == .person }
        var endingAt: [Int: EntityMention] = [:]
        for p in people { endingAt[p.tokens.upperBound] = p }
        let persons = Set(people.map(\.tokens.lowerBound))
        var out: [RoleMention] = []
        for m in people {
            let first = m.tokens.upperBound + 2
            guard first < doc.tokens.count, doc.tokens[first - 2].norm == ",",
                  appositionOpeners.entries[doc.tokens[first - 1].norm]?.first == "plural" else { continue }
            let head = doc.tokens[first]
            guard head.kind == .arabic, !Self.functionWords.contains(token: head), !isEventVerb(head.norm),
                  !speech.contains(token: head), !["ي", "ت", "س"].contains(where: { head.norm.hasPrefix($0) }) else { continue }
            var j = first
            while j < doc.tokens.count, doc.tokens[j].isWord, j - first < 10, !persons.contains(j) { j += 1 }
            guard j < doc.tokens.count, doc.tokens[j].kind == .punct else { continue }
            var list = [m], s = m.tokens.lowerBound
            while let previous = endingAt[s] ?? (s > 0 && doc.tokens[s - 1].norm == "," ? endingAt[s - 1] : nil) {
                list.append(previous); s = previous.tokens.lowerBound
            }
            guard list.count >= 2 else { continue }
            let start = head.start, end = doc.tokens[j - 1].end
            for p in list {
                out.append(RoleMention(person: p.ref, title: doc.string(start, end), start: start, end: end,
                                       office: office(doc, first..<j)?.office, basis: "text", from: nil))
            }
        }
        return out
    }

    /// "X نائب أمير المنطقة حفل تخريج"، "X رئيس النادي عبر فيها": an indefinite word after a definite one, and
    /// not before one ("رئيس الاتحاد السعودي لكرة السلة" goes on), neither a title's head nor a function word, begins
    /// the verb's object or the next clause: a title's nouns in construct end with the definite one.
    func beginsObject(_ doc: Document, _ j: Int, mentionStarts: Set<Int>) -> Bool {
        let word = doc.tokens[j], before = doc.tokens[j - 1]
        // A word that may open with a preposition ("لمؤسسة"، "بنادي"، "باسم") goes on as the title's genitive.
        guard word.kind == .arabic, !["ب", "ل", "و", "ف", "ك"].contains(where: { word.norm.hasPrefix($0) }),
              Self.isDefinite(before.norm), !Self.isDefinite(word.norm), !isHead(doc, j),
              // A rank's word ("الرقيب أول"، `lexicon/not_names.tsv`) and a name inside a body's ("لواء الإمام محمد بن سعود") go on.
              notNames.entries[word.norm] == nil, !givenNames.contains(Self.foldingAlef(doc.string(word.start, word.end))),
              !Self.functionWords.contains(token: word), !mentionStarts.contains(j) else { return false }
        let next = j + 1 < doc.tokens.count ? doc.tokens[j + 1] : nil
        return !(next.map { $0.kind == .arabic && Self.isDefinite($0.norm) } ?? false)
    }

    /// The article, after a proclitic or none ("الرياضة"، "والرياضة"، "للانتخابات").
    static func isDefinite(_ norm: String) -> Bool {
        ["ال", "وال", "فال", "بال", "كال", "لل", "وبال", "ولل", "فبال", "فلل"].contains { norm.hasPrefix($0) }
    }

    /// The state an article is about: the country its places name most often (a city counts for its state),
    /// the first named on a tie.
    func mainCountry(_ mentions: [EntityMention], placesOnly: Bool = true) -> String? {
        var count: [String: Int] = [:], first: [String: Int] = [:]
        for m in mentions where m.type == .gpe || !placesOnly {
            guard let id = m.ref.kbId, let e = kb.entity(id) else { continue }
            let c = e.kind == .country ? e.id : (e.country ?? "")
            guard !c.isEmpty, kb.entity(c)?.kind == .country else { continue }
            count[c, default: 0] += 1
            if first[c] == nil { first[c] = m.start }
        }
        return count.max { a, b in a.value != b.value ? a.value < b.value : first[a.key]! > first[b.key]! }?.key
    }

    /// State institutions written without a nationality adjective (`lexicon/institutions.tsv`, fourth column):
    /// - a head in construct state before a country's name, or a head with "في" and the country ("حكومة اليمن"،
    ///   "وزارة خارجية مملكة البحرين"، "وزارة الدفاع في كوريا الجنوبية"): that country's institution;
    /// - a head marked `alone` standing by itself ("مجلس الوزراء"، "الديوان الملكي"، "وزارة البترول"): the same
    ///   institution an earlier or later mention gave a nationality in this article, else the institution of the
    ///   article's main country. A word with the article right after the head makes another body ("الجيش الحر").
    /// - "المملكة" alone is the article's main country when that country is a kingdom (its names say so), else the
    ///   kingdom the article names most.
    func stateInstitutions(_ doc: Document, found: [EntityMention], startsAt: [Int: Int], covered: inout [Bool],
                           titled: [Bool], described: [Bool], describedState: [Int: String],
                           nested: inout [EntityMention]) -> [EntityMention] {
        var named: [String: String] = [:]
        for m in found where m.origin == .institution {
            guard case .name(_, let key) = m.ref else { continue }
            let parts = key.split(separator: "@")
            if parts.count == 2, named[String(parts[0])] == nil { named[String(parts[0])] = String(parts[1]) }
        }
        let main = mainCountry(doc.mentions + found)
        // "المملكة"، "الديوان الملكي": the main country when it is a kingdom, else the kingdom the article names most
        // (its places, people and bodies).
        let isKingdom = { (c: String) in kingdoms.contains(c) }
        let kingdom = main.flatMap { isKingdom($0) ? $0 : nil } ?? mainCountry((doc.mentions + found).filter { m in
            guard let id = m.ref.kbId, let e = kb.entity(id) else { return false }
            return isKingdom(e.kind == .country ? e.id : (e.country ?? ""))
        }, placesOnly: false)
        var out: [EntityMention] = []
        var t = 0
        while t < doc.tokens.count {
            guard doc.tokens[t].isWord, !covered[t] || titled[t] || described[t] else { t += 1; continue }
            if !covered[t], let kingdom, let clitic = Self.kingdomWord(doc.tokens[t]),
               !(t + 1 < doc.tokens.count && doc.tokens[t + 1].kind == .arabic && doc.tokens[t + 1].norm.hasPrefix("ال")) {
                let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[t], afterNormalized: clitic)
                out.append(EntityMention(start: start, end: doc.tokens[t].end, text: doc.string(start, doc.tokens[t].end), type: .gpe,
                                         ref: .kb(kingdom), origin: .gazetteer, tokens: t..<(t + 1),
                                         reason: "the kingdom the article is about"))
                covered[t] = true
                t += 1
                continue
            }
            // Inside a title before a name ("عضو مجلس الوزراء X") only an institution of two words or more.
            guard let m = institutions.heads.match(doc.tokens, at: t), let key = m.values.first,
                  !m.tokens.contains(where: { covered[$0] && !((titled[$0] || described[$0]) && m.tokens.count >= 2) }) else { t += 1; continue }
            let use = m.values.count > 2 ? m.values[2] : ""
            var end = m.tokens.upperBound
            var country: String?
            var inOffice = false
            // A country's name right after the head (or after "في").
            var k = end
            if use != "construct", k < doc.tokens.count, doc.tokens[k].norm == "في" { k += 1 }
            if let i = startsAt[k], doc.mentions[i].type == .gpe, let id = doc.mentions[i].ref.kbId, kb.entity(id)?.kind == .country {
                country = id
                end = doc.mentions[i].tokens.upperBound
            } else if use == "alone" || use == "kingdom" {
                // With any proclitic: "التابع لوزارة الدفاع"، "عضوا بمجلس الوزراء". After a title word ("القائد
                // الأعلى للجيش"، "الناطق الإعلامي لحرس الحدود") it is part of an office: a nested mention, named
                // but never an event's participant.
                inOffice = m.prefix > 0 && !doc.tokens[t].norm.hasPrefix("و")
                    && (max(0, t - 2)..<t).contains { doc.tokens[$0].isWord && isHead(doc, $0) }
                let next = end < doc.tokens.count ? doc.tokens[end] : nil
                if m.tokens.count == 1, let next, next.kind == .arabic, next.norm.hasPrefix("ال"), !Self.relatives.contains(next.norm) {
                    t = end; continue
                }
                // In an office's title, the office's state ("النائب الثاني لرئيس مجلس الوزراء": Saudi Arabia's).
                country = describedState[t] ?? named[key] ?? (use == "kingdom" ? kingdom : main)
            }
            let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[t], afterNormalized: m.prefix)
            let stop = doc.tokens[end - 1].end
            let ref: EntityRef
            if let country {
                ref = .name(.org, Institutions.key(institution: key, country: country))
            } else if use == "alone", m.tokens.count >= 2, !inOffice {
                // No state to give it ("وزارة الداخلية" in an article that names no place): a body of its own name,
                // when the head names one (two words or more), rather than nothing.
                ref = .name(.org, KBKeys.variantKey(ArabicNormalizer.shared.key(doc.string(start, stop))))
            } else {
                t = max(t + 1, m.tokens.upperBound); continue
            }
            let mention = EntityMention(start: start, end: stop, text: doc.string(start, stop), type: .org, ref: ref,
                                        origin: .institution, tokens: t..<end,
                                        reason: "\(key) of \(country ?? "no state the article names")")
            // Inside a title with no name after it ("عضو مجلس الوزراء"، "المتحدث باسم الحكومة اليمنية"): nested.
            if inOffice || described[t] { nested.append(mention) } else { out.append(mention) }
            for x in t..<end { covered[x] = true }
            t = end
        }
        return out
    }

    static let relatives: Set<String> = Set(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"].map { ArabicNormalizer.shared.key($0) })
    static let kingdomKey = ArabicNormalizer.shared.key("المملكة")
    static let kingdomHash = TokenKey.of(kingdomKey)

    /// The proclitic length when the token is "المملكة" (with و، ب، ل، ف before it), else nil.
    static func kingdomWord(_ token: Token) -> Int? {
        guard token.kind == .arabic else { return nil }
        if token.norm == kingdomKey { return 0 }
        // By hash first: this runs for every word.
        return token.clitics.first { $0.key == kingdomHash && $0.stem(of: token.norm) == kingdomKey }?.prefix
    }

    /// "يتولى X رئاسة مجلس الأمن"، "شغل X منصب وزير الدفاع"; the verb after the name too, "X شغل منصب ..."، "X، الذي
    /// يشغل كذلك منصب ..."، "وكان X يشغل قبل ذلك منصب ...", with up to two words (an adverb) before the office noun.
    func officeVerbs(_ doc: Document) -> [RoleMention] {
        var out: [RoleMention] = []
        for m in doc.mentions where m.type == .person {
            let v = m.tokens.lowerBound - 1
            let n: Int
            if v >= 0, roleVerbs.values(token: doc.tokens[v])?.first == "verb" {
                n = m.tokens.upperBound
            } else if let after = officeNounAfterVerb(doc, from: m.tokens.upperBound) {
                n = after
            } else { continue }
            guard n < doc.tokens.count, roleVerbs.values(token: doc.tokens[n])?.first == "office_noun" else { continue }
            var j = n + 1
            while j < doc.tokens.count, doc.tokens[j].isWord, j - n <= 6, !barriers.contains(token: doc.tokens[j]) { j += 1 }
            guard j > n + 1 else { continue }
            let start = doc.tokens[n].start, end = doc.tokens[j - 1].end
            out.append(RoleMention(person: m.ref, title: doc.string(start, end), start: start, end: end,
                                   office: office(doc, (n + 1)..<j)?.office, basis: "text", from: nil))
        }
        return out
    }

    /// The office noun after a name's verb of office: "X شغل منصب"، "X، الذي يشغل كذلك منصب"، "X يشغل قبل ذلك منصب".
    func officeNounAfterVerb(_ doc: Document, from start: Int) -> Int? {
        var k = start
        if k < doc.tokens.count, doc.tokens[k].norm == "," { k += 1 }
        if k < doc.tokens.count, Self.relatives.contains(doc.tokens[k].norm) { k += 1 }
        // The verb as written: "ويتولى" after a name begins a clause of its own ("X، ويتولى مدير الإنتاج Y").
        guard k < doc.tokens.count, roleVerbs.entries[doc.tokens[k].norm]?.first == "verb" else { return nil }
        // Only adverbs between: "الذي تتولى بلاده الرئاسة" is his country's office.
        for n in (k + 1)...(k + 3) where n < doc.tokens.count {
            if roleVerbs.values(token: doc.tokens[n])?.first == "office_noun" { return n }
            guard roleVerbs.entries[doc.tokens[n].norm]?.first == "adverb" else { return nil }
        }
        return nil
    }

    /// Offices the knowledge base says a mentioned person held on the article's date.
    func knowledgeBaseRoles(_ doc: Document) -> [RoleMention] {
        var seen = Set<String>()
        var out: [RoleMention] = []
        for m in doc.mentions where m.type == .person {
            guard let id = m.ref.kbId, seen.insert(id).inserted else { continue }
            for role in kb.roles(of: id) where held(role, on: doc.published) {
                out.append(RoleMention(person: m.ref, title: role.titleAr, start: m.start, end: m.end,
                                       office: role.office, basis: "kb", from: role.from))
            }
        }
        return out
    }
}
