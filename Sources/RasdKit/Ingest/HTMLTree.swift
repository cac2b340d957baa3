import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's forgiving HTML parser and copied into a small Swift tree (element and text
/// nodes only), so the rest of the reader works on values, not C pointers.
package struct HTMLTree: Sendable {
    package struct Node: Sendable {
        /// Lower-case tag name; empty for a text node.
        package var tag: String
        /// Text of a text node (white space as in the page).
        package var text: String
        package var attributes: [String: String]
        package var children: [Int]
        package var parent: Int
        package var isText: Bool { tag.isEmpty }
    }

    package var nodes: [Node]
    /// Nodes nested deeper than this are attached to their ancestor at this depth (malicious nesting).
    static let maxDepth = 256

    package struct ParseFailure: Error, CustomStringConvertible {
        package let reason: String
        package var description: String { reason }
    }

    private static let initialized: Bool = { xmlInitParser(); return true }()

    /// Parses UTF-8 HTML (`encoding` nil lets libxml2 use the page's own charset declaration).
    package init(utf8 bytes: [UInt8], encoding: String? = "UTF-8") throws {
        _ = HTMLTree.initialized
        guard bytes.count < Int(Int32.max) else { throw ParseFailure(reason: "page too large for the HTML parser") }
        var options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        if encoding != nil { options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { chars in
                htmlReadMemory(chars, Int32(buffer.count), nil, encoding, options)
            }
        }
        guard let doc else { throw ParseFailure(reason: "the HTML parser could not read the page") }
        defer { xmlFreeDoc(doc) }
        nodes = [Node(tag: "#document", text: "", attributes: [:], children: [], parent: -1)]
        // Iterative copy: (libxml2 node, parent index in `nodes`, depth).
        var stack: [(xmlNodePtr, Int, Int)] = []
        var child = doc.pointee.children
        var firstLevel: [xmlNodePtr] = []
        while let c = child { firstLevel.append(c); child = c.pointee.next }
        for c in firstLevel.reversed() { stack.append((c, 0, 1)) }
        while let (ptr, parent, depth) = stack.popLast() {
            let node = ptr.pointee
            switch node.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.content else { continue }
                append(Node(tag: "", text: String(cString: content), attributes: [:], children: [], parent: parent))
            case XML_ELEMENT_NODE:
                let name = node.name.map { String(cString: $0).lowercased() } ?? "unknown"
                let index = append(Node(tag: name, text: "", attributes: HTMLTree.attributes(of: node),
                                        children: [], parent: parent))
                let childParent = depth >= HTMLTree.maxDepth ? parent : index
                var kids: [xmlNodePtr] = []
                var k = node.children
                while let c = k { kids.append(c); k = c.pointee.next }
                for c in kids.reversed() { stack.append((c, childParent, min(depth + 1, HTMLTree.maxDepth))) }
            default:
                continue
            }
        }
    }

    @discardableResult
    private mutating func append(_ node: Node) -> Int {
        nodes.append(node)
        let index = nodes.count - 1
        nodes[node.parent].children.append(index)
        return index
    }

    private static func attributes(of node: xmlNode) -> [String: String] {
        var result: [String: String] = [:]
        var attr = node.properties
        while let a = attr {
            if let name = a.pointee.name {
                var value = ""
                var c = a.pointee.children
                while let t = c {
                    if let content = t.pointee.content { value += String(cString: content) }
                    c = t.pointee.next
                }
                result[String(cString: name).lowercased()] = value
            }
            attr = a.pointee.next
        }
        return result
    }

    // MARK: Queries

    /// All node indices in document order below (and including) `root`.
    package func descendants(of root: Int = 0) -> [Int] {
        var out: [Int] = []
        var stack = [root]
        while let i = stack.popLast() {
            out.append(i)
            stack.append(contentsOf: nodes[i].children.reversed())
        }
        return out
    }

    package func elements(_ tag: String, in root: Int = 0) -> [Int] {
        descendants(of: root).filter { nodes[$0].tag == tag }
    }

    /// The text below a node, white space collapsed to single spaces and trimmed.
    package func text(of root: Int) -> String {
        var raw = ""
        for i in descendants(of: root) where nodes[i].isText { raw += nodes[i].text }
        return HTMLTree.collapse(raw)
    }

    /// Collapses runs of white space (HTML's, plus no-break spaces) into one space and trims the ends.
    package static func collapse(_ s: String) -> String {
        String(collapsingWhiteSpace: s.unicodeScalars)
    }
}
