/// A report a person reads: the story's timeline with dates and sources, the main actors with their roles,
/// quotes, and where sources disagree.
public enum MarkdownReport {
    public static func render(_ analysis: Analysis) -> String {
        var out: [String] = []
        let entities = Dictionary(analysis.entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: String?) -> String {
            guard let id, let e = entities[id] else { return "?" }
            if let en = e.label_en, !en.isEmpty { return "\(e.label) (\(en))" }
            return e.label
        }
        let articles = analysis.documents.filter { $0.parent == nil }
        out.append("# Rasd report")
        out.append("")
        out.append("\(articles.count) articles, \(analysis.entities.count) entities, \(analysis.events.count) events, "
                   + "\(analysis.quotes.count) quotes, \(analysis.discrepancies.count) discrepancies.")
        out.append("")

        out.append("## Timeline")
        out.append("")
        if analysis.timeline.isEmpty { out.append("No dated events.") }
        for entry in analysis.timeline {
            let date = entry.date ?? "undated"
            out.append("- **\(date)** \(entry.type): \(entry.summary) — sources: \(entry.sources.joined(separator: ", "))")
        }
        out.append("")

        out.append("## Main actors")
        out.append("")
        let actors = analysis.entities
            .filter { $0.type == "PERSON" || $0.type == "GPE" || $0.type == "ORG" }
            .sorted { ($0.mentions.count, $1.label) > ($1.mentions.count, $0.label) }
            .prefix(15)
        out.append("| entity | type | mentions | roles |")
        out.append("|---|---|---|---|")
        for e in actors {
            let roles = Array(Set(e.roles.map(\.title))).sorted().joined(separator: "; ")
            out.append("| \(name(e.id)) | \(e.type) | \(e.mentions.count) | \(roles) |")
        }
        out.append("")

        out.append("## Quotes")
        out.append("")
        if analysis.quotes.isEmpty { out.append("No quotes.") }
        for q in analysis.quotes {
            let speaker = q.speaker.map { name($0) } ?? (q.speaker_text ?? "unattributed")
            out.append("- \(speaker) (\(q.doc)): «\(q.text)»")
        }
        out.append("")

        out.append("## Discrepancies between sources")
        out.append("")
        if analysis.discrepancies.isEmpty { out.append("None found.") }
        for d in analysis.discrepancies {
            out.append("- \(d.about) (\(d.kind)):")
            for v in d.values {
                out.append("  - \(formatNumber(v.value)) «\(v.text)» — \(v.doc)\(v.date.map { ", \($0)" } ?? "")")
            }
        }
        out.append("")

        out.append("## Articles")
        out.append("")
        for d in analysis.documents {
            let extra = d.parent.map { " (split off \($0))" } ?? ""
            out.append("- \(d.id)\(extra): \(d.published ?? "undated")\(d.source.map { ", \($0)" } ?? "")")
        }
        if !analysis.problems.isEmpty {
            out.append("")
            out.append("## Problems")
            out.append("")
            for p in analysis.problems { out.append("- \(p.location): \(p.reason)") }
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    static func formatNumber(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
