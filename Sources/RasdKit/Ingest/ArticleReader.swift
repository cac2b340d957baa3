import Foundation

/// Reads the articles of one input file. A reader returns every article it could read and a problem for each
/// part it could not (a broken JSONL line, an undecodable page), so one bad article never loses the others.
public protocol ArticleReader: Sendable {
    /// File name extensions (lower case, no dot) this reader handles.
    var extensions: Set<String> { get }
    func read(_ data: Data, path: String) -> (articles: [SourceArticle], problems: [InputProblem])
}

/// Plain text: the whole file is one article whose id is the file name without extension.
public struct PlainTextReader: ArticleReader {
    public init() {}
    public var extensions: Set<String> { ["txt"] }

    public func read(_ data: Data, path: String) -> (articles: [SourceArticle], problems: [InputProblem]) {
        switch TextDecoding.decodeForReading(data, path: path) {
        case .failure(let problem):
            return ([], [problem])
        case .success(let decoded):
            let warnings = decoded.warning.map { [$0] } ?? []
            if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                return ([], warnings + [InputProblem(location: path, reason: "no text (only white space)")])
            }
            let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return ([SourceArticle(id: id, text: decoded.text, origin: path)], warnings)
        }
    }
}
