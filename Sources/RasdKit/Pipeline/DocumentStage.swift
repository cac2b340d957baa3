/// The fields of a `Document` that stages read and write.
public enum DocumentField: String, CaseIterable, Sendable, Comparable {
    /// id, title, source, url, origin, parent: what the reader gave; no stage changes them.
    case metadata
    /// The text as read (stages never rewrite it; offsets point into it).
    case text
    /// `published` and `publishedBasis`.
    case published
    /// `segments` and `removed`: what cleaning kept.
    case segments
    case tokens, sentences, numbers, quantities, dates, mentions, roles, quotes, events
    /// `genre`: news or opinion.
    case genre

    public static func < (a: DocumentField, b: DocumentField) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// What a document has before any stage runs: the reader's fields and the cleaner's segments.
    public static let inputs: Set<DocumentField> = [.metadata, .text, .published, .segments]
}

/// One per-article step of the pipeline. A stage declares the fields it reads and the fields it writes;
/// `Analyzer` checks that every field a stage reads is an input or written by an earlier stage, and
/// `StageContractTests` fails when a stage changes a field it did not declare.
public protocol DocumentStage: Sendable {
    /// A short name for messages and `--explain` ("entities", "events").
    var name: String { get }
    var reads: Set<DocumentField> { get }
    var writes: Set<DocumentField> { get }
    func process(_ doc: inout Document)
}

/// A stage list in which some stage reads a field that nothing before it writes.
public struct StageOrderError: Error, CustomStringConvertible, Equatable {
    public let stage: String
    public let missing: [DocumentField]
    public var description: String {
        "stage '\(stage)' reads \(missing.map(\.rawValue).joined(separator: ", ")), which no earlier stage writes"
    }

    /// Throws for the first stage whose reads are not available when it runs.
    public static func check(_ stages: [any DocumentStage]) throws {
        var available = DocumentField.inputs
        for stage in stages {
            let missing = stage.reads.subtracting(available)
            if !missing.isEmpty { throw StageOrderError(stage: stage.name, missing: missing.sorted()) }
            available.formUnion(stage.writes)
        }
    }
}

// The contracts of the built-in stages. Kept beside the protocol so that the pipeline's data flow reads in one
// place; each stage's own file says how it does its work.

extension TextStage: DocumentStage {
    public var name: String { "text" }
    public var reads: Set<DocumentField> { [.text, .segments] }
    public var writes: Set<DocumentField> { [.tokens, .sentences, .numbers, .quantities] }
}

extension DatelineStage: DocumentStage {
    public var name: String { "dateline" }
    public var reads: Set<DocumentField> { [.text, .tokens, .sentences, .published] }
    public var writes: Set<DocumentField> { [.published] }
}

extension DateStage: DocumentStage {
    public var name: String { "dates" }
    public var reads: Set<DocumentField> { [.text, .tokens, .published] }
    public var writes: Set<DocumentField> { [.dates] }
}

extension EntityStage: DocumentStage {
    public var name: String { "entities" }
    public var reads: Set<DocumentField> { [.text, .tokens, .sentences] }
    public var writes: Set<DocumentField> { [.mentions] }
}

extension TitleStage: DocumentStage {
    public var name: String { "titles" }
    public var reads: Set<DocumentField> { [.text, .tokens, .sentences, .mentions, .published] }
    /// Appositions and descriptions ("الزعيم الكوري الشمالي") become mentions of their person.
    public var writes: Set<DocumentField> { [.mentions, .roles] }
}

extension QuoteStage: DocumentStage {
    public var name: String { "quotes" }
    public var reads: Set<DocumentField> { [.text, .tokens, .sentences, .mentions] }
    public var writes: Set<DocumentField> { [.quotes] }
}

extension GenreStage: DocumentStage {
    public var name: String { "genre" }
    public var reads: Set<DocumentField> { [.metadata, .tokens, .quotes] }
    public var writes: Set<DocumentField> { [.genre] }
}

extension EventStage: DocumentStage {
    public var name: String { "events" }
    public var reads: Set<DocumentField> { [.text, .tokens, .sentences, .mentions, .roles, .dates, .quantities, .published] }
    public var writes: Set<DocumentField> { [.events] }
}
