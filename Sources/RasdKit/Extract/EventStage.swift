/// Event extraction: trigger words (lemmas of `Resources/events/trigger_lemmas.tsv` read through `Morphology`,
/// phrases of `Resources/events/triggers.tsv`) and their arguments found in the clause around them, with
/// modality, attribution, date and the quantities involved.
public struct EventStage: Sendable {
    public let kb: KnowledgeBase
    let triggers: PhraseLexicon
    let lemmas = TriggerLemmas.shared
    let classes: [String: Set<String>]
    let modality: PhraseLexicon
    /// Words opening a condition after the trigger (events/conditionals.tsv).
    let conditionals: PhraseLexicon
    /// Words making a date refer back to the previous event ("اليوم نفسه").
    let sameTime: PhraseLexicon
    let speech: PhraseLexicon
    let attribution: PhraseLexicon
    let groupWords: PhraseLexicon
    let lightVerbs: PhraseLexicon
    /// Titles whose holder speaks for the body named in them (`quotes/voice_titles.tsv`).
    let voiceTitles: PhraseLexicon
    let clauses = ClauseSplitter()
    /// Reads a title noun as the entity named with it before ("وبحث الوزير" → the minister).
    let speakers: QuoteSpeaker
    /// The learned confidence set on every event (`EventConfidence`) and on every participant (`ArgumentConfidence`).
    let confidence = EventConfidence.bundled
    let argumentConfidence = ArgumentConfidence.bundled
    let owners: ConductOwners

    public init(kb: KnowledgeBase) {
        self.kb = kb
        triggers = PhraseLexicon.resource("events/triggers.tsv")
        modality = PhraseLexicon.resource("events/modality.tsv")
        conditionals = PhraseLexicon.resource("events/conditionals.tsv")
        sameTime = PhraseLexicon.resource("events/same_time.tsv")
        speech = PhraseLexicon.resource("quotes/speech_verbs.tsv")
        attribution = PhraseLexicon.resource("quotes/attribution.tsv")
        groupWords = PhraseLexicon.resource("events/group_anaphors.tsv")
        lightVerbs = PhraseLexicon.resource("events/light_verbs.tsv")
        voiceTitles = PhraseLexicon.resource("quotes/voice_titles.tsv")
        speakers = QuoteSpeaker(speech: speech)
        self.classes = Self.wordClasses
        owners = ConductOwners(classes: classes)
    }

    /// The word classes of `events/classes.tsv` (class → normalized words), read once for every stage and rule.
    static let wordClasses: [String: Set<String>] = {
        var classes: [String: Set<String>] = [:]
        for row in (try? ResourceStore.rows("events/classes.tsv")) ?? [] where row.count >= 2 {
            classes[row[0], default: []].insert(ArabicNormalizer.shared.key(row[1]))
        }
        return classes
    }()

    struct Trigger {
        var match: PhraseLexicon.Match
        var type: EventType
        var pos: TriggerPOS
        /// The trigger's row asks for a place ("@place"): without one it is another sense of the word.
        var needsPlace = false
        /// A verbal noun whose genitive receives ("تزويد سوريا بـ"): its row's fifth column says "recipient".
        var recipientFirst = false
        /// A carrier "loaded with" goods ("سفينة إماراتية محملة بالمساعدات"): the row's fifth column says "carrier".
        var carrier = false
        /// A taking of ground or people ("طرد"، "دحر"، "سيطر على"): the row's fifth column says "seizure". The verb
        /// counts in the perfect only, the noun's genitive is its target and the governing verb's subject its actor
        /// ("تمكنت X من طرد Y"), and either counts only with a target named.
        var seizure = false
        /// An attack that may be words ("شن المالكي هجوما عنيفا على السعودية"): the row's fifth column says "verbal".
        /// Told of people alone, with no word of fighting, weapons or fire in the clause, it is an accusation.
        var verbal = false
        /// A statement only with its speaker written in its clause ("ووصف X الاتفاق بأنه"), not carried from before:
        /// the row's fifth column says "written" ("ندد X بالهجوم ووصفه بأنه" goes on with the condemnation; "الثناء
        /// ... ووصفه بأنه" is the verbal noun).
        var written = false
        /// A verb's tense as the analyzer read it (nil for a phrase of triggers.tsv and for nouns).
        var tense: Morphology.Tense?
        /// Matched by lemma (trigger_lemmas.tsv) rather than as a phrase (triggers.tsv).
        var byLemma = false

        /// The lexicon row that made it a trigger (`--explain`).
        var provenance: Provenance {
            var p = Provenance()
            let requirement = needsPlace ? ", needs a place" : ""
            let tenseNote = tense.map { ", \($0.rawValue)" } ?? ""
            p.addData("trigger «\(match.key)» → \(type.rawValue) (\(pos.rawValue)\(tenseNote)\(requirement); events/\(byLemma ? "trigger_lemmas" : "triggers").tsv)")
            return p
        }
    }

    static let placeRequirement = "@place"
    /// A trigger row's requirement "@said": a verb of saying only where the quote stage read a speaker and what is
    /// said, and not right after "أن"/"إن" or a preposition (where the form is the verbal noun: "أن توقع أوبك لنمو
    /// الطلب"، "من كشف السلطات").
    static let saidRequirement = "@said"

    func isSaid(_ doc: Document, _ trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        guard doc.speechVerbs[trigger.lowerBound]?.speaker != nil else { return false }
        guard trigger.lowerBound > sentence.lowerBound else { return true }
        // After a preposition the form is the noun too ("على الرغم من كشف السلطات"، "من العسير توقع متى").
        let before = doc.tokens[trigger.lowerBound - 1].norm
        return !Self.bareComplementizers.contains(before) && !Self.nounContexts.contains(before)
    }
    /// "أن"/"إن" with no pronoun on them (unlike `ArgumentFinder.complementizers`: after "أنه" a verb follows).
    static let bareComplementizers = ArgumentFinder.keys(["أن", "إن", "ان", "بأن", "وأن", "وإن"])
    /// Words after which an unvowelled form with a verb and a noun reading is the noun: verbs that make the noun after
    /// them passive ("تم طرد"، "جرى اعتقال") and prepositions ("بعد طرد"، "من طرد").
    static let nounContexts = ArgumentFinder.keys(["تم", "وتم", "جرى", "وجرى", "يتم", "ويتم",
        "بعد", "وبعد", "قبل", "وقبل", "عقب", "إثر", "اثر", "خلال", "من", "في", "على", "إلى", "الى", "عن", "مع", "حول", "ضد"])
    /// Nouns whose name is a date (`events/date_name_heads.tsv`).
    static let dateNameHeads = PhraseLexicon.resource("events/date_name_heads.tsv")
    /// Words of a time of day written like a trigger ("فجر اليوم"، "فجر أمس": `events/time_homographs.tsv`).
    static let timeHomographs = PhraseLexicon.resource("events/time_homographs.tsv")

    /// "فجر اليوم الخميس": a word of that list right before a date is the time, not the verb.
    func isTimeWord(_ doc: Document, _ i: Int) -> Bool {
        guard i + 1 < doc.tokens.count, Self.timeHomographs.contains(token: doc.tokens[i]) else { return false }
        let next = doc.tokens[i + 1].start
        return doc.dates.contains { $0.start == next }
    }
    /// ACCUSE lemmas of doubt (`events/doubt_lemmas.tsv`): what is doubted may be a thing, not a party.
    static let doubtLemmas = PhraseLexicon.resource("events/doubt_lemmas.tsv")

    public func process(_ doc: inout Document) {
        var events: [EventMention] = []
        let arguments = ArgumentFinder(doc: doc, kb: kb, groupWords: groupWords, lightVerbs: lightVerbs, speakers: speakers)
        // "فيصل" read as ف + يصل: a word inside a name (a person's, or a body's: "مستشفى الملك فيصل التخصصي") is no
        // trigger with a clitic split off it.
        var inName = Set<Int>()
        for m in doc.mentions { inName.formUnion(m.tokens) }
        let reportDay = leadDay(doc, published: doc.published)
        for (sIndex, sentence) in doc.sentences.enumerated() {
            let clauseList = clauses.clauses(doc, sentence)
            var found: [Trigger] = []
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                // A phrase of triggers.tsv as written first; else the word's lemma readings, each with its rows.
                var candidates: [(match: PhraseLexicon.Match, row: [String], tense: Morphology.Tense?, byLemma: Bool)] = []
                if let m = triggers.match(doc.tokens, at: i, limit: sentence.upperBound) {
                    candidates = (triggers.allEntries[m.key] ?? [m.values]).map { (m, $0, nil, false) }
                } else if doc.tokens[i].kind == .arabic, !isTimeWord(doc, i) {
                    let t = doc.tokens[i]
                    // The normalizer writes ة as ه: the letter as written tells "وزارة" from "وزاره".
                    let taMarbuta = t.norm.unicodeScalars.last == "ه" && doc.text.lastLetter(t.start..<t.end) == "\u{0629}"
                    for hit in lemmas.hits(t.norm, taMarbuta: taMarbuta) where !(inName.contains(i) && hit.reading.proclitic.length > 0) {
                        let m = PhraseLexicon.Match(tokens: i..<(i + 1), prefix: hit.reading.proclitic.length, key: hit.lemma,
                                                    values: hit.rows[0])
                        candidates += hit.rows.map { (m, $0, hit.reading.tense, true) }
                    }
                }
                if let m = candidates.first?.match {
                    // The first reading whose required word class is in the clause.
                    for (m, row, tense, byLemma) in candidates where !row.isEmpty {
                        let requires = row.count > 2 ? row[2] : ""
                        let needsPlace = requires == Self.placeRequirement
                        // The type is one of `EventType` (VocabularyTests checks every row).
                        guard let type = EventType(rawValue: row[0]) else { continue }
                        // A seizure's verb reading counts in the perfect only: the present tells a state ("المناطق التي
                        // يسيطر عليها التنظيم"). After a passive light verb or a preposition ("تم طرد"، "بعد طرد") a form
                        // that may be read as the verb or its verbal noun is the noun. (Other types keep both readings:
                        // their noun rules take the sentence's subject as the actor of "في فرض عقوبات على X".)
                        // Role "perfect" ("تستهدف الشركة الشباب": aims at) counts in the perfect only, as a seizure does.
                        if byLemma, row.count > 3, row[1] == "verb", row[3] == "perfect", tense != .past { continue }
                        // "قتل 15 مدنيا في قصف لقوات النظام": an attack's form after a preposition or a passive light
                        // verb is its verbal noun, when the lexicon has one.
                        if byLemma, type == .attack, row.count > 1, row[1] == "verb", m.tokens.lowerBound > sentence.lowerBound,
                           Self.nounContexts.contains(doc.tokens[m.tokens.lowerBound - 1].norm),
                           candidates.contains(where: { $0.byLemma && $0.row.count > 1 && $0.row[0] == row[0] && $0.row[1] == "noun" }) { continue }
                        if byLemma, row.count > 3, row[3] == "seizure", row[1] == "verb",
                           tense != .past || (m.tokens.lowerBound > sentence.lowerBound
                               && Self.nounContexts.contains(doc.tokens[m.tokens.lowerBound - 1].norm)
                               && candidates.contains(where: { $0.byLemma && $0.row.count > 1 && $0.row[1] == "noun" })) { continue }
                        let saidOnly = requires == Self.saidRequirement
                        if saidOnly, !isSaid(doc, m.tokens, in: sentence) { continue }
                        if requires.isEmpty || needsPlace || saidOnly || satisfies(doc, requires, around: m.tokens, in: sentence) {
                            guard var pos = row.count > 1 ? TriggerPOS(rawValue: row[1]) : .verb else { continue }
                            // "القصف"، "والهجوم": a verb form with the article is its verbal noun.
                            if pos == .verb, hasArticle(doc.tokens[m.tokens.lowerBound].norm, prefix: m.prefix) { pos = .noun }
                            found.append(Trigger(match: m, type: type, pos: pos, needsPlace: needsPlace,
                                                 recipientFirst: row.count > 3 && row[3] == "recipient",
                                                 carrier: row.count > 3 && row[3] == "carrier",
                                                 seizure: row.count > 3 && row[3] == "seizure",
                                                 verbal: row.count > 3 && row[3] == "verbal",
                                                 written: row.count > 3 && row[3] == "written",
                                                 tense: tense, byLemma: byLemma))
                            break
                        }
                    }
                    i = m.tokens.upperBound
                } else {
                    i += 1
                }
            }
            // The source the sentence cites is the same for all its events: found once.
            let attribution = found.isEmpty ? nil : attributionOf(doc, sentence)
            var sentenceEvents: [EventMention] = []
            var waiting: [Trigger] = []   // sentence-opening "في زيارة ..." whose actor is the main clause's subject
            let triggers = found
            for trigger in found {
                let mood = self.mood(doc, trigger, sentence: sentence)
                if mood == "negated" { continue }
                if trigger.type == .meet, isInterview(doc, trigger.match.tokens, in: sentence, isSource: arguments.isSource) { continue }
                if trigger.type == .visit, isRound(doc, trigger, in: sentence) { continue }
                let clause = clauseList.first { $0.contains(trigger.match.tokens.lowerBound) } ?? sentence
                // A speech verb's speaker is the one the quote stage read from the clause: none named, no
                // statement; an agency or outlet only relays, and a town does not speak.
                // "داعيا الله أن"، "الجدير ذكره أن": the words that make a speech verb no speech for the quote stage
                // (`nospeech` in quotes/subject_zone.tsv) make it no statement.
                if trigger.type == .statement, speakers.nextToNoSpeech(doc, trigger.match.tokens, in: sentence) { continue }
                let said = trigger.type == .statement ? doc.speechVerbs[trigger.match.tokens.lowerBound] : nil
                // "يذكر أن"، "يعتبر": a statement verb in the present is often passive or generic; it counts only
                // with the speaker the quote stage found.
                if trigger.type == .statement, trigger.tense == .present, said?.speaker == nil { continue }
                // "نقلت الوكالة عن X قوله": the carried verbal noun is a statement only with the speaker the quote stage
                // read ("قوله تعالى" quotes scripture).
                if trigger.type == .statement, trigger.pos == .noun, said?.speaker == nil,
                   speech.values(token: doc.tokens[trigger.match.tokens.lowerBound])?.contains("carried") == true { continue }
                // "تصريحات X التي أكد فيها أن ...": X speaks, whom the quote stage does not read.
                let owner = trigger.type == .statement && said?.speaker == nil
                    ? owners.relativeSpeaker(of: trigger.match.tokens, in: doc, sentence: sentence) : nil
                if let said, owner == nil {
                    guard let ref = said.speaker, arguments.canAct(ref), !arguments.isSource(ref) else { continue }
                    if trigger.written, !speakerWritten(ref, doc, trigger.match, in: sentence) { continue }
                }
                let found = owner != nil ? nil
                    : arguments.event(for: trigger.match.tokens, type: trigger.type, pos: trigger.pos,
                                      clause: clause, sentence: sentence, earlier: sentenceEvents,
                                      previous: events, recipientFirst: trigger.recipientFirst, carrier: trigger.carrier,
                                      seizure: trigger.seizure)
                // With the owner of the words as speaker, or the quote stage's, the statement is the bare event.
                guard var event = found ?? (owner != nil || said != nil
                    ? arguments.bareEvent(trigger.type, trigger.match.tokens, sentence: sentence) : nil) else {
                    if trigger.pos == .noun, trigger.match.tokens.lowerBound <= sentence.lowerBound + 2 { waiting.append(trigger) }
                    continue
                }
                if let said, let ref = said.speaker {
                    event.participants = [.init(ref: ref, role: .actor, text: said.speakerText ?? "")]
                    event.provenance.add("actor «\(said.speakerText ?? "")»: the speaker of what is said (quote stage)")
                    // "حذر X والمبعوث الأممي إلى ليبيا Y الأطراف ...": the speakers joined to it by "و" speak with it.
                    let limit = ArgumentFinder.complementStart(doc, after: trigger.match.tokens, in: sentence)
                    // The speaker written as the verb's subject: right after it, or after a title that opens there.
                    let after = trigger.match.tokens.upperBound
                    if let spoken = doc.mentions.first(where: { m in m.ref == ref && m.tokens.lowerBound >= after && m.tokens.lowerBound < limit
                        && (m.tokens.lowerBound <= after + 1 || arguments.titleBefore[m.tokens.lowerBound].map { $0 <= after + 1 } == true) }) {
                        for c in arguments.coordinated(after: spoken, limit: limit, strict: true) where arguments.canAct(c.ref) && !arguments.isSource(c.ref)
                            && !event.participants.contains(where: { $0.ref == c.ref }) {
                            event.participants.append(.init(ref: c.ref, role: .actor, text: c.text))
                            event.provenance.add("actor «\(c.text)»: joined to the speaker by «و»")
                        }
                    }
                    // The body a head or spokesman speaks for, named in his title ("مدير المرصد"، "المتحدث باسم
                    // وزارة الدفاع"): it makes the statement with him.
                    for body in bodies(spokenFor: ref, in: doc) where !event.participants.contains(where: { $0.ref == body.ref }) {
                        event.participants.append(.init(ref: body.ref, role: .actor, text: body.text))
                        event.provenance.add("actor «\(body.text)»: the body the speaker's title speaks for")
                    }
                }
                if let owner {
                    event.participants = [.init(ref: owner.ref, role: .actor, text: owner.text)]
                    event.provenance.add("actor «\(owner.text)»: whose words the relative clause tells")
                }
                // "اعتبر X أن تصريحات Y مقلقة": what is said judges a party's conduct blameworthy: an accusation of it;
                // "وصفت X تصريحات Y بالعدوانية": the party whose conduct is judged is the accused.
                if event.type == .statement || (event.type == .accuse && !event.participants.contains { $0.role == .target }),
                   let party = owners.criticized(in: doc, after: trigger.match.tokens, sentence: sentence,
                                                    speaker: event.participants.first(where: { $0.role == .actor })?.ref, kb: kb) {
                    if event.type == .statement {
                        event.type = .accuse
                        event.provenance.add("ACCUSE: what is said judges the conduct of «\(party.text)» (classes.tsv conduct, blame)")
                    }
                    event.participants.append(.init(ref: party.ref, role: .target, text: party.text))
                    event.provenance.add("target «\(party.text)»: whose conduct is judged")
                }
                // "أدان X الممارسات الإسرائيلية": the accused is the party whose conduct is the object.
                if trigger.type == .accuse, event.type == .accuse, !event.participants.contains(where: { $0.role == .target }),
                   let actor = event.participants.first(where: { $0.role == .actor }),
                   let named = doc.mentions.first(where: { $0.ref == actor.ref && $0.tokens.lowerBound >= trigger.match.tokens.upperBound
                       && $0.tokens.lowerBound <= trigger.match.tokens.upperBound + 6 }),
                   let party = owners.condemned(in: doc, after: named.tokens.upperBound, sentence: sentence, speaker: actor.ref, kb: kb) {
                    event.participants.append(.init(ref: party.ref, role: .target, text: party.text))
                    event.provenance.add("target «\(party.text)»: whose conduct the accusation's object is")
                }
                // "قال X إن إيران تستغل ..."، "إن الاحتلال الإسرائيلي ...": what is said tells a party's wrongdoing, an
                // accusation of it made with the statement (which stays: the speaker may say more).
                var accused: EventMention.Participant?
                if event.type == .statement {
                    let content = doc.speechVerbs[trigger.match.tokens.lowerBound]?.content
                        ?? ArgumentFinder.complementStart(doc, after: trigger.match.tokens, in: sentence)
                    if content < sentence.upperBound,
                       let party = owners.wrongdoer(in: doc, from: content + 1, sentence: sentence,
                                                    speaker: event.participants.first(where: { $0.role == .actor })?.ref, kb: kb),
                       !event.participants.contains(where: { $0.ref == party.ref }) {
                        accused = party
                    }
                }
                if trigger.verbal, event.type == .attack, isVerbalAttack(event, doc: doc, trigger: trigger.match.tokens, in: sentence) {
                    event.type = .accuse
                    event.provenance.add("ACCUSE: an attack of people alone with no fighting, weapons or fire in the clause is words")
                }
                if trigger.needsPlace && event.place == nil { continue }
                if event.type == .supply { addReceivingState(&event) }
                if trigger.type == .visit, reachesLevel(doc, trigger.match.tokens, in: sentence) || vehicleArrives(doc, trigger.match.tokens, in: sentence) { continue }
                // An accusation names whom it accuses ("اتهم X Y بـ"): with no accused found, the actor is as often
                // the accused ("واتهم X بالفساد") or the condemnation is of nobody ("استنكار كل أشكال الإرهاب");
                // the condemnation of an attack ("أدان X الهجوم") and a doubt ("شكك في نزاهة ...") stand without one.
                if trigger.type == .accuse, !event.participants.contains(where: { $0.role == .target }),
                   Self.doubtLemmas.entries[ArabicNormalizer.shared.key(trigger.match.key)] == nil,
                   !triggers.contains(where: { $0.type == .attack && $0.match.tokens.lowerBound >= trigger.match.tokens.upperBound
                       && $0.match.tokens.lowerBound <= trigger.match.tokens.upperBound + 14 }) {
                    continue
                }
                // "وجرى خلال اللقاء ..."، "حضر الاجتماع ...": a definite verbal noun after an event of its type with the
                // same actor, in this sentence or the one before, is that event told again.
                // After "خلال"، "أثناء" ("وجرى خلال الاستقبال استعراض العلاقات بين المملكة والولايات المتحدة") the noun
                // points back to the event whoever its parties are read to be: the states of the people who met.
                if trigger.pos == .noun, ArgumentFinder.isDefinite(doc.tokens[trigger.match.tokens.lowerBound].norm) {
                    let start = trigger.match.tokens.lowerBound
                    let before = start > sentence.lowerBound ? doc.tokens[start - 1].norm : ""
                    let word = before.hasPrefix("و") ? String(before.dropFirst()) : before
                    let during = word != "في" && ArgumentFinder.during.contains(word)
                    let actor = event.participants.first(where: { $0.role == .actor })?.ref
                    if (sentenceEvents + events.filter { $0.sentence >= sIndex - (during ? 2 : 1) }).contains(where: { e in
                        e.type == event.type && (during || e.participants.contains { $0.role == .actor && $0.ref == actor && actor != nil })
                    }) {
                        continue
                    }
                }
                // "ورفضت إيران الاتهامات السعودية ووصفتها بأنها ...": a verb joined by و whose actor was read from the
                // name right before the و (no subject after it) continues the sentence's previous event: its actor.
                // (A statement's speaker is the quote stage's reading, and stays.)
                if trigger.pos == .verb, event.type != .statement, trigger.match.prefix > 0,
                   doc.tokens[trigger.match.tokens.lowerBound].norm.hasPrefix("و"),
                   let outer = sentenceEvents.last, let outerActor = outer.participants.first(where: { $0.role == .actor }),
                   let k = event.participants.firstIndex(where: { $0.role == .actor }), event.participants[k].ref != outerActor.ref,
                   doc.mentions.contains(where: { $0.ref == event.participants[k].ref
                       && $0.tokens.upperBound <= trigger.match.tokens.lowerBound
                       && $0.tokens.upperBound >= trigger.match.tokens.lowerBound - 1 && $0.tokens.lowerBound >= sentence.lowerBound }),
                   !doc.mentions.contains(where: { $0.ref == event.participants[k].ref
                       && $0.tokens.lowerBound >= trigger.match.tokens.upperBound && $0.tokens.lowerBound < sentence.upperBound }) {
                    event.provenance.add("actor «\(outerActor.text)»: the verb joined by و continues «\(outer.trigger)»")
                    event.participants.removeAll { $0.role == .actor || $0.ref == outerActor.ref }
                    event.participants.insert(outerActor, at: 0)
                }
                // "أدانت مصر الهجوم الذي استهدف ...": who condemns an attack is not its attacker.
                if event.type == .attack, let outer = sentenceEvents.last(where: { $0.type == .accuse
                       && $0.triggerEnd <= doc.tokens[trigger.match.tokens.lowerBound].start }) {
                    let accusers = Set(outer.participants.filter { $0.role == .actor }.map(\.ref))
                    if event.participants.contains(where: { $0.role == .actor && accusers.contains($0.ref) }) {
                        event.participants.removeAll { $0.role == .actor && accusers.contains($0.ref) }
                        event.provenance.add("the accuser of «\(outer.trigger)» is not the attacker")
                        if event.participants.isEmpty { continue }
                    }
                }
                event.sentence = sIndex
                event.provenance.insert(trigger.provenance)
                event.modality = modalityOf(mood, event: event, earlier: sentenceEvents, doc: doc, sentence: sentence,
                                            trigger: trigger.match.tokens)
                event.provenance.add("modality \(event.modality.rawValue)\(mood.map { " (clause read as \($0))" } ?? "")")
                event.attribution = attribution
                dateEvent(&event, doc: doc, trigger: trigger.match.tokens, clause: clause, clauses: clauseList, sentence: sentence,
                          told: events + sentenceEvents, reportDay: reportDay, pastVerb: trigger.pos == .verb && trigger.tense == .past)
                dateRelativeToEvent(&event, doc: doc, trigger: trigger.match.tokens, anchor: sentenceEvents.last)
                // "ويزور X القاهرة في العاشر من أبريل المقبل": a present-tense verb dated after the report tells a plan.
                if event.modality == .asserted || event.modality == .reported, trigger.pos == .verb, trigger.tense == .present,
                   let date = event.date, event.dateBasis != .published, let published = doc.published,
                   date.dayNumber > published.lastDay {
                    event.modality = .planned
                    event.provenance.add("modality planned: a present-tense verb dated after the report")
                }
                event.quantities = doc.quantities.indices.filter { q in
                    let quantity = doc.quantities[q]
                    return !quantity.isDuration && quantity.start >= doc.tokens[clause.lowerBound].start
                        && quantity.end <= doc.tokens[clause.upperBound - 1].end
                }
                sentenceEvents.append(event)
                if let accused {
                    var accusation = event
                    accusation.type = .accuse
                    accusation.participants.append(accused)
                    accusation.provenance.add("ACCUSE: what is said tells the wrongdoing of «\(accused.text)» (classes.tsv misdeed)")
                    sentenceEvents.append(accusation)
                }
                // The main clause's event gives its actor to the opening phrase ("في زيارة ...، وقع بوتين").
                for w in waiting where event.participants.contains(where: { $0.role == .actor }) {
                    let wClause = clauseList.first { $0.contains(w.match.tokens.lowerBound) } ?? sentence
                    guard var opening = arguments.event(for: w.match.tokens, type: w.type, pos: w.pos, clause: wClause,
                                                        sentence: sentence, earlier: [event], previous: events) else { continue }
                    opening.sentence = sIndex
                    opening.provenance.insert(w.provenance)
                    opening.provenance.add("actor taken from the main clause's event «\(event.trigger)»")
                    opening.modality = event.modality
                    opening.attribution = event.attribution
                    dateEvent(&opening, doc: doc, trigger: w.match.tokens, clause: wClause, clauses: clauseList, sentence: sentence,
                              told: events + sentenceEvents, reportDay: reportDay)
                    sentenceEvents.append(opening)
                }
                if !waiting.isEmpty, event.participants.contains(where: { $0.role == .actor }) { waiting = [] }
            }
            events += sentenceEvents
        }
        addAttendees(&events, doc: doc)
        confidence.score(&events, in: doc)
        argumentConfidence.score(&events, in: doc)
        doc.events = events
    }

    /// Whether the speaker is written as the verb's subject: a mention of it ending up to three words before the
    /// verb with no و or other proclitic on it ("نتنياهو وصف"، "X كان قد وصف"), or starting within the eight words after it (a title), no punctuation between.
    func speakerWritten(_ ref: EntityRef, _ doc: Document, _ match: PhraseLexicon.Match, in sentence: Range<Int>) -> Bool {
        let verb = match.tokens
        return doc.mentions.contains { m in
            m.ref == ref && sentence.contains(m.tokens.lowerBound)
                && ((match.prefix == 0 && m.tokens.upperBound <= verb.lowerBound && m.tokens.upperBound >= verb.lowerBound - 3)
                    || (m.tokens.lowerBound >= verb.upperBound && m.tokens.lowerBound <= verb.upperBound + 8
                        && (verb.upperBound..<m.tokens.lowerBound).allSatisfy { doc.tokens[$0].isWord }))
        }
    }

    /// Whether an attack is words: every actor a person (no state, body or armed group acting through him), a
    /// target named, and no word of fighting, weapons or fire (classes combat, weapon, shelling) around the trigger.
    func isVerbalAttack(_ event: EventMention, doc: Document, trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        let actors = event.participants.filter { $0.role == .actor }
        guard !actors.isEmpty, event.participants.contains(where: { $0.role == .target }) else { return false }
        let people = actors.allSatisfy { a in doc.mentions.contains { $0.ref == a.ref && $0.type == .person } }
        return people && !["combat", "weapon", "shelling"].contains { clauseHas(doc, $0, around: trigger, in: sentence) }
    }

    /// "لقاء مع قناة ..."، "في حديث لصحيفة ..."، "في اتصال هاتفي بـ«عكاظ»": an interview or media appearance (a
    /// "media" word of classes.tsv, or an outlet or agency of the knowledge base, within three words after the
    /// trigger; quote marks around a name do not count) is no meeting.
    func isInterview(_ doc: Document, _ trigger: Range<Int>, in sentence: Range<Int>, isSource: (EntityRef) -> Bool) -> Bool {
        guard let words = classes["media"] else { return false }
        var t = trigger.upperBound, seen = 0
        while t < sentence.upperBound, seen < 3 {
            if !doc.tokens[t].isWord {
                guard ArgumentFinder.complementMarks.contains(doc.tokens[t].norm), doc.tokens[t].norm != ":" else { break }
                t += 1; continue
            }
            if Proclitics.hasStem(doc.tokens[t], in: words) { return true }
            if doc.mentions.contains(where: { $0.tokens.lowerBound == t && isSource($0.ref) }) { return true }
            seen += 1; t += 1
        }
        return false
    }

    static let ila = ArabicNormalizer.shared.key("إلى")

    /// "وصول واردات الصين من النفط إلى 507 آلاف برميل"، "وصول صادراتها إلى أوروبا إلى نحو ثلاثة مليارات": "إلى"
    /// followed by a number or a quantity (within eight words after the trigger, in its clause) is a level reached,
    /// not a destination.
    func reachesLevel(_ doc: Document, _ trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        var t = trigger.upperBound, seen = 0
        while t + 1 < sentence.upperBound, seen < 8, doc.tokens[t].isWord {
            if doc.tokens[t].norm == Self.ila, (t + 1..<min(t + 3, sentence.upperBound)).contains(where: { k in
                doc.tokens[k].kind == .number || doc.quantities.contains { $0.start == doc.tokens[k].start }
            }) { return true }
            seen += 1; t += 1
        }
        return false
    }

    /// "وصول أول سفينة مساعدات إلى مرفأ عدن"، "ووصلت امس سفينة إماراتية": a ship, plane or convoy arriving
    /// (`events/carrier_nouns.tsv`) is no visit (what it carries may be a supply): the vehicle within three words after
    /// the trigger, past date words, numbers and ordinals.
    func vehicleArrives(_ doc: Document, _ trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        var t = trigger.upperBound, seen = 0
        while t < sentence.upperBound, seen < 3, doc.tokens[t].isWord || doc.tokens[t].kind == .number {
            if ArgumentFinder.isCarrierNoun(doc.tokens[t]) { return true }
            if doc.mentions.contains(where: { $0.tokens.contains(t) }) { return false }
            seen += 1; t += 1
        }
        return false
    }

    /// "الجولة الأولى"، "الجولة المقبلة": a round of a contest, a vote or talks (events/rounds.tsv), not a tour.
    func isRound(_ doc: Document, _ trigger: Trigger, in sentence: Range<Int>) -> Bool {
        guard trigger.pos == .noun, Self.rounds.values(word: ArabicNormalizer.shared.key(trigger.match.key))?.first == "noun" else { return false }
        let next = trigger.match.tokens.upperBound
        guard next < sentence.upperBound else { return false }
        // "الجولة 5"، "الجولة الـ 27": a round's number.
        if doc.tokens[next].kind == .number { return true }
        guard doc.tokens[next].isWord else { return false }
        let word = doc.tokens[next].norm
        if word == "ال", next + 1 < sentence.upperBound, doc.tokens[next + 1].kind == .number { return true }
        return Self.ordinals.contains(word: word) || Self.rounds.values(word: word)?.first == "after"
    }

    static let rounds = PhraseLexicon.resource("events/rounds.tsv")
    static let ordinals = PhraseLexicon.resource("text/ordinals.tsv")

    /// True when the proclitics matched before a trigger end in the article ("ال"، "لل").
    func hasArticle(_ word: String, prefix: Int) -> Bool {
        guard prefix >= 2 else { return false }
        let clitics = String(String.UnicodeScalarView(word.unicodeScalars.prefix(prefix)))
        return clitics.hasSuffix("ال") || clitics.hasSuffix("لل")
    }

    /// The bodies named in a person's titles of this article whose first word is a title of one who speaks for the
    /// body (`quotes/voice_titles.tsv`).
    func bodies(spokenFor person: EntityRef, in doc: Document) -> [EntityMention] {
        var out: [EntityMention] = []
        for role in doc.roles where role.person == person && role.basis == "text" {
            let first = doc.firstToken(endingAfter: role.start)
            guard first < doc.tokens.count, voiceTitles.contains(token: doc.tokens[first]) else { continue }
            for m in doc.mentions where m.type == .org && m.start >= role.start && m.end <= role.end
                && !out.contains(where: { $0.ref == m.ref }) {
                out.append(m)
            }
        }
        return out
    }

    /// A trigger row's requirement: a word class that must occur near the trigger, optionally followed by "!" and a
    /// class that must not ("combat!blaze": fighting words, and no fire or flood whose control is told alike).
    func satisfies(_ doc: Document, _ requires: String, around trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        let parts = requires.split(separator: "!", maxSplits: 1).map(String.init)
        guard var required = parts.first else { return false }
        // "claim>": the class only after the trigger (its object), not before it.
        let afterOnly = required.hasSuffix(">")
        if afterOnly { required.removeLast() }
        guard clauseHas(doc, required, around: trigger, in: sentence, before: !afterOnly) else { return false }
        return parts.count < 2 || !clauseHas(doc, parts[1], around: trigger, in: sentence)
    }

    /// Whether a word of the class occurs in the sentence near the trigger (8 words before, 20 after a relative
    /// pronoun; 16 after).
    func clauseHas(_ doc: Document, _ className: String, around trigger: Range<Int>, in sentence: Range<Int>,
                   before: Bool = true) -> Bool {
        guard let words = classes[className] else { return false }
        // Eight words before the trigger and sixteen after it; punctuation ("، مساء أمس الخميس،") does not count.
        func has(_ t: Int) -> Bool {
            Proclitics.hasStem(doc.tokens[t], in: words)
        }
        var seen = 0
        var t = trigger.lowerBound - 1
        // "الاتفاق النووي الذي تم التوصل إليه ... والذي أقره مجلس الأمن": a verb right after a relative pronoun has
        // its object in the noun the relative clause hangs on, further back.
        let reach = t >= sentence.lowerBound && ArgumentFinder.isRelativePronoun(doc.tokens[t].norm) ? 20 : 8
        while before, t >= sentence.lowerBound, seen < reach {
            if doc.tokens[t].isWord { if has(t) { return true }; seen += 1 }
            t -= 1
        }
        // The actor's name and title after the trigger do not count ("بحث الأمير X ولي العهد ... وزير الدفاع، مع Y").
        let named = doc.mentions.filter { $0.tokens.lowerBound >= trigger.upperBound && $0.tokens.lowerBound < sentence.upperBound }
        let titled = doc.roles.filter { r in r.start >= doc.tokens[trigger.upperBound - 1].end
            && r.start < doc.tokens[sentence.upperBound - 1].end }
        func inName(_ t: Int) -> Bool {
            named.contains { $0.tokens.contains(t) } || titled.contains { $0.start <= doc.tokens[t].start && doc.tokens[t].end <= $0.end }
        }
        seen = 0
        t = trigger.upperBound
        while t < sentence.upperBound, seen < 16 {
            if doc.tokens[t].isWord { if has(t) { return true }; if !inName(t) { seen += 1 } }
            t += 1
        }
        return false
    }

    /// "في حالة حرب"، "في حالة تأهب": "في حالة" before a noun of a state (class `state` of classes.tsv) says what
    /// state something is in, not a condition.
    func namesAState(_ m: PhraseLexicon.Match, _ doc: Document, _ sentence: Range<Int>) -> Bool {
        guard m.key.hasPrefix("في حال"), m.tokens.upperBound < sentence.upperBound, let words = classes["state"] else { return false }
        return Proclitics.hasStem(doc.tokens[m.tokens.upperBound], in: words)
    }

    /// Modality words in the three tokens before the trigger; "س" on the verb marks the future.
    func mood(_ doc: Document, _ trigger: Trigger, sentence: Range<Int>) -> String? {
        // "سيستخدم الفيتو إذا عارض الكونغرس": a condition right after the trigger, even on a future verb.
        var t = trigger.match.tokens.upperBound
        while t < min(sentence.upperBound, trigger.match.tokens.upperBound + 6), doc.tokens[t].isWord {
            if let m = conditionals.match(doc.tokens, at: t, limit: sentence.upperBound), !namesAState(m, doc, sentence) { return "speculative" }
            t += 1
        }
        let first = doc.tokens[trigger.match.tokens.lowerBound].norm
        // The analyzer read a future ("سيزور"); "سوف" before the verb says the same.
        if trigger.tense == .future { return "planned" }
        if trigger.pos == .verb, trigger.tense == .present, trigger.match.tokens.lowerBound > sentence.lowerBound,
           doc.tokens[trigger.match.tokens.lowerBound - 1].norm == "سوف" { return "planned" }
        if trigger.pos == .verb, trigger.match.prefix > 0, trigger.tense == nil {
            let prefix = String(first.unicodeScalars.prefix(trigger.match.prefix))
            if prefix.hasSuffix("س") { return "planned" }
        }
        // Single words count in the three words before the trigger; phrases ("لم تتمكن") up to eight, within the
        // clause, a subject standing between ("ولم تتمكن القوات التركية من اقتحام").
        let start = trigger.match.tokens.lowerBound
        let lo = max(sentence.lowerBound, start - 8)
        for t in stride(from: start - 1, through: lo, by: -1) {
            let near = start - t <= 3
            if !near, doc.tokens[t].kind == .punct { break }
            if let m = modality.match(doc.tokens, at: t, limit: start), let v = m.values.first, v != "past" {
                if m.values.contains("adjacent"), m.tokens.upperBound != start { continue }
                if !near, !m.key.contains(" "), !(trigger.pos == .noun && m.values.contains("governs")), !m.values.contains("clause") { continue }
                if m.values.contains("clause"), namesAState(m, doc, sentence) { continue }
                // A condition's clause ends at punctuation: "إذا انتهكت الاتفاق، قال X" states.
                if m.values.contains("clause"), (t..<start).contains(where: { doc.tokens[$0].kind == .punct }) { continue }
                // "عندما يزور ... يقول": a temporal clause on an imperfect verb is what happens whenever, or may; on a
                // past verb ("عندما التقى") it tells an act.
                if m.values.contains("imperfect") {
                    let imperfect = trigger.tense.map { $0 != .past } ?? isImperfect(first, prefix: trigger.match.prefix)
                    guard trigger.pos == .verb, imperfect else { continue }
                }
                // "قد" before a past verb ("قد استقبل") marks a completed act, not a possibility; so does "كانت X قد".
                if v == "speculative", m.key == "قد" {
                    let imperfect = trigger.tense.map { $0 != .past } ?? isImperfect(first, prefix: trigger.match.prefix)
                    if trigger.pos == .verb, !imperfect { return nil }
                    let pluperfect = (max(sentence.lowerBound, t - 4)..<t).contains {
                        modality.match(doc.tokens, at: $0, limit: t)?.values.first == "past"
                    }
                    if pluperfect { return nil }
                }
                return v
            }
        }
        return nil
    }

    /// An imperfect (present or future) verb form: ي/ت/ن/أ before the stem ("يجتمع"، "تلتقي").
    func isImperfect(_ word: String, prefix: Int) -> Bool {
        guard let first = word.unicodeScalars.dropFirst(prefix).first else { return false }
        return first == "ي" || first == "ت" || first == "ن"
    }

    func modalityOf(_ mood: String?, event: EventMention, earlier: [EventMention], doc: Document,
                    sentence: Range<Int>, trigger: Range<Int>) -> Modality {
        switch mood {
        case "speculative": return .speculative
        case "planned": return .planned
        default: break
        }
        // An event inside an accusation or a denial is what is alleged or denied, not a fact.
        // (Not one of the same type: "وصف الاتهامات بأنها أكاذيب" is one denial told twice, not a denied denial.)
        if let outer = earlier.last(where: { ($0.type == .accuse || $0.type == .deny) && $0.type != event.type }),
           outer.triggerEnd <= doc.tokens[trigger.lowerBound].start,
           !doc.tokens[trigger].isEmpty, !(sentence.lowerBound..<trigger.lowerBound).contains(where: {
               doc.tokens[$0].start >= outer.triggerEnd && doc.tokens[$0].kind == .punct && doc.tokens[$0].norm != "/" }) {
            return outer.type == .accuse ? .alleged : .denied
        }
        // Reported: a speech verb or an attribution phrase in the sentence.
        for t in sentence where doc.tokens[t].isWord && !trigger.contains(t) {
            if speech.contains(token: doc.tokens[t]) || attribution.match(doc.tokens, at: t, limit: sentence.upperBound) != nil {
                return .reported
            }
        }
        return .asserted
    }

    /// "حسبما ذكرت وكالة ..."، "وفق رويترز"، "قالت وسائل إعلام رسمية"، "نقلت وكالة ... عن": the source the sentence cites.
    func attributionOf(_ doc: Document, _ sentence: Range<Int>) -> String? {
        for t in sentence {
            let isCue = attribution.match(doc.tokens, at: t, limit: sentence.upperBound)
            // "نقلت وكالة فارس عن ...": the outlet that relays is the source too (with its "عن": "نقل تمنياته" is no report).
            let kind = speech.values(token: doc.tokens[t])?.first ?? ""
            let isReport = kind == "report" || kind == "say"
                || (kind == "relay" && ((t + 1)..<min(t + 9, sentence.upperBound)).contains { doc.tokens[$0].norm == "عن" })
            guard isCue != nil || isReport else { continue }
            let after = isCue?.tokens.upperBound ?? (t + 1)
            if let m = doc.mentions.first(where: { $0.tokens.lowerBound >= after && $0.tokens.lowerBound <= after + 3
                && ($0.type == .org || $0.type == .person) }) {
                return m.text
            }
        }
        return nil
    }

    /// The event's date: a date in its clause, else elsewhere in the sentence (a date in a reporting clause only
    /// dates the report), else the publication date for what the article reports as news.
    func dateEvent(_ event: inout EventMention, doc: Document, trigger: Range<Int>, clause: Range<Int>,
                   clauses: [Range<Int>], sentence: Range<Int>, told: [EventMention] = [],
                   reportDay: (date: PartialDate, text: String?, cue: String)? = nil, pastVerb: Bool = false) {
        let span = doc.tokens[sentence.lowerBound].start..<doc.tokens[sentence.upperBound - 1].end
        let clauseSpan = doc.tokens[clause.lowerBound].start..<doc.tokens[clause.upperBound - 1].end
        let triggerAt = doc.tokens[trigger.lowerBound].start
        let dated = told.last { $0.dateBasis == .text || $0.dateBasis == .relative }
        // "في وقت لاحق من اليوم نفسه": the time of the event told before.
        if let anchor = dated, doc.dates.contains(where: { clauseSpan.contains($0.start) && refersBack($0, in: doc) }) {
            event.date = anchor.date; event.dateBasis = .relative; event.dateText = anchor.dateText
            event.provenance.add("date of the event told before («\(anchor.trigger)»)")
            return
        }
        var candidates = doc.dates.filter { span.contains($0.start) && $0.date != nil && usableForEvents($0, doc: doc) && !refersBack($0, in: doc) }
        // A verb in the past tense told an act done by the time of the report: a date after the publication date
        // ("المقرر في 6 أغسطس المقبل"، "قبل يوم 18 سبتمبر المقبل") belongs to something else in the sentence.
        if pastVerb, let published = doc.published {
            let report = (published.year, published.month ?? 12, published.day ?? 31)
            candidates = candidates.filter { d in
                guard let date = d.date else { return false }
                return (date.year, date.month ?? 1, date.day ?? 1) <= report
            }
        }
        // "ندد X بالهجوم الذي أوقع أمس 30 قتيلا": a date inside a relative clause on a later noun dates what that
        // clause tells, not the event (a relative right after a verbal noun trigger still describes it).
        let relatives = (min(trigger.upperBound + 2, sentence.upperBound)..<sentence.upperBound).filter {
            doc.tokens[$0].isWord && ArgumentFinder.relativePronouns.contains(doc.tokens[$0].norm)
        }
        for r in relatives {
            let end = (r..<sentence.upperBound).first { doc.tokens[$0].kind == .punct }.map { doc.tokens[$0].start } ?? span.upperBound
            let relative = doc.tokens[r].start..<end
            candidates = candidates.filter { !relative.contains($0.start) }
        }
        // "سيطرت القوات أمس على المنطقة بعد معارك ضارية مع X"، "قرار اليوم بعد الانتصارات التي حققتها المقاومة في
        // طرد X": the fighting came before the act the date tells, and took days; only a date after "بعد/قبل" (up
        // to eight words before the trigger, no punctuation between) dates it.
        // ("الليلة قبل الماضية": a "قبل" inside a date is no such word.)
        let inDate = { (k: Int) in doc.dates.contains { $0.start <= doc.tokens[k].start && doc.tokens[k].start < $0.end } }
        if event.type == .attack,
           let k = (max(sentence.lowerBound, trigger.lowerBound - 8)..<trigger.lowerBound).reversed()
               .prefix(while: { doc.tokens[$0].isWord }).first(where: { ArgumentFinder.around.contains(doc.tokens[$0].norm) && !inDate($0) }) {
            let opening = doc.tokens[k].start
            candidates = candidates.filter { $0.start > opening }
        }
        // A statement is dated by the words around its verb, never by a date inside what it says.
        if event.type == .statement {
            // What is said opens at a complementizer or quote mark, or where the quote stage read it to open ("أعلنت X
            // عن توقيف ... أمس": the date is the arrests').
            let content = doc.speechVerbs[trigger.lowerBound]?.content ?? sentence.upperBound
            let finder = min(ArgumentFinder.complementStart(doc, after: trigger, in: sentence), content)
            let limit = finder < sentence.upperBound ? doc.tokens[finder].start : span.upperBound
            // Nor by a date that ends another clause before it ("... قتل في الثامن من يوليو، وقال المتحدث ..."):
            // before the verb, a date counts from the last comma on, or opening the sentence ("وفي يوم الجمعة، نشرت
            // ...، وشدد كيم").
            let separators: Set<String> = [",", ";", "؛"]
            let comma = (sentence.lowerBound..<trigger.lowerBound).last { separators.contains(doc.tokens[$0].norm) }
            // Unless what opens the sentence up to that comma tells the statement itself ("وفي تقرير صدر فجر أمس،
            // أفادت X"، "في بيان أصدرته أمس، قالت X": a noun of `events/statement_nouns.tsv`).
            let aboutStatement = comma.map { c in
                !(sentence.lowerBound..<c).contains { separators.contains(doc.tokens[$0].norm) }
                    && (sentence.lowerBound..<c).contains { ArgumentFinder.statementNouns.contains(token: doc.tokens[$0]) }
            } ?? false
            let floor = aboutStatement ? 0 : comma.map { doc.tokens[$0].end } ?? 0
            let opening = doc.tokens[min(sentence.lowerBound + 3, sentence.upperBound - 1)].end
            candidates = candidates.filter { $0.start < limit && ($0.start >= floor || $0.start < opening) }
            if let d = candidates.min(by: { abs($0.start - triggerAt) < abs($1.start - triggerAt) }) {
                set(&event, d, reporting: false, published: doc.published)
                return
            }
        }
        func distance(_ d: DateMention) -> Int { abs(d.start - triggerAt) }
        // The report's own date: within a clause of saying, or between a speech verb and its "إن"
        // ("قالت وسائل إعلام رسمية، الثلاثاء 19 نوفمبر، إن ...").
        let isSpeech = { (t: Int) in isSaying(doc.tokens[t]) }
        var reportingSpans = clauses.filter { c in c.contains { isSpeech($0) } }
            .map { doc.tokens[$0.lowerBound].start..<doc.tokens[$0.upperBound - 1].end }
        for v in sentence where doc.tokens[v].isWord && isSpeech(v) {
            if let that = ((v + 1)..<min(v + 12, sentence.upperBound)).first(where: { ArgumentFinder.complementizers.contains(doc.tokens[$0].norm) }) {
                reportingSpans.append(doc.tokens[v].start..<doc.tokens[that].end)
            }
        }
        // A date inside the report's span dates the report, not the event.
        let clauseDates = candidates.filter { d in clauseSpan.contains(d.start) }
        let inReport = { (d: DateMention) in reportingSpans.contains { $0.contains(d.start) } }
        if let d = clauseDates.filter({ !inReport($0) }).min(by: { distance($0) < distance($1) }) {
            set(&event, d, reporting: false, published: doc.published)
            return
        }
        let others = candidates.sorted { distance($0) < distance($1) }
        if let d = others.first(where: { !inReport($0) }) {
            set(&event, d, reporting: false, published: doc.published)
        } else if let d = others.first {
            set(&event, d, reporting: true)
        } else if event.modality == .asserted || event.modality == .reported, let published = doc.published {
            // "وقال النائب X لـ«عكاظ»": said to a newspaper or channel, for the report itself: the report's day (not the
            // day of the speaker's act told before, nor of the lead's news).
            if event.type == .statement, let outlet = toldToOutlet(doc, trigger: trigger, sentence: sentence) {
                event.provenance.add("said to «\(outlet)» for this report: the publication date")
                event.date = published
                event.dateBasis = .published
                return
            }
            // The story goes on: with no date of its own, an act of the actor of the event told just before
            // ("وصل ... أمس. وأجرى فور وصوله محادثات") happened when that one did.
            let actors = Set(event.participants.filter { $0.role == .actor }.map(\.ref))
            let anchor = told.last { e in
                (e.dateBasis == .text || e.dateBasis == .relative) && event.sentence - e.sentence <= 2
                    && e.participants.contains(where: { $0.role == .actor && actors.contains($0.ref) })
            }
            if let anchor {
                event.date = anchor.date; event.dateBasis = .relative; event.dateText = anchor.dateText
                event.provenance.add("date of the same actor's event told just before («\(anchor.trigger)»)")
                return
            }
            // The news day: when the article's first event is dated by its own words to a day just before the
            // publication ("تبنى مجلس الأمن أمس قرارا"), the reactions told after it with no date of their own
            // ("وقال X ...") were made that day, not on the day the paper came out.
            // A lasting act (troops stationed, supplies flowing) told with no date is background, not the day's news.
            if !Self.durative.contains(event.type), let lead = Self.newsDay(told, published: published) ?? reportDay {
                event.date = lead.date; event.dateBasis = .relative; event.dateText = lead.text
                event.provenance.add("no date in the sentence: the day of the article's lead («\(lead.cue)»)")
                return
            }
            event.provenance.add("no date in the sentence: the publication date")
            event.date = published
            event.dateBasis = .published
        } else if event.modality == .planned, let published = doc.published {
            // "سيلتقي نظراءه"، "تعتزم روسيا وتونس التوقيع": a plan with no date is one for after the report; its year
            // is the best the text gives (a report of the same plan with a date still joins it: `EventMerger`).
            event.provenance.add("a plan with no date: the year of the report")
            event.date = PartialDate(year: published.year)
            event.dateBasis = .published
        }
    }

    /// A newspaper or channel (knowledge-base kind outlet, not a news agency) the speaker talks to, "لـ" or ل glued
    /// on its name, between the verb of saying and what is said ("وحذر النائب X لـ«عكاظ»، من أن"): its text.
    func toldToOutlet(_ doc: Document, trigger: Range<Int>, sentence: Range<Int>) -> String? {
        let limit = ArgumentFinder.complementStart(doc, after: trigger, in: sentence)
        for m in doc.mentions where m.tokens.lowerBound >= trigger.upperBound && m.tokens.lowerBound < limit {
            guard let id = m.ref.kbId, kb.entity(id)?.kind == .outlet else { continue }
            let first = doc.tokens[m.tokens.lowerBound]
            let glued = m.start > first.start && doc.string(first.start, m.start).unicodeScalars.last == "ل"
            var k = m.tokens.lowerBound - 1
            while k > trigger.upperBound, doc.tokens[k].kind == .punct { k -= 1 }
            let before = ["ل", "لـ"].contains(doc.string(doc.tokens[k].start, doc.tokens[k].end))
            if glued || before { return m.text }
        }
        return nil
    }

    /// Aid or arms delivered to a town are delivered to its state ("سفينة إماراتية محملة بالمساعدات إلى ميناء عدن":
    /// the UAE supplied Yemen): the state of a receiving town or region joins it as a target.
    func addReceivingState(_ event: inout EventMention) {
        for p in event.participants where p.role == .target {
            guard let id = p.ref.kbId, let e = kb.entity(id), [.city, .region, .facility].contains(e.kind),
                  let country = e.country, let state = kb.entity(country),
                  !event.participants.contains(where: { $0.ref == .kb(state.id) }) else { continue }
            event.participants.append(.init(ref: .kb(state.id), role: .target, text: state.labelAr))
            event.provenance.add("target «\(state.labelAr)», the state of «\(p.text)»")
        }
    }

    /// Event types that last (`events/cameo.tsv`, "durative").
    static let durative: Set<EventType> = Set(((try? ResourceStore.rows("events/cameo.tsv")) ?? []).compactMap { row in
        row.count >= 4 && row[3] == "durative" ? EventType(rawValue: row[0]) : nil
    })

    /// The article's lead event when its own words date it to one of the three days before publication
    /// ("أمس"، "الأحد"): the day the news happened.
    static func newsDay(_ told: [EventMention], published: PartialDate) -> (date: PartialDate, text: String?, cue: String)? {
        guard published.precision == .day, let lead = told.first, lead.sentence <= 1,
              lead.modality == .asserted || lead.modality == .reported,
              lead.dateBasis == .text || lead.dateBasis == .relative,
              let date = lead.date, date.precision == .day else { return nil }
        let before = published.dayNumber - date.dayNumber
        return (1...3).contains(before) ? (date, lead.dateText, lead.trigger) : nil
    }

    /// A verb of saying or of an outlet's report (`quotes/speech_verbs.tsv`, kinds say and report).
    func isSaying(_ token: Token) -> Bool {
        ["report", "say"].contains(speech.values(token: token)?.first ?? "")
    }

    /// The day of the lead's report, when no event was found in it ("قال مسؤولون أمس إن ..."، "وأفادت السلطات في
    /// بيان رسمي أمس، أن"): a date of the article's first two sentences right after a verb of saying or a statement
    /// noun after "في" ("وعدّ المجلس في بيان له أمس": the lead's condemnation is that statement; up to four
    /// words between, no "إن" yet), one to three days before publication and named relative to it (أمس، a weekday).
    /// What the article tells after it with no date of its own was said that day. A date of the act reported
    /// ("الاعتداء الذي استهدف أمس") is not the day of the reactions.
    func leadDay(_ doc: Document, published: PartialDate?) -> (date: PartialDate, text: String?, cue: String)? {
        guard let published, published.precision == .day else { return nil }
        for sentence in doc.sentences.prefix(2) {
            // A verb of saying, or a statement noun after "في" ("وعدّ المجلس في بيان له أمس").
            for v in sentence where doc.tokens[v].isWord && (isSaying(doc.tokens[v]) || isStatementNoun(v, in: sentence, doc)) {
                var k = v + 1
                while k < min(v + 6, sentence.upperBound), !ArgumentFinder.complementizers.contains(doc.tokens[k].norm) {
                    let at = doc.tokens[k].start
                    if let d = doc.dates.first(where: { $0.start == at }) {
                        guard d.basis == .relative, let date = d.date, date.precision == .day,
                              usableForEvents(d, doc: doc),
                              (1...3).contains(published.dayNumber - date.dayNumber) else { return nil }
                        return (date, d.text, doc.string(doc.tokens[v].start, doc.tokens[v].end))
                    }
                    k += 1
                }
            }
        }
        return nil
    }

    /// A statement noun right after "في" ("في بيان"، "في تصريح"): what follows dates the statement.
    func isStatementNoun(_ k: Int, in sentence: Range<Int>, _ doc: Document) -> Bool {
        k > sentence.lowerBound && doc.tokens[k - 1].norm == "في" && ArgumentFinder.statementNouns.contains(token: doc.tokens[k])
    }

    /// A date that points back to the event told before ("اليوم نفسه"، "في اليوم ذاته"): the word is in the date
    /// or right after it.
    func refersBack(_ d: DateMention, in doc: Document) -> Bool {
        if d.text.split(separator: " ").contains(where: { sameTime.contains(word: ArabicNormalizer.shared.key(String($0))) }) { return true }
        let k = doc.firstToken(startingAtOrAfter: d.end)
        guard k < doc.tokens.count else { return false }
        let next = doc.tokens[k]
        guard next.start - d.end <= 1 else { return false }
        return next.isWord && sameTime.contains(token: next)
    }

    /// "ويأتي اجتماعهما بعد يومين من إطلاق ..."، "بعد تسعة أشهر على استقبال ...": the launch is two days before the meeting (or, with no event
    /// before it in the sentence, before the report). Dated with basis "relative".
    func dateRelativeToEvent(_ event: inout EventMention, doc: Document, trigger: Range<Int>, anchor: EventMention?) {
        guard trigger.lowerBound >= 2, ["من", "علي"].contains(doc.tokens[trigger.lowerBound - 1].norm),
              let reference = doc.published, reference.precision == .day else { return }
        let beforeFrom = doc.tokens[trigger.lowerBound - 2].end
        guard let d = doc.dates.first(where: { $0.end == beforeFrom || $0.end + 1 == beforeFrom }),
              ArabicNormalizer.shared.key(d.text).hasPrefix("بعد"), let shifted = d.date,
              let base = anchor?.date ?? doc.published else { return }
        // The extractor resolved "بعد يومين" forward from the report date; the same span, taken backwards.
        let result: PartialDate
        switch shifted.precision {
        case .day: result = base.precision == .day ? base.adding(days: reference.dayNumber - shifted.dayNumber)
                                                     : base
        case .month: result = base.adding(months: (reference.year - shifted.year) * 12 + (reference.month ?? 1) - (shifted.month ?? 1))
        case .year: result = base.adding(years: reference.year - shifted.year)
        }
        event.date = result.truncated(to: min(result.precision, shifted.precision))
        event.dateBasis = .relative
        event.provenance.add("date counted back from «\(d.text)»")
        event.dateText = d.text
    }

    func set(_ event: inout EventMention, _ d: DateMention, reporting: Bool, published: PartialDate? = nil, line: UInt = #line) {
        event.provenance.add("date from «\(d.text)»\(reporting ? ", the report's own date" : "")", line: line)
        event.date = d.date
        event.dateText = d.text
        event.dateBasis = reporting ? .published : (d.basis == .absolute ? .text : .relative)
        // "استعدادات لإطلاق صاروخ في أكتوبر": a month (or a day of a month) with no year and no tense word, read as the
        // latest one before the report, belongs to a planned act: the next one.
        if !reporting, event.modality == .planned, d.basis == .relative, d.kind == "month" || d.kind == "date", let date = d.date,
           let published, date.precision != .year, date.lastDay < published.dayNumber, !d.text.unicodeScalars.contains(where: { ("0"..."9").contains($0) || ("٠"..."٩").contains($0) }),
           !ArabicNormalizer.shared.key(d.text).split(separator: " ").contains(where: { Self.pastWords.contains(String($0)) }) {
            event.date = date.adding(years: 1)
            event.provenance.add("a planned act: the next «\(d.text)»", line: line)
        }
    }

    static let pastWords: Set<String> = Set(["الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "السابق", "السابقة"].map { ArabicNormalizer.shared.key($0) })

    /// "منذ 24 عاماً"، "منذ 2020" (a duration or a starting point, not the event's own date) and "بعد يومين من ..." (relative to another event) do not date
    /// the event they stand near.
    func usableForEvents(_ d: DateMention, doc: Document) -> Bool {
        let first = ArabicNormalizer.shared.key(String(d.text.prefix(4)))
        if first.hasPrefix("منذ") { return false }
        // "منذ عام 2020": the extractor may leave "منذ" (and "عام") outside the date.
        let before = doc.tokens.prefix { $0.end <= d.start }.suffix(2)
        if before.contains(where: { $0.norm == "منذ" }) { return false }
        // "قوى 14 آذار"، "ثورة 25 يناير": a date right after such a noun is a name or a past upheaval.
        if let last = before.last, last.isWord, Self.dateNameHeads.contains(token: last) { return false }
        // "رمضان أحمد قاديروف": a month's or a holiday's name inside a person's name is no date.
        if doc.mentions.contains(where: { $0.type == .person && $0.start <= d.start && d.end <= $0.end }) { return false }
        if first.hasPrefix("بعد") || first.hasPrefix("قبل") {
            // followed by من/على: relative to another event, not to the report.
            let k = doc.firstToken(startingAtOrAfter: d.end)
            if k < doc.tokens.count, doc.tokens[k].norm == "من" || doc.tokens[k].norm == "علي" { return false }
        }
        return true
    }
}
