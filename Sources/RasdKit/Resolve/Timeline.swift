/// The story's timeline: reported news ordered by date (undated ones last), then the commentary of opinion
/// pieces ordered the same way; each event with a one-line summary.
enum Timeline {
    static func entries(_ analysis: Analysis, entities: EntityTable) -> [Analysis.TimelineEntry] {
        // Each event's date read once (reading it in the comparison cost a feed's snapshot most of its time).
        let dates = analysis.events.map { $0.date.flatMap(PartialDate.init(iso:)) }
        return order(analysis.events, dates: dates).map { entry(analysis.events[$0], entities: entities) }
    }

    /// The events' positions in timeline order (`dates`: each event's date, read).
    static func order(_ events: [Analysis.Event], dates: [PartialDate?]) -> [Int] {
        events.indices.sorted { i, j in
            let a = events[i], b = events[j]
            if (a.commentary ?? false) != (b.commentary ?? false) { return b.commentary ?? false }
            switch (dates[i], dates[j]) {
            case let (x?, y?): return x != y ? x < y : a.id < b.id
            case (.some, nil): return true
            case (nil, .some): return false
            default: return Int(a.id.dropFirst()) ?? 0 < Int(b.id.dropFirst()) ?? 0
            }
        }
    }

    /// One event's line: its actors → the other participants @ the place [modality].
    static func entry(_ e: Analysis.Event, entities: EntityTable) -> Analysis.TimelineEntry {
        func name(_ id: String) -> String {
            guard let e = entities.entity(id) else { return id }
            return e.label_en ?? e.label
        }
        let actors = e.participants.filter { $0.role == ParticipantRole.actor.rawValue }.map { name($0.entity) }
        let others = e.participants.filter { $0.role != ParticipantRole.actor.rawValue }.map { name($0.entity) }
        var summary = actors.joined(separator: " & ")
        if !others.isEmpty { summary += " → " + others.joined(separator: " & ") }
        if let place = e.place { summary += " @ " + name(place) }
        if e.modality != "asserted" && e.modality != "reported" { summary += " [\(e.modality)]" }
        return Analysis.TimelineEntry(date: e.date, event: e.id, type: e.type, summary: summary, sources: e.sources,
                                     background: e.background, commentary: e.commentary)
    }
}
