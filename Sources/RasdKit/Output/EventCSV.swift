/// Events as CSV in a GDELT-like layout (one row per event, CAMEO codes; see docs/output-schema.md).
public enum EventCSV {
    public static let header = [
        "GlobalEventID", "Day", "DatePrecision", "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name",
        "EventCode", "EventRootCode", "EventType", "Modality", "ActionGeo_FullName", "ActionGeo_Code",
        "NumArticles", "Sources", "Text", "StoryID",
    ]

    public static func render(_ analysis: Analysis) -> String {
        let entities = Dictionary(analysis.entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows = [header.joined(separator: ",")]
        for event in analysis.events {
            let actors = event.participants.filter { $0.role == ParticipantRole.actor.rawValue }.compactMap { entities[$0.entity] }
            let others = event.participants.filter { $0.role != ParticipantRole.actor.rawValue }.compactMap { entities[$0.entity] }
            func code(_ e: Analysis.Entity?) -> String {
                guard let e else { return "" }
                return (e.country ?? e.kb ?? e.id).uppercased()
            }
            func names(_ list: [Analysis.Entity]) -> String {
                list.map { $0.label_en ?? $0.label }.joined(separator: "; ")
            }
            let place = event.place.flatMap { entities[$0] }
            let day = event.date.map { $0.replacingOccurrences(of: "-", with: "") } ?? ""
            let precision = event.date.map { $0.count == 10 ? "day" : ($0.count == 7 ? "month" : "year") } ?? ""
            let fields = [
                event.id, day, precision, code(actors.first), names(actors), code(others.first), names(others),
                event.cameo, String(event.cameo.prefix(2)), event.type, event.modality,
                place.map { $0.label_en ?? $0.label } ?? "", code(place),
                String(event.sources.count), event.sources.joined(separator: " "),
                event.mentions.first?.text ?? "", event.story ?? "",
            ]
            rows.append(fields.map(escape).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
