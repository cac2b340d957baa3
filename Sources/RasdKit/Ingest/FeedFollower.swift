import Foundation

/// Follows files and folders for articles that arrive while a feed runs: each `poll()` returns the articles of
/// files not seen before (or changed since), and the lines appended to a `.jsonl` file since the last poll
/// (complete lines only: a line still being written waits for the next poll). What it has read lives in
/// memory; after a restart every file is read again and the store, which keeps each content once, adds
/// nothing twice.
package struct FeedFollower: Sendable {
    package let paths: [String]
    let collector: InputCollector
    /// A `.jsonl` file: the bytes and lines read so far (complete lines).
    var jsonlRead: [String: (bytes: UInt64, lines: Int)] = [:]
    /// Another file: its size and modification date when it was read.
    var fileRead: [String: (size: Int, modified: Date?)] = [:]
    /// Paths already reported missing (said once, not at every poll).
    var reportedMissing = Set<String>()

    package init(paths: [String], excluded: Set<String> = []) {
        self.paths = paths
        collector = InputCollector(excluded: excluded)
    }

    /// What arrived since the last poll.
    package mutating func poll() -> (articles: [SourceArticle], problems: [InputProblem]) {
        var articles: [SourceArticle] = []
        var problems: [InputProblem] = []
        let listing = collector.files(in: paths)
        for problem in listing.problems where reportedMissing.insert(problem.location).inserted { problems.append(problem) }
        for file in listing.files {
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            let size = (attributes?[.size] as? Int) ?? 0
            if (file as NSString).pathExtension.lowercased() == "jsonl" {
                let read = appended(to: file, size: UInt64(size))
                articles += read.articles
                problems += read.problems
            } else {
                let modified = attributes?[.modificationDate] as? Date
                if let before = fileRead[file], before.size == size, before.modified == modified { continue }
                fileRead[file] = (size, modified)
                let read = collector.read(file: file)
                articles += read.articles
                problems += read.problems
            }
        }
        return (articles, problems)
    }

    /// The complete lines added to a `.jsonl` file since the last read; a file that shrank was replaced and is
    /// read again from its start.
    mutating func appended(to file: String, size: UInt64) -> (articles: [SourceArticle], problems: [InputProblem]) {
        var position = jsonlRead[file] ?? (0, 0)
        if size < position.bytes { position = (0, 0) }
        guard size > position.bytes, let handle = FileHandle(forReadingAtPath: file) else { return ([], []) }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: position.bytes)) != nil,
              var data = (try? handle.readToEnd()) ?? nil,
              let lastNewline = data.lastIndex(of: 0x0A) else { return ([], []) }
        data = data[data.startIndex...lastNewline]
        let consumed = UInt64(data.count)
        if position.bytes == 0, data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        let read = JSONLReader().read(lines: Data(data), path: file, linesBefore: position.lines, reportEmpty: false)
        jsonlRead[file] = (position.bytes + consumed, position.lines + data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
        return read
    }
}
