/// Cross-document resolution, in named steps: the documents' annotations gathered, one event per real-world
/// event with every article that reports it, the timeline, one entity per knowledge-base entry or name across
/// articles, stories, discrepancies between sources within a story, and near-duplicate copies.
package struct CollectionResolver: Sendable {
    package let kb: KnowledgeBase?
    let cameo: [String: String]
    let durative: Set<EventType>
    /// Keep each finding's provenance in the analysis (`rasd analyze --explain`).
    package var explain: Bool
    /// Event reports with a learned confidence below this are left out (`Analyzer.Options.minConfidence`).
    package var minConfidence = 0.0
    /// Where the gathered dates and quotes go, encoded, instead of the analysis (`AnalysisSpill`); nil keeps them.
    package var spill: AnalysisSpill?

    package init(kb: KnowledgeBase? = nil, explain: Bool = false) {
        self.kb = kb
        self.explain = explain
        var cameo: [String: String] = [:]
        var durative: Set<EventType> = []
        for row in (try? ResourceStore.rows("events/cameo.tsv")) ?? [] where row.count >= 2 {
            cameo[row[0]] = row[1]
            if row.count >= 4, row[3] == "durative", let type = EventType(rawValue: row[0]) { durative.insert(type) }
        }
        self.cameo = cameo
        self.durative = durative
    }

    /// Resolves a collection from its articles' records (see `ArticleRecord`), in input order. The records are
    /// taken: each one's mentions, roles, dates and quotes are let go once the analysis holds them (a caller that
    /// keeps its own copy keeps them alive, at the cost of memory only).
    package func resolve(_ documents: consuming [ArticleRecord]) -> Analysis {
        var gathering = Gathering(kb: kb, explain: explain, expectedMentions: documents.reduce(0) { $0 + $1.mentions.count })
        for k in documents.indices { gather(&documents[k], into: &gathering) }
        return finish(consume documents, consume gathering)
    }

    /// What the gather step has built as the records come (`gather(_:into:)`): the analysis's documents, mentions,
    /// roles, quantities, dates and quotes, and the near-duplicate index. A large collection is gathered as its
    /// records are made (`Analyzer.analyze(reading:...)`), so that no record holds its annotations for long.
    package struct Gathering {
        var analysis = Analysis()
        var entities: EntityTable
        let nearDuplicates = NearDuplicateDetector()
        var duplicates: NearDuplicateDetector.Index
        /// The ids of the documents in `duplicates` (those not split off another), in order.
        var signed: [String] = []
        /// The story step's word bags, made from the records' story terms (which the records then let go).
        var wordBags = StoryDetector.FlatBags()
        var termIndex: [UInt64: Int32] = [:]

        /// The mentions are kept packed through the steps, and listed in the analysis at the end (or, with a
        /// spill, as the JSON is written). `signatures`: where the near-duplicate index keeps its signatures
        /// (memory when nil).
        package init(kb: KnowledgeBase?, explain: Bool, expectedMentions: Int = 0, signatures: SignatureRows? = nil) {
            duplicates = NearDuplicateDetector.Index(rows: signatures)
            entities = EntityTable(kb: kb)
            entities.packMentions(explain: explain, expected: expectedMentions)
        }
    }

    /// Step "gather" for the next record in input order; the record lets go of what the analysis now holds, of the
    /// event reports the merge will leave out, and of its MinHash signature (a kilobyte an article), which the
    /// near-duplicate index keeps.
    package func gather(_ doc: inout ArticleRecord, into gathering: inout Gathering) {
        doc.firstQuantityRow = spillQuantities(of: doc)
        gather(doc, &gathering.analysis, &gathering.entities, quantitiesSpilled: doc.firstQuantityRow != nil)
        doc.releaseCopiedAnnotations()
        // Reports under the confidence floor never reach the merge (`resolveEvents`): they go now, not at the end.
        // (A new list, not `removeAll(where:)`, which would keep the whole buffer.)
        if doc.events.contains(where: { ($0.confidence ?? 1) < minConfidence }) {
            doc.events = doc.events.filter { ($0.confidence ?? 1) >= minConfidence }
        }
        // A statement's words, for the merge, before its sentence goes.
        for k in doc.events.indices { doc.events[k] = EventMerger.sketched(doc.events[k]) }
        // The reports' sentences wait in the spill for the writer.
        if let texts = spill?.eventTexts, !doc.events.isEmpty {
            doc.firstEventTextRow = texts.count
            for k in doc.events.indices {
                texts.append(doc.events[k].text)
                doc.events[k].text = ""
            }
        }
        if doc.parent == nil {
            gathering.nearDuplicates.add(doc.signature, to: &gathering.duplicates)
            gathering.signed.append(doc.id)
        }
        doc.signature = []
        let detector = StoryDetector.shared
        gathering.wordBags.append(StoryDetector.wordBag(doc.storyTerms, stopwords: detector.stopwords, termIndex: &gathering.termIndex))
        doc.storyTerms = StoryDetector.Terms([])
    }

    /// The steps after the gather, over the gathered records (`documents`, in the order gathered).
    package func finish(_ documents: consuming [ArticleRecord], _ gathering: consuming Gathering) -> Analysis {
        // Moved out, not shared: a shared analysis would be copied whole at its first change.
        var analysis = gathering.analysis
        gathering.analysis = Analysis()
        var entities = gathering.entities
        gathering.entities = EntityTable(kb: nil)
        var duplicateOf: [String: String] = [:]
        for group in gathering.duplicates.groups() {
            for i in group.dropFirst() { duplicateOf[gathering.signed[i]] = gathering.signed[group[0]] }
        }
        gathering.duplicates = NearDuplicateDetector.Index()
        // The named steps, in order: each reads what the steps before it wrote.
        let mentions = entities.takePackedMentions() ?? PackedMentions(explain: explain)
        resolveEvents(&documents, &analysis, &entities)                   // events: one per real-world event
        analysis.timeline = Timeline.entries(analysis, entities: entities)  // timeline
        analysis.entities = entities.entries                               // entities: one per entry or name
        // Stories: articles of one situation.
        let wordBags = gathering.wordBags
        gathering.wordBags = StoryDetector.FlatBags()
        gathering.termIndex = [:]
        var named: EntityDocuments? = EntityDocuments(mentions, entityCount: analysis.entities.count)
        let groups = StoryDetector.shared.group(documents, analysis, wordBags: consume wordBags, entityDocuments: named)
        var storyOf = [Int](repeating: 0, count: documents.count)
        for (k, group) in groups.enumerated() { for d in group { storyOf[d] = k } }
        findDiscrepancies(documents, &analysis, storyOf: storyOf)         // discrepancies, within a story
        StoryRecords(detector: StoryDetector.shared).fill(&analysis, groups: groups, documents: documents, entityDocuments: named)
        named = nil
        markNearDuplicates(duplicateOf, &analysis)                         // near duplicates
        if let spill {
            spill.entityMentions = mentions
        } else {
            let ids = analysis.documents.map(\.id)
            for e in analysis.entities.indices {
                analysis.entities[e].mentions = mentions.mentions(of: e, aliases: analysis.entities[e].aliases, docID: { ids[$0] })
            }
        }
        return analysis
    }

    /// Step "gather": an article's entry, mentions (into the entity table), roles, quantities, dates and quotes.
    func gather(_ doc: ArticleRecord, _ analysis: inout Analysis, _ entities: inout EntityTable, quantitiesSpilled: Bool = false) {
        analysis.documents.reserveGently(1)
        if !quantitiesSpilled { analysis.quantities.reserveGently(doc.quantities.count) }
        analysis.documents.append(Analysis.DocumentEntry(
            id: doc.id, published: doc.published?.iso, published_basis: doc.publishedBasis, source: doc.source,
            title: doc.title, url: doc.url, parent: doc.parent, near_duplicate_of: nil, genre: doc.genre.rawValue,
            body: doc.body, removed: doc.removed))
        for m in doc.mentions where m.origin != .demonym {
            let id = entities.id(for: m.ref, type: m.type, text: m.text)
            entities.addMention(id, at: analysis.documents.count - 1, Analysis.Mention(doc: doc.id, text: m.text, start: m.start, end: m.end, origin: m.origin.rawValue,
                                                     explain: explain ? m.provenance.notes : nil))
        }
        for r in doc.roles {
            let id = entities.id(for: r.person, type: .person, text: r.title)
            entities.addRole(id, Analysis.Role(title: r.title, office: r.office, doc: doc.id, from: r.from?.iso, basis: r.basis))
        }
        for q in doc.quantities where !quantitiesSpilled { analysis.quantities.append(Self.entry(q, of: doc)) }
        for d in doc.dates {
            let entry = Analysis.DateEntry(doc: doc.id, text: d.text, start: d.start, end: d.end, date: d.date?.iso,
                                           basis: d.basis.rawValue, kind: d.kind, span_from: d.spanFrom?.iso, span_to: d.spanTo?.iso)
            if !spilled(entry, to: spill?.dates) { analysis.dates.append(entry) }
        }
        for q in doc.quotes {
            let speaker = q.speaker.map { entities.id(for: $0, type: .person, text: q.speakerText ?? "") }
            let entry = Analysis.Quote(doc: doc.id, speaker: speaker, speaker_text: q.speakerText, text: q.text,
                                       start: q.start, end: q.end, direct: q.direct, verb: q.verb)
            if !spilled(entry, to: spill?.quotes) { analysis.quotes.append(entry) }
        }
    }

    /// A quantity as the analysis lists it (no event yet).
    static func entry(_ q: Quantity, of doc: ArticleRecord, event: String? = nil) -> Analysis.QuantityEntry {
        Analysis.QuantityEntry(doc: doc.id, text: q.text, start: q.start, end: q.end, value: q.value, min: q.min, max: q.max,
                               qualifier: q.qualifier?.rawValue, unit: q.unit, duration: q.isDuration, event: event)
    }

    /// With a spill, the article's quantities go to it, encoded as the output writes them (no event yet): the row of
    /// the first. Nil (the analysis keeps them) without a spill, without quantities, or when one cannot be encoded.
    func spillQuantities(of doc: ArticleRecord) -> Int? {
        guard let spill, !doc.quantities.isEmpty else { return nil }
        var encoded: [[UInt8]] = []
        for q in doc.quantities {
            guard let bytes = try? JSONOutput.itemBytes(Self.entry(q, of: doc), encoder: spill.encoder) else { return nil }
            encoded.append(bytes)
        }
        let first = spill.quantities.count
        for bytes in encoded { spill.quantities.append(bytes) }
        return first
    }

    /// Appends the entry, encoded as the output writes it, to `file`; false (the analysis keeps it) without a file
    /// or when it cannot be encoded (the writer puts the analysis's own entries after the spilled ones).
    func spilled<T: Encodable>(_ entry: T, to file: SpillFile?) -> Bool {
        guard let file, let spill, let bytes = try? JSONOutput.itemBytes(entry, encoder: spill.encoder) else { return false }
        file.append(bytes)
        return true
    }

    /// State coding: a capital or seat of power acting in an event stands for its state.
    func participantId(_ ref: EntityRef, _ entities: inout EntityTable) -> String {
        if let id = ref.kbId, let kb, let e = kb.entity(id), e.kind == .capital || e.kind == .seat,
           let country = e.country, let state = kb.entity(country) {
            return entities.id(for: .kb(state.id), type: EntityType(kbType: state.type) ?? .gpe, text: state.labelAr)
        }
        return entities.id(for: ref, type: .person, text: "")
    }

    /// A named person or a knowledge-base entry of a person (statements merge by their people: `EventMerger`).
    func isPerson(_ ref: EntityRef) -> Bool {
        switch ref {
        case .name(let type, _): return type == .person
        case .kb(let id): return kb?.entity(id).flatMap { EntityType(kbType: $0.type) } == .person
        }
    }

    /// The state a place lies in, when the knowledge base knows the place and it is no state.
    func state(of place: EntityRef) -> EntityRef? {
        guard let id = place.kbId, let kb, let e = kb.entity(id), let country = e.country, country != e.id else { return nil }
        return .kb(country)
    }

    /// The records let go of their event reports: the merge holds its own copies, and no later step reads them.
    func resolveEvents(_ documents: inout [ArticleRecord], _ analysis: inout Analysis, _ entities: inout EntityTable) {
        // The reports are added to the merge as listed (as `EventMerger.merge` does), in one list sized up front.
        let merger = EventMerger(durative: durative)
        var state = EventMerger.State()
        state.items.reserveCapacity(documents.reduce(0) { n, doc in n + doc.events.count(where: { ($0.confidence ?? 1) >= minConfidence }) })
        for d in documents.indices {
            for item in eventItems(documents[d], at: d, &entities) { _ = merger.add(item, to: &state) }
            documents[d].events = []
        }
        let items = state.items
        let clusters = state.clusters.map(\.items)
        state = EventMerger.State()
        var quantityIndex: [String: Int] = [:]
        for (k, q) in analysis.quantities.enumerated() { quantityIndex["\(q.doc)#\(q.start)"] = k }
        for cluster in clusters {
            let members = cluster.map { items[$0] }
            guard let event = event(members, id: "V\(analysis.events.count + 1)", documents, &entities) else { continue }
            analysis.events.append(event)
            linkQuantities(members, to: event.id, documents, quantityIndex, &analysis)
        }
    }

    /// The event reports of one article, as the merge sees them (`d`: the article's index in the collection).
    func eventItems(_ doc: ArticleRecord, at d: Int, _ entities: inout EntityTable) -> [EventMerger.Item] {
        var items: [EventMerger.Item] = []
        for (k, e) in doc.events.enumerated() where (e.confidence ?? 1) >= minConfidence {
            // Attendees do not tell two reports of a meeting apart: one outlet lists them, another does not.
            let parties = e.participants.filter { $0.role != .attendee }
            let ids = parties.map { participantId($0.ref, &entities) }
            // Both sides of a meeting or a signing act alike: "A met B" in one report is "B received A" in another.
            let actors = ArgumentFinder.symmetric.contains(e.type) ? ids
                : zip(parties, ids).filter { $0.0.role == .actor }.map(\.1)
            var item = EventMerger.Item(doc: d, mention: EventMerger.sketched(e), participants: Set(ids), actors: Set(actors),
                                        published: doc.published)
            item.place = e.place
            item.placeState = e.place.flatMap(state(of:))
            item.people = Set(zip(parties, ids).filter { $0.0.role == .actor && isPerson($0.0.ref) }.map(\.1))
            item.textRow = doc.firstEventTextRow.map { $0 + k }
            items.append(item)
        }
        return items
    }

    /// A quantity of a member's report counts for the event (`quantityIndex`: "doc#start" → index in the analysis;
    /// a spilled one is kept apart with its event, `AnalysisSpill.linkedQuantities`).
    func linkQuantities(_ members: [EventMerger.Item], to eventId: String, _ documents: [ArticleRecord],
                        _ quantityIndex: [String: Int], _ analysis: inout Analysis) {
        for item in members {
            for q in item.mention.quantities {
                let quantity = documents[item.doc].quantities[q]
                if let spill, let first = documents[item.doc].firstQuantityRow {
                    spill.linkedQuantities[first + q] = Self.entry(quantity, of: documents[item.doc], event: eventId)
                    continue
                }
                if let k = quantityIndex["\(documents[item.doc].id)#\(quantity.start)"] { analysis.quantities[k].event = eventId }
            }
        }
    }

    /// One merged event from its reports (in input order), or nil when it names one side of a two-sided act.
    func event(_ members: [EventMerger.Item], id eventId: String, _ documents: [ArticleRecord], _ entities: inout EntityTable) -> Analysis.Event? {
        // The most precise date stated in the text wins; then relative; then the report's date.
        let dated = members.filter { $0.mention.date != nil }.sorted { a, b in
            let rank: [DateBasis: Int] = [.text: 0, .relative: 1, .published: 2]
            let ra = a.mention.dateBasis.flatMap { rank[$0] } ?? 3, rb = b.mention.dateBasis.flatMap { rank[$0] } ?? 3
            if ra != rb { return ra < rb }
            return a.mention.date!.precision > b.mention.date!.precision
        }
        let best = dated.first
        var participants: [Analysis.Participant] = []
        for item in members {
            for (p, id) in zip(item.mention.participants, item.mention.participants.map({ participantId($0.ref, &entities) })) {
                if let k = participants.firstIndex(where: { $0.entity == id }) {
                    if let c = p.confidence, c > participants[k].confidence ?? -1 { participants[k].confidence = c }
                } else {
                    participants.append(Analysis.Participant(entity: id, role: p.role.rawValue, confidence: p.confidence))
                }
            }
        }
        if Self.lacksSecondSide(members[0].mention.type, participants, entities,
                                unnamedSide: members.contains(where: { $0.mention.unnamedSide == true })) { return nil }
        let place = members.compactMap(\.mention.place).first.map { entities.id(for: $0, type: .gpe, text: "") }
        let mentions = members.map { item -> Analysis.EventMentionEntry in
            let m = item.mention
            return Analysis.EventMentionEntry(doc: documents[item.doc].id, text: m.text, start: m.start, end: m.end,
                                              trigger: m.trigger, date: m.date?.iso, date_basis: m.dateBasis?.rawValue,
                                              modality: m.modality.rawValue, attribution: m.attribution,
                                              confidence: m.confidence, explain: explain ? m.provenance.notes : nil,
                                              textRow: item.textRow)
        }
        let sources = Array(Set(mentions.map(\.doc))).sorted()
        let modality = members.map(\.mention.modality).contains(.asserted) ? "asserted" : members[0].mention.modality.rawValue
        let reported = members.compactMap(\.published).min()
        let background = Self.isBackground(best?.mention.date, reportedOn: reported) ? true : nil
        let commentary = members.allSatisfy { documents[$0.doc].genre == .opinion } ? true : nil
        var event = Analysis.Event(id: eventId, explain: explain ? mergeNotes(members) : nil, type: members[0].mention.type.rawValue, cameo: cameo[members[0].mention.type.rawValue] ?? "",
                                   date: best?.mention.date?.iso, date_basis: best?.mention.dateBasis?.rawValue, modality: modality,
                                   participants: participants, place: place, sources: sources, mentions: mentions,
                                   background: background, commentary: commentary)
        event.confidence = EventConfidence.combined(members.map(\.mention.confidence))
        return event
    }

    /// A meeting or a signing is between two sides. With one person or state named and nobody else in any of its
    /// reports, nor another side told unnamed (`EventMention.unnamedSide`), the other side was not found and the
    /// event cannot say who met or signed with whom: it is left out.
    /// Attendees ("بحضور X") are no second side. A body alone meets as such ("اجتماع وزراء خارجية الاتحاد الأوروبي"، "اجتماع أوبك") and stays.
    /// A signing is reported with its parties: one that names a single party, a body too and with the others unnamed
    /// ("في حال توصلها لأي اتفاق"، "وقعت الوزارة اتفاقيات مع بعض الدول"), is a plan, a hypothesis or a deal nobody
    /// can follow, and is left out.
    static func lacksSecondSide(_ type: EventType, _ participants: [Analysis.Participant], _ entities: EntityTable,
                                unnamedSide: Bool) -> Bool {
        let parties = participants.filter { $0.role != ParticipantRole.attendee.rawValue }
        guard type.isSymmetric, parties.count == 1 else { return false }
        if type == .sign { return true }
        guard !unnamedSide, let sole = entities.entity(parties[0].entity) else { return false }
        return sole.type != EntityType.org.rawValue
    }

    /// Why the reports of one event were merged (`EventMerger`'s criteria, as they held for these reports).
    func mergeNotes(_ members: [EventMerger.Item]) -> [String] {
        guard members.count > 1 else { return ["one report"] }
        let shared = members.dropFirst().reduce(members[0].actors) { $0.intersection($1.actors) }.sorted()
        let documents = Set(members.map(\.doc)).count
        return ["\(members.count) reports in \(documents) document\(documents == 1 ? "" : "s") merged by EventMerger: same type "
                + "\(members[0].mention.type.rawValue), participants of one contained in the other's, dates agreeing, same modality class"
                + (shared.isEmpty ? "" : "; shared actors: " + shared.joined(separator: ", "))]
    }

    /// Step "discrepancies": figures that sources give differently for one event, and counts of people no
    /// event holds (tolls, the displaced), each compared within one story only.
    func findDiscrepancies(_ documents: [ArticleRecord], _ analysis: inout Analysis, storyOf: [Int]) {
        // The quantities an event involves, in the analysis's order: the spilled ones come first.
        let spilled = spill.map { spill in spill.linkedQuantities.keys.sorted().map { spill.linkedQuantities[$0]! } } ?? []
        analysis.discrepancies = Discrepancies.find(spilled + analysis.quantities, analysis, documents: documents, storyOf: storyOf)
        let flagged = Set(analysis.discrepancies.map { Set($0.values.map(\.value)) })
        analysis.discrepancies += MeasureDiscrepancies.shared.find(analysis, documents: documents, storyOf: storyOf)
            .filter { !flagged.contains(Set($0.values.map(\.value))) }
    }

    /// Step "near duplicates": the same story on several sites (MinHash of the bodies, indexed as gathered); later
    /// copies point to the first.
    func markNearDuplicates(_ duplicateOf: [String: String], _ analysis: inout Analysis) {
        for k in analysis.documents.indices { analysis.documents[k].near_duplicate_of = duplicateOf[analysis.documents[k].id] }
    }

    /// Story detection alone over a resolved collection (`resolve` runs it as one of its steps): the stories, and
    /// each document's and event's story. Discrepancies are left as they are.
    package static func stories(_ documents: [ArticleRecord], _ analysis: inout Analysis) {
        let groups = StoryDetector.shared.group(documents, analysis)
        StoryRecords(detector: StoryDetector.shared).fill(&analysis, groups: groups, documents: documents)
    }

    /// An event the articles recall from history: dated (at its latest day) more than a year before its
    /// earliest report.
    static func isBackground(_ date: PartialDate?, reportedOn published: PartialDate?) -> Bool {
        guard let date, let published else { return false }
        return published.dayNumber - date.lastDay > 365
    }
}
