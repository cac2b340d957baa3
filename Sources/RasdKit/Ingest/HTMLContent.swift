/// Finds the main article of a page by content scoring (after Readability): boilerplate elements are dropped,
/// the text is cut into blocks (paragraphs), each paragraph scores its ancestors by its length and commas,
/// scores are cut by link density, and the best container (with similar siblings) gives the article's
/// paragraphs.
package struct HTMLContentExtractor: Sendable {
    package var hints: HTMLHints

    package init(hints: HTMLHints = .shared) { self.hints = hints }

    /// One run of text between block boundaries.
    package struct Block: Sendable {
        package var text: String
        /// Characters of the block inside links.
        package var linkCharacters: Int
        /// The element that holds the text (a <p>, a <div> with text of its own, a <td> ...).
        package var owner: Int
        package var length: Int { text.unicodeScalars.count }
        package var linkDensity: Double { text.isEmpty ? 0 : Double(linkCharacters) / Double(length) }
    }

    static let droppedTags: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form",
        "iframe", "svg", "button", "select", "option", "template", "object", "embed", "canvas", "input",
        "textarea", "label", "menu", "head", "title", "meta", "link"]
    static let blockTags: Set<String> = ["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
        "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tbody", "thead", "tr", "td", "th", "dl", "dt", "dd",
        "figure", "figcaption", "address", "center", "hr", "details", "summary", "body", "html"]
    static let neverDropped: Set<String> = ["html", "body", "article", "main"]

    /// Elements left out of the article, with everything inside them.
    package func droppedNodes(_ tree: HTMLTree) -> [Bool] {
        var dropped = [Bool](repeating: false, count: tree.nodes.count)
        var verdicts: [String: Bool] = [:]   // pages repeat the same classes on many elements
        for i in tree.descendants() {
            let node = tree.nodes[i]
            if node.parent >= 0 && dropped[node.parent] { dropped[i] = true; continue }
            guard !node.isText else { continue }
            if HTMLContentExtractor.droppedTags.contains(node.tag) { dropped[i] = true; continue }
            // A date line of its own (the date is taken as metadata); a <time> inside a sentence stays.
            if node.tag == "time", tree.nodes[node.parent].tag != "p" { dropped[i] = true; continue }
            if node.attributes["hidden"] != nil || node.attributes["aria-hidden"] == "true" { dropped[i] = true; continue }
            guard !HTMLContentExtractor.neverDropped.contains(node.tag) else { continue }
            let marks = classAndID(node)
            guard !marks.isEmpty else { continue }
            if verdicts[marks] == nil { verdicts[marks] = hints.judge(marks).drop }
            if verdicts[marks]! { dropped[i] = true }
        }
        return dropped
    }

    func classAndID(_ node: HTMLTree.Node) -> String {
        let c = node.attributes["class"] ?? "", id = node.attributes["id"] ?? ""
        return c.isEmpty ? id : (id.isEmpty ? c : c + " " + id)
    }

    /// The text blocks of the page outside dropped elements, in document order.
    package func blocks(_ tree: HTMLTree, dropped: [Bool]) -> [Block] {
        var blocks: [Block] = []
        var buffer = ""
        var linkChars = 0
        var owner = 0
        func flush() {
            let text = HTMLTree.collapse(buffer)
            if !text.isEmpty { blocks.append(Block(text: text, linkCharacters: min(linkChars, text.unicodeScalars.count), owner: owner)) }
            buffer = ""; linkChars = 0
        }
        func walk(_ i: Int, inLink: Bool, blockOwner: Int) {
            let node = tree.nodes[i]
            if dropped[i] { return }
            if node.isText {
                owner = blockOwner
                buffer += node.text
                if inLink { linkChars += HTMLTree.collapse(node.text).unicodeScalars.count }
                return
            }
            if node.tag == "br" { flush(); return }
            let isBlock = HTMLContentExtractor.blockTags.contains(node.tag)
            if isBlock { flush() }
            let link = inLink || node.tag == "a"
            for c in node.children { walk(c, inLink: link, blockOwner: isBlock ? i : blockOwner) }
            if isBlock { flush() } else if node.tag == "a" || node.tag == "span" || node.tag == "img" { /* inline */ }
        }
        walk(0, inLink: false, blockOwner: 0)
        flush()
        return blocks
    }

    /// The article's paragraphs (title heading left out).
    package func paragraphs(_ tree: HTMLTree) -> [String] {
        paragraphs(tree, dropped: droppedNodes(tree))
    }

    package func paragraphs(_ tree: HTMLTree, dropped: [Bool]) -> [String] {
        let blocks = blocks(tree, dropped: dropped)
        guard !blocks.isEmpty else { return [] }
        let nodes = tree.nodes

        // Total and link characters below every element.
        var chars = [Int](repeating: 0, count: nodes.count)
        var links = [Int](repeating: 0, count: nodes.count)
        for b in blocks {
            var a = b.owner
            let length = b.length
            while a >= 0 { chars[a] += length; links[a] += b.linkCharacters; a = nodes[a].parent }
        }
        // Paragraph scores flow to the container (full), its parent (half) and grandparent (a sixth).
        var score: [Int: Double] = [:]
        var weights: [String: Double] = [:]
        func baseScore(_ i: Int) -> Double {
            let node = nodes[i]
            let marks = classAndID(node)
            if weights[marks] == nil { weights[marks] = hints.judge(marks).weight }
            var s = weights[marks]!
            switch node.tag {
            case "div", "article", "main", "section": s += 5
            case "pre", "td", "blockquote": s += 3
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s -= 3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": s -= 5
            default: break
            }
            if node.tag == "article" { s += 10 }
            return s
        }
        for b in blocks where b.length >= 25 {
            let ownerTag = nodes[b.owner].tag
            if ownerTag.hasPrefix("h") && ownerTag.count == 2 { continue }
            let commas = b.text.unicodeScalars.reduce(0) { $0 + (($1 == "," || $1 == "،") ? 1 : 0) }
            let value = 1 + Double(commas) + Double(min(b.length / 100, 3))
            // A <p>'s score goes to its container; a <div> holding its own text counts as its own container.
            var target = ownerTag == "p" || ownerTag == "li" ? nodes[b.owner].parent : b.owner
            for level in 0..<3 where target > 0 {
                if score[target] == nil { score[target] = baseScore(target) }
                score[target]! += level == 0 ? value : (level == 1 ? value / 2 : value / 6)
                target = nodes[target].parent
            }
        }
        func final(_ i: Int) -> Double {
            let density = chars[i] == 0 ? 0 : Double(links[i]) / Double(chars[i])
            return (score[i] ?? 0) * (1 - density)
        }
        let body = tree.elements("body").first ?? 0
        let top = score.keys.max { (final($0), -$0) < (final($1), -$1) } ?? body

        // Siblings of the best container that look like more of the article.
        var included: Set<Int> = [top]
        let parent = nodes[top].parent
        if parent > 0 {
            let threshold = max(10, final(top) * 0.2)
            var blockCount = [Int: Int]()
            for b in blocks { var a = b.owner; while a > parent { if nodes[a].parent == parent { blockCount[a, default: 0] += 1 }; a = nodes[a].parent } }
            for s in nodes[parent].children where s != top && !dropped[s] && !nodes[s].isText {
                let density = chars[s] == 0 ? 1 : Double(links[s]) / Double(chars[s])
                // A lone paragraph beside the article body (a lead in its own <p> or <div>) is part of it.
                let loneParagraph = chars[s] > 80 && density < 0.25 && (blockCount[s] ?? 0) <= 2
                if final(s) >= threshold || loneParagraph { included.insert(s) }
            }
        }
        func isInside(_ i: Int) -> Bool {
            var a = i
            while a >= 0 { if included.contains(a) { return true }; a = nodes[a].parent }
            return false
        }
        var result: [String] = []
        for b in blocks where isInside(b.owner) {
            if nodes[b.owner].tag == "h1" { continue }
            // Link lists ("read also", tag clouds) inside the article container.
            if b.linkDensity > 0.5 { continue }
            if result.last == b.text { continue }
            result.append(b.text)
        }
        return result
    }
}
