/// The story's timeline: reported news ordered by date (undated ones last), then the commentary of opinion
/// pieces ordered the same way; each event with a one-line summary.
enum Timeline {
    static func entries(_ analysis: Analysis, entities: EntityTable) -> [Analysis.TimelineEntry] {
        func name(_ id: String) -> String {
            guard let e = entities.entity(id) else { return id }
            return e.label_en ?? e.label
        }
        let ordered = analysis.events.sorted { a, b in
            if (a.commentary ?? false) != (b.commentary ?? false) { return b.commentary ?? false }
            switch (a.date.flatMap(PartialDate.init(iso:)), b.date.flatMap(PartialDate.init(iso:))) {
            case let (x?, y?): return x != y ? x < y : a.id < b.id
            case (.some, nil): return true
            case (nil, .some): return false
            default: return Int(a.id.dropFirst()) ?? 0 < Int(b.id.dropFirst()) ?? 0
            }
        }
        return ordered.map { e in
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
}
