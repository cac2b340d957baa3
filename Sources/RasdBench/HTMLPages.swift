import Foundation
import RasdKit

/// News pages generated from articles (there is no HTML corpus): the article's title and paragraphs inside a
/// made-up site's page — header and navigation, breadcrumbs, share buttons, tags, an inline "اقرأ أيضا" link
/// in some bodies, "اقرأ أيضا" and "most read" lists of other articles' titles, readers' comments (sentences of
/// other articles) and a footer — in three layouts: semantic HTML5 tags with telling classes, plain divs
/// with telling ids and classes, and plain divs with opaque class names. A fixed seed makes the same pages.
///
/// Each page knows its truth: the body paragraphs an extractor must keep and the boilerplate texts it should
/// drop, to measure both tools the same way.
package struct HTMLPages {
    package struct Page: Sendable {
        package var id: String
        package var html: String
        package var layout: Int
        package var title: String
        /// The article's paragraphs, white space collapsed: what an extractor must keep.
        package var body: [String]
        /// Every other text of the page but the title and date: what an extractor should drop.
        package var boilerplate: [String]
    }

    let words: [String: [String]]

    package init() throws {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent("page_template.tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw BenchError.child("resource page_template.tsv not found")
        }
        var words: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", maxSplits: 1).map(String.init)
            if f.count == 2 { words[f[0], default: []].append(f[1]) }
        }
        self.words = words
    }

    /// Pages for the articles with text (at most `count`), the same for the same articles and seed.
    package func pages(from articles: [SourceArticle], count: Int, seed: UInt64 = 8) -> [Page] {
        var rng = SplitMix64(seed: seed)
        let usable = articles.filter { !paragraphs($0.text).isEmpty }
        let titles = usable.compactMap(\.title).filter { !$0.isEmpty }
        let sentences = usable.prefix(2000).flatMap { paragraphs($0.text) }.map { p in
            p.split(separator: " ").prefix(Int.random(in: 8...20, using: &rng)).joined(separator: " ")
        }
        return usable.prefix(count).enumerated().map { k, article in
            page(article, number: k, titles: titles, sentences: sentences, rng: &rng)
        }
    }

    /// Writes `pageNNNNN.html` files and `truth.jsonl` (id, layout, body, boilerplate) into `folder`.
    package static func write(_ pages: [Page], to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var truth = Data()
        for page in pages {
            try Data(page.html.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(page.id).html"))
            let record: [String: Any] = ["id": page.id, "layout": page.layout, "title": page.title,
                                         "body": page.body, "boilerplate": page.boilerplate]
            truth.append(try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]))
            truth.append(UInt8(ascii: "\n"))
        }
        try truth.write(to: URL(fileURLWithPath: folder).appendingPathComponent("truth.jsonl"))
    }

    func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { HTMLTree.collapse(String($0)) }.filter { !$0.isEmpty }
    }

    func pick(_ kind: String, _ rng: inout SplitMix64) -> String { words[kind]?.randomElement(using: &rng) ?? kind }
    func all(_ kind: String) -> [String] { words[kind] ?? [] }

    func page(_ article: SourceArticle, number: Int, titles: [String], sentences: [String], rng: inout SplitMix64) -> Page {
        let layout = Int.random(in: 0..<3, using: &rng)
        let body = paragraphs(article.text)
        let title = HTMLTree.collapse(article.title ?? "")
        let site = pick("site", &rng)
        let date = article.published?.iso ?? "2015-07-21"
        let related = (0..<5).map { _ in titles.randomElement(using: &rng) ?? site }
        let mostRead = (0..<5).map { _ in titles.randomElement(using: &rng) ?? site }
        let comments = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
            (pick("commenter", &rng) + " \(Int.random(in: 1...999, using: &rng))", sentences.randomElement(using: &rng) ?? site)
        }
        let inline = Bool.random(using: &rng) ? titles.randomElement(using: &rng) : nil
        let relatedLabel = pick("related", &rng), mostReadLabel = pick("most_read", &rng)
        let commentsLabel = pick("comments", &rng), author = pick("author", &rng), tagsLabel = pick("tags", &rng)
        let tags = title.split(separator: " ").filter { $0.count > 3 }.prefix(3).map(String.init)
        // Class names per layout: semantic, telling, opaque.
        let c: [String: String] = [
            0: ["header": "site-header", "nav": "main-menu", "crumbs": "breadcrumb", "body": "entry-content",
                "share": "share-buttons", "tags": "post-tags", "related": "related-posts", "most": "widget most-read",
                "comments": "comments-area", "footer": "site-footer", "article": "post"],
            1: ["header": "top-bar", "nav": "menu", "crumbs": "path", "body": "article-body", "share": "social",
                "tags": "tags", "related": "read-also", "most": "side-box", "comments": "comments",
                "footer": "footer", "article": "article"],
            2: ["header": "c1", "nav": "c2", "crumbs": "c3", "body": "c5", "share": "c6", "tags": "c7", "related": "c8",
                "most": "c9", "comments": "c10", "footer": "c11", "article": "c4"],
        ][layout]!
        let semantic = layout == 0
        func open(_ tag: String, _ role: String) -> String { "<\(semantic ? tag : "div") class=\"\(c[role]!)\">" }
        func close(_ tag: String) -> String { "</\(semantic ? tag : "div")>" }
        func links(_ items: [String]) -> String { items.map { "<li><a href=\"/n/\(TokenKey.of($0) % 99999)\">\(esc($0))</a></li>" }.joined() }

        var h = "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\n"
        h += "<title>\(esc(title)) | \(esc(site))</title>\n<meta property=\"og:title\" content=\"\(esc(title))\">\n"
        h += "<meta property=\"article:published_time\" content=\"\(date)T09:00:00+03:00\">\n"
        h += "<script>var ads = [];</script><style>.c1{color:#333}</style></head>\n<body>\n"
        h += open("header", "header") + "<div class=\"logo\"><a href=\"/\">\(esc(site))</a></div>\n"
        h += open("nav", "nav") + "<ul>" + links(all("section")) + "</ul>" + close("nav") + "\n" + close("header") + "\n"
        h += "<div class=\"\(c["crumbs"]!)\"><a href=\"/\">\(esc(all("breadcrumb")[0]))</a> › <a href=\"/n\">\(esc(all("breadcrumb").last!))</a></div>\n"
        h += (semantic ? "<main>" : "<div class=\"wrap\">") + open("article", "article") + "\n<h1>\(esc(title))</h1>\n"
        h += "<div class=\"meta\"><span>\(esc(author)) \(esc(site))</span> <time datetime=\"\(date)\">\(date)</time></div>\n"
        h += "<div class=\"\(c["share"]!)\">" + all("share").map { "<a href=\"#\">\(esc($0))</a>" }.joined(separator: " ") + "</div>\n"
        h += "<div class=\"\(c["body"]!)\">\n"
        let inlineAt = body.count > 2 ? body.count / 2 : -1
        for (k, p) in body.enumerated() {
            if k == inlineAt, let inline { h += "<p><strong>\(esc(relatedLabel)):</strong> <a href=\"/n/1\">\(esc(inline))</a></p>\n" }
            h += "<p>\(esc(p))</p>\n"
        }
        h += "</div>\n<div class=\"\(c["tags"]!)\">\(esc(tagsLabel)): " + tags.map { "<a href=\"/t\">\(esc($0))</a>" }.joined(separator: " ") + "</div>\n"
        h += close("article") + "\n"
        h += open("section", "related") + "<h3>\(esc(relatedLabel))</h3><ul>" + links(related) + "</ul>" + close("section") + "\n"
        h += open("section", "comments") + "<h3>\(esc(commentsLabel)) (\(comments.count))</h3>\n"
        for (who, text) in comments {
            h += "<div class=\"\(layout == 2 ? "c12" : "comment")\"><b>\(esc(who))</b><p>\(esc(text))</p><a href=\"#\">\(esc(pick("reply", &rng)))</a></div>\n"
        }
        h += close("section") + (semantic ? "</main>" : "</div>") + "\n"
        h += open("aside", "most") + "<h3>\(esc(mostReadLabel))</h3><ol>" + links(mostRead) + "</ol>" + close("aside") + "\n"
        h += open("footer", "footer") + "<p>\(esc(all("newsletter").first ?? ""))</p><ul>" + links(Array(all("footer").dropFirst())) + "</ul>"
        h += "<p>© 2015 \(esc(site)) - \(esc(all("footer").first ?? ""))</p>" + close("footer") + "\n</body></html>\n"

        var boilerplate = [site] + all("section") + all("breadcrumb") + all("share") + [tagsLabel, relatedLabel, mostReadLabel, commentsLabel]
        boilerplate += related + mostRead + comments.map(\.1) + all("footer") + all("newsletter") + (inline.map { [$0] } ?? [])
        return Page(id: String(format: "page%05d", number), html: h, layout: layout, title: title, body: body,
                    boilerplate: Array(Set(boilerplate)).sorted())
    }

    func esc(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
