import Foundation

/// Turns the paths named on a command line into articles: files are read by the reader for their extension,
/// folders yield their article files (recursively, sorted), skipping the metadata file and non-article files.
public struct InputCollector: Sendable {
    public var readers: [any ArticleReader]
    /// Absolute paths never read as articles (the `--meta` file).
    public var excluded: Set<String>

    public init(readers: [any ArticleReader] = InputCollector.defaultReaders, excluded: Set<String> = []) {
        self.readers = readers
        self.excluded = Set(excluded.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
    }

    public static var defaultReaders: [any ArticleReader] { defaultReaders(jobs: 1) }

    /// The default readers, JSONL lines decoded on `jobs` threads.
    public static func defaultReaders(jobs: Int) -> [any ArticleReader] { [PlainTextReader(), JSONLReader(jobs: jobs), HTMLReader()] }

    private var articleExtensions: Set<String> { readers.reduce(into: Set<String>()) { $0.formUnion($1.extensions) } }

    /// The article files below the given paths, and a problem for each path that is missing.
    public func files(in paths: [String]) -> (files: [String], problems: [InputProblem]) {
        var files: [String] = []
        var problems: [InputProblem] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(InputProblem(location: path, reason: "no such file or folder", isFatalForPath: true))
                continue
            }
            if isDir.boolValue {
                guard let walker = fm.enumerator(atPath: path) else {
                    problems.append(InputProblem(location: path, reason: "folder cannot be read", isFatalForPath: true))
                    continue
                }
                var found: [String] = []
                for case let relative as String in walker {
                    let full = (path as NSString).appendingPathComponent(relative)
                    let ext = (relative as NSString).pathExtension.lowercased()
                    // Hidden files (editor backups, .DS_Store) are not articles.
                    if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
                    guard articleExtensions.contains(ext), !isExcluded(full) else { continue }
                    found.append(full)
                }
                files.append(contentsOf: found.sorted())
            } else if !isExcluded(path) {
                files.append(path)
            }
        }
        return (files, problems)
    }

    private func isExcluded(_ path: String) -> Bool {
        excluded.contains(URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    /// Reads one file with the reader for its extension (plain text when none claims it).
    public func read(file path: String) -> (articles: [SourceArticle], problems: [InputProblem]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [InputProblem(location: path, reason: "file cannot be read", isFatalForPath: true)])
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let reader = readers.first { $0.extensions.contains(ext) } ?? PlainTextReader()
        return reader.read(data, path: path)
    }
}
