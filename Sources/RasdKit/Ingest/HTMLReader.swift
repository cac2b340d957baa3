import Foundation

/// Saved web pages (`.html`, `.htm`): one article per page, its text the main article's paragraphs joined
/// with "\n", with title, byline, dateline and publication date from the page. The id is the file name
/// without extension.
package struct HTMLReader: ArticleReader {
    package var content: HTMLContentExtractor

    package init(content: HTMLContentExtractor = HTMLContentExtractor()) { self.content = content }
    package var extensions: Set<String> { ["html", "htm"] }

    package func read(_ data: Data, path: String) -> (articles: [SourceArticle], problems: [InputProblem]) {
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let tree: HTMLTree
        var warnings: [InputProblem] = []
        switch TextDecoding.decodeForReading(data, path: path) {
        case .success(let decoded):
            if let warning = decoded.warning { warnings.append(warning) }
            do { tree = try HTMLTree(utf8: Array(decoded.text.utf8)) } catch {
                return ([], warnings + [InputProblem(location: path, reason: "\(error)")])
            }
        case .failure(let problem):
            // Another declared charset (ISO-8859-6, ...): let libxml2 decode by the page's own declaration.
            guard TextDecoding.binaryProblem(data) == nil, HTMLReader.declaresCharset(data),
                  let parsed = try? HTMLTree(utf8: Array(data), encoding: nil) else { return ([], [problem]) }
            tree = parsed
        }
        switch article(from: tree, id: id, origin: path) {
        case .success(let article): return ([article], warnings)
        case .failure(let problem): return ([], warnings + [problem])
        }
    }

    /// The article of an HTML string (a JSONL record's `html`).
    package func article(html: String, id: String, origin: String) -> Result<SourceArticle, InputProblem> {
        do {
            return article(from: try HTMLTree(utf8: Array(html.utf8)), id: id, origin: origin)
        } catch {
            return .failure(InputProblem(location: origin, reason: "\(error)"))
        }
    }

    package func article(from tree: HTMLTree, id: String, origin: String) -> Result<SourceArticle, InputProblem> {
        let dropped = content.droppedNodes(tree)
        let meta = HTMLMetadata(tree, dropped: dropped)
        var paragraphs = content.paragraphs(tree, dropped: dropped)
        if paragraphs.isEmpty, let body = meta.articleBody {
            paragraphs = body.split(whereSeparator: \.isNewline).map { HTMLTree.collapse(String($0)) }.filter { !$0.isEmpty }
        }
        guard !paragraphs.isEmpty else {
            return .failure(InputProblem(location: origin, reason: "no article text found in the HTML page"))
        }
        var article = SourceArticle(id: id, text: paragraphs.joined(separator: "\n"), title: meta.title,
                                    published: meta.published, origin: origin, byline: meta.byline)
        article.dateline = HTMLReader.dateline(tree, firstParagraph: paragraphs[0])
        let canonical = tree.elements("link").first { (tree.nodes[$0].attributes["rel"] ?? "").lowercased() == "canonical" }
        article.url = canonical.flatMap { tree.nodes[$0].attributes["href"] }
            ?? tree.elements("meta").compactMap { i -> String? in
                tree.nodes[i].attributes["property"] == "og:url" ? tree.nodes[i].attributes["content"] : nil
            }.first
        return .success(article)
    }

    /// An element marked `dateline`, else the short place/agency prefix that opens the first paragraph
    /// ("الرياض - واس - ...", "بيروت (رويترز) - ...").
    static func dateline(_ tree: HTMLTree, firstParagraph: String) -> String? {
        for i in tree.descendants() where !tree.nodes[i].isText {
            let marks = ((tree.nodes[i].attributes["class"] ?? "") + " " + (tree.nodes[i].attributes["id"] ?? "")).lowercased()
            if marks.contains("dateline") {
                let text = tree.text(of: i)
                if !text.isEmpty && text.count <= 80 { return text }
            }
        }
        // A short first line of its own ("الرياض - واس") is the whole dateline.
        let words = firstParagraph.split(separator: " ").count
        if firstParagraph.unicodeScalars.count <= 40, words <= 5,
           [" - ", " – ", " — "].contains(where: { firstParagraph.contains($0) }) {
            return firstParagraph
        }
        for separator in [" - ", " – ", " — ", ": "] {
            guard let range = firstParagraph.range(of: separator) else { continue }
            let prefix = firstParagraph[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let words = prefix.split(separator: " ").count
            if !prefix.isEmpty && prefix.count <= 40 && words <= 4 { return prefix }
        }
        return nil
    }

    /// True when the first bytes declare a charset (`<meta charset=...>` or `content="...; charset=..."`).
    static func declaresCharset(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        return head.contains("charset=")
    }
}
