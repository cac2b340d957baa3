/// Where a finding came from, for `rasd analyze --explain`: the rule that produced it (the source file and line
/// of the decision, `ArgumentFinder.swift:274`) and the data it read (a trigger's row, the alias matched), one
/// note per decision, in the order they were taken.
///
/// Provenance is never part of a finding's identity: two mentions or events that differ only in how they were
/// found are equal, hash alike, and are merged as before, so the analysis without `--explain` is unchanged.
///
/// Notes are written only while `isRecording` (set by `Analyzer` for an analysis with `explain`): a normal run
/// builds no note String on its hot path, and a store's records carry none.
public struct Provenance: Sendable, Codable, Hashable {
    public private(set) var notes: [String] = []

    /// Whether the stages running in this task record their decisions.
    @TaskLocal public static var isRecording = false

    public init() {}

    /// A decision taken at this place in the code (the caller's file and line by default).
    public init(_ note: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
        add(note(), file: file, line: line)
    }

    public mutating func add(_ note: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
        guard Self.isRecording else { return }
        notes.append("\(note()) (\(Self.shortFile(file)):\(line))")
    }

    /// The notes of decisions taken earlier (a trigger's reading before its arguments).
    public mutating func insert(_ earlier: Provenance) { notes.insert(contentsOf: earlier.notes, at: 0) }

    /// A decision read from data (a resource file's row): no code location.
    public mutating func addData(_ note: @autoclosure () -> String) {
        guard Self.isRecording else { return }
        notes.append(note())
    }

    public static func == (_: Provenance, _: Provenance) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    /// "RasdKit/ArgumentFinder.swift" (`#fileID`: module and file name) → "ArgumentFinder.swift".
    static func shortFile(_ file: StaticString) -> Substring {
        let s = file.description
        guard let slash = s.firstIndex(of: "/") else { return Substring(s) }
        return s[s.index(after: slash)...]
    }
}
