import Foundation

/// Reads the articles of one input file. A reader returns every article it could read and a problem for each
/// part it could not (a broken JSONL line, an undecodable page), so one bad article never loses the others.
public protocol ArticleReader: Sendable {
    /// File name extensions (lower case, no dot) this reader handles.
    var extensions: Set<String> { get }
    func read(_ data: Data, path: String) -> (articles: [SourceArticle], problems: [InputProblem])
}

/// Decodes bytes as text, or says why it cannot.
public enum TextDecoding {
    public static func decode(_ data: Data, path: String) -> Result<String, InputProblem> {
        if data.isEmpty { return .failure(InputProblem(location: path, reason: "empty file")) }
        if data.prefix(4096).contains(0) && !(data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])) {
            return .failure(InputProblem(location: path, reason: "binary data (NUL bytes), not text"))
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let s = String(data: bytes, encoding: .utf8) { return .success(s) }
        return .failure(InputProblem(location: path, reason: "not valid UTF-8"))
    }
}

/// Plain text: the whole file is one article whose id is the file name without extension.
public struct PlainTextReader: ArticleReader {
    public init() {}
    public var extensions: Set<String> { ["txt"] }

    public func read(_ data: Data, path: String) -> (articles: [SourceArticle], problems: [InputProblem]) {
        switch TextDecoding.decode(data, path: path) {
        case .failure(let problem):
            return ([], [problem])
        case .success(let text):
            if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                return ([], [InputProblem(location: path, reason: "no text (only white space)")])
            }
            let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return ([SourceArticle(id: id, text: text, origin: path)], [])
        }
    }
}
