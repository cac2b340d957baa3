/// The people named as attending a meeting take part in it (the codebook's MEET: "every party named as taking
/// part"): "حضر الاستقبال الأمير X ولي العهد، والأمير Y"، "فيما حضره من الجانب الأميركي Z"، "استقبل X Y بحضور Z".
/// The words that say so, and how each finds its meeting, are `events/attendance_verbs.tsv`.
extension EventStage {
    static let attendanceWords = PhraseLexicon.resource("events/attendance_verbs.tsv")

    /// Adds the people named after an attendance word to the meeting it points to, as attendees. Only persons
    /// count: the titles between the names ("نائب رئيس مجلس الوزراء وزير الداخلية") name bodies that did not meet.
    func addAttendees(_ events: inout [EventMention], doc: Document) {
        guard events.contains(where: { $0.type == .meet }) else { return }
        // The meeting whose attendees were named last: "حضر الاستقبال X. فيما حضره من الجانب الأميركي Y".
        var attended: (meeting: Int, sentence: Int)?
        for (s, sentence) in doc.sentences.enumerated() {
            for k in sentence where doc.tokens[k].kind == .arabic {
                guard let object = Self.attendanceWords.values(token: doc.tokens[k])?.first else { continue }
                let at = doc.tokens[k].start
                let again = object == "pronoun" && attended.map { $0.sentence >= s - 1 } == true ? attended?.meeting : nil
                guard let meeting = again ?? meeting(events, object: object, at: k, sentence: s, in: sentence, doc: doc)
                else { continue }
                attended = (meeting, s)
                // The names run to the end of the sentence or to the next event told in it.
                let next = events.filter { $0.sentence == s && $0.triggerStart > at }.map(\.triggerStart).min() ?? Int.max
                var added: [String] = []
                for m in doc.mentions where m.type == .person && m.start > at && m.start < next && sentence.contains(m.tokens.lowerBound) {
                    // A name the argument finder read as the other side of the meeting ("بحضور X" in its clause) is an attendee.
                    if let p = events[meeting].participants.firstIndex(where: { $0.ref == m.ref }) {
                        guard events[meeting].participants[p].role == .counterpart else { continue }
                        events[meeting].participants[p].role = .attendee
                    } else {
                        events[meeting].participants.append(.init(ref: m.ref, role: .attendee, text: m.text))
                    }
                    added.append(m.text)
                }
                if !added.isEmpty {
                    events[meeting].provenance.add("attending «\(doc.tokens[k].norm)»: " + added.joined(separator: "، "))
                }
            }
        }
    }

    /// The meeting an attendance word at token `k` points to (an index into `events`), or nil.
    private func meeting(_ events: [EventMention], object: String, at k: Int, sentence s: Int,
                         in sentence: Range<Int>, doc: Document) -> Int? {
        let at = doc.tokens[k].start
        let before = events.indices.filter { events[$0].triggerStart < at && events[$0].sentence <= s }
        switch object {
        case "noun":
            // "حضر الاجتماع": the written object is a definite meeting noun; the meeting, the last one told, up to six
            // sentences before (the talks and statements of a reception come before its attendees).
            guard k + 1 < sentence.upperBound, ArgumentFinder.isDefinite(doc.tokens[k + 1].norm),
                  lemmas.hits(doc.tokens[k + 1].norm).contains(where: { hit in hit.rows.contains { $0.first == EventType.meet.rawValue } })
            else { return nil }
            return before.last { events[$0].type == .meet && events[$0].sentence >= s - 6 }
        case "pronoun":
            // "حضره": the pronoun points back to the event told last, at most three sentences before.
            guard let last = before.max(by: { events[$0].triggerStart < events[$1].triggerStart }),
                  events[last].type == .meet, events[last].sentence >= s - 3 else { return nil }
            return last
        case "sentence":
            // "بحضور": the event told last in the same sentence.
            guard let last = before.filter({ events[$0].sentence == s }).max(by: { events[$0].triggerStart < events[$1].triggerStart }),
                  events[last].type == .meet else { return nil }
            return last
        default:
            return nil
        }
    }
}
