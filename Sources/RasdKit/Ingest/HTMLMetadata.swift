import Foundation

/// Title, byline and publication date of a page, from `<meta>`, JSON-LD, `<time>`, `<h1>` and `<title>`.
package struct HTMLMetadata: Sendable, Equatable {
    package var title: String?
    package var byline: String?
    package var published: PartialDate?
    /// JSON-LD `articleBody`: the text when the page's own markup has none (pages filled by script).
    package var articleBody: String?

    /// `<meta>` names/properties that carry the publication date, best first.
    static let dateMetaNames = ["article:published_time", "og:published_time", "datepublished", "pubdate",
        "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.created",
        "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "original-publish-date"]

    package init(title: String? = nil, byline: String? = nil, published: PartialDate? = nil) {
        self.title = title; self.byline = byline; self.published = published
    }

    package init(_ tree: HTMLTree, dropped: [Bool]) {
        var meta: [String: String] = [:]
        for i in tree.elements("meta") {
            let a = tree.nodes[i].attributes
            guard let key = (a["property"] ?? a["name"] ?? a["itemprop"])?.lowercased(),
                  let content = a["content"] ?? a["datetime"], !content.isEmpty else { continue }
            if meta[key] == nil { meta[key] = content }
        }
        let ld = HTMLMetadata.jsonLD(tree)

        // Title: og:title, twitter:title, JSON-LD headline, the first <h1> outside boilerplate, <title>.
        let h1 = tree.elements("h1").first { !dropped[$0] }.map { tree.text(of: $0) }
        let pageTitle = tree.elements("title").first.map { HTMLMetadata.trimSiteName(tree.text(of: $0)) }
        title = [meta["og:title"], meta["twitter:title"], ld.headline, h1, pageTitle]
            .lazy.compactMap { $0.map(HTMLTree.collapse) }.first { !$0.isEmpty }

        // Byline: <meta name=author>, JSON-LD author, an element marked as author/byline.
        var marked: String?
        for i in tree.descendants() where !tree.nodes[i].isText {
            let a = tree.nodes[i].attributes
            let marks = [a["class"], a["id"], a["rel"], a["itemprop"]].compactMap { $0?.lowercased() }.joined(separator: " ")
            guard marks.contains("author") || marks.contains("byline") else { continue }
            let text = tree.text(of: i)
            if !text.isEmpty && text.count <= 100 { marked = text; break }
        }
        byline = [meta["author"], meta["article:author"], ld.author, marked]
            .lazy.compactMap { $0.map(HTMLTree.collapse) }.first { !$0.isEmpty && !$0.hasPrefix("http") }

        // Date: article:published_time, JSON-LD datePublished, other <meta>, <time datetime>.
        var date = meta["article:published_time"].flatMap(PartialDate.published) ?? ld.published
        for name in HTMLMetadata.dateMetaNames where date == nil {
            date = meta[name].flatMap(PartialDate.published)
        }
        if date == nil {
            let times = tree.elements("time").filter { !dropped[$0] } + tree.elements("time")
            let preferred = times.first { (tree.nodes[$0].attributes["itemprop"] ?? "").lowercased() == "datepublished"
                || tree.nodes[$0].attributes["pubdate"] != nil }
            for t in ([preferred].compactMap { $0 } + times) where date == nil {
                date = tree.nodes[t].attributes["datetime"].flatMap(PartialDate.published)
            }
        }
        published = date
        articleBody = ld.body
    }

    /// "Headline | Site" → "Headline" (the longer part is kept when a separator splits the title in two).
    static func trimSiteName(_ title: String) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: "] {
            let parts = title.components(separatedBy: separator)
            if parts.count >= 2, let longest = parts.max(by: { $0.count < $1.count }), longest.count >= 15 {
                return longest
            }
        }
        return title
    }

    /// Headline, author and datePublished from the page's JSON-LD blocks (objects, arrays and @graph).
    static func jsonLD(_ tree: HTMLTree) -> (headline: String?, author: String?, published: PartialDate?, body: String?) {
        var headline: String?, author: String?, published: PartialDate?, body: String?
        func visit(_ value: Any, depth: Int) {
            guard depth < 12 else { return }
            if let array = value as? [Any] { for v in array { visit(v, depth: depth + 1) }; return }
            guard let object = value as? [String: Any] else { return }
            if headline == nil, let h = object["headline"] as? String { headline = h }
            if body == nil, let b = object["articleBody"] as? String, !b.isEmpty { body = b }
            if published == nil, let d = PartialDate.published(json: object["datePublished"]) { published = d }
            if author == nil {
                if let name = (object["author"] as? [String: Any])?["name"] as? String { author = name }
                else if let list = object["author"] as? [[String: Any]], let name = list.first?["name"] as? String { author = name }
                else if let name = object["author"] as? String { author = name }
            }
            for (key, v) in object where key == "@graph" || key == "mainEntity" || key == "mainEntityOfPage" {
                visit(v, depth: depth + 1)
            }
        }
        for i in tree.elements("script") where (tree.nodes[i].attributes["type"] ?? "").lowercased().contains("ld+json") {
            let raw = tree.nodes[i].children.map { tree.nodes[$0].text }.joined()
            guard let data = raw.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            visit(value, depth: 0)
        }
        return (headline, author, published, body)
    }
}
