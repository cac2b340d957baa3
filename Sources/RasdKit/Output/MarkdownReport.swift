/// A report a person reads: the stories, each with its timeline (dates and sources) and its articles, the main actors with their roles,
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
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        out.append([count(articles.count, "article", "articles"), count(analysis.entities.count, "entity", "entities"),
                    count(analysis.events.count, "event", "events"), count(analysis.quotes.count, "quote", "quotes"),
                    count(analysis.discrepancies.count, "discrepancy", "discrepancies")].joined(separator: ", ") + ".")
        out.append("")

        out.append("## Stories")
        out.append("")
        let stories = analysis.stories ?? []
        let multi = stories.filter { $0.documents.count > 1 }.count
        out.append("\(stories.count) stories, \(multi) of them told by more than one article; the largest first.")
        out.append("")
        let timeline = Dictionary(analysis.timeline.map { ($0.event, $0) }, uniquingKeysWith: { a, _ in a })
        let position = Dictionary(analysis.timeline.enumerated().map { ($1.event, $0) }, uniquingKeysWith: { a, _ in a })
        let documents = Dictionary(analysis.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let storyOfEvent = Dictionary(analysis.events.map { ($0.id, $0.story) }, uniquingKeysWith: { a, _ in a })
        let eventsById = Dictionary(analysis.events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for story in stories.sorted(by: { ($0.documents.count, $1.last ?? "", $1.id) > ($1.documents.count, $0.last ?? "", $0.id) }) {
            let span = [story.first, story.last].compactMap { $0 }
            out.append("### \(story.id): \(story.title)")
            out.append("")
            var line = story.title_en.isEmpty || story.title_en == story.title ? "" : "\(story.title_en). "
            line += "\(story.documents.count) article\(story.documents.count == 1 ? "" : "s")"
            if !story.sources.isEmpty { line += " (\(story.sources.joined(separator: ", ")))" }
            if let first = span.first, let last = span.last { line += ", \(first == last ? first : first + " to " + last)" }
            if story.discrepancies > 0 { line += ", \(story.discrepancies) discrepanc\(story.discrepancies == 1 ? "y" : "ies")" }
            out.append(line + ".")
            out.append("")
            // Its own events (those most of whose reports are in it), in timeline order; background apart.
            let events = story.events.filter { storyOfEvent[$0] ?? nil == story.id }
                .compactMap { timeline[$0] }.sorted { (position[$0.event] ?? 0) < (position[$1.event] ?? 0) }
            for entry in events where entry.background != true {
                out.append("- **\(entry.date ?? "undated")** \(entry.type): \(entry.summary) — sources: \(entry.sources.joined(separator: ", "))")
                out += explanation(of: eventsById[entry.event])
            }
            let background = events.filter { $0.background == true }
            if !background.isEmpty {
                out.append("- Background: " + background.map { "\($0.date ?? "undated") \($0.type): \($0.summary)" }.joined(separator: "; "))
            }
            for id in story.documents {
                let d = documents[id]
                out.append("- article \(id)\(d?.source.map { ", \($0)" } ?? ""), \(d?.published ?? "undated")\(d?.title.map { ": \($0)" } ?? "")")
            }
            out.append("")
        }

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

        out += section("Quotes", analysis.quotes, none: "No quotes.") { q in
            let speaker = q.speaker.map { name($0) } ?? (q.speaker_text ?? "unattributed")
            return ["- \(speaker) (\(q.doc)): «\(q.text)»"]
        }
        out += section("Discrepancies between sources", analysis.discrepancies, none: "None found.") { d in
            ["- \(d.about) (\(d.kind)\(d.story.map { ", story \($0)" } ?? "")):"]
                + d.values.map { v in "  - \(formatNumber(v.value)) «\(v.text)» — \(v.doc)\(v.date.map { ", \($0)" } ?? "")" }
        }

        out.append("## Articles")
        out.append("")
        for d in analysis.documents {
            let extra = d.parent.map { " (split off \($0))" } ?? ""
            out.append("- \(d.id)\(extra): \(d.published ?? "undated")\(d.source.map { ", \($0)" } ?? "")\(d.story.map { ", story \($0)" } ?? "")")
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

    /// A section: its heading, a line (or lines) per item, or `none` when there is no item.
    static func section<T>(_ title: String, _ items: [T], none: String, _ lines: (T) -> [String]) -> [String] {
        ["## \(title)", ""] + (items.isEmpty ? [none] : items.flatMap(lines)) + [""]
    }

    /// With `--explain`: why the event is one event, then each report's notes, as nested items.
    static func explanation(of event: Analysis.Event?) -> [String] {
        guard let event, let notes = event.explain else { return [] }
        var out = notes.map { "    - \($0)" }
        for m in event.mentions {
            guard let mentionNotes = m.explain else { continue }
            out.append("    - in \(m.doc) «\(m.trigger)»: " + mentionNotes.joined(separator: "; "))
        }
        return out
    }
}
