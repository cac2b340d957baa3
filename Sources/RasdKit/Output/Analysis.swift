/// The analysis of a whole collection, as written to JSON (see docs/output-schema.md; the fields that the shared
/// tools read are fixed by the output contract).
public struct Analysis: Sendable, Codable, Equatable {
    public struct DocumentEntry: Sendable, Codable, Equatable {
        public var id: String
        public var published: String?
        public var published_basis: String?
        public var source: String?
        public var title: String?
        public var url: String?
        public var parent: String?
        public var near_duplicate_of: String?
        public var body: String
        public var removed: [RemovedLine]
    }

    public struct RemovedLine: Sendable, Codable, Equatable {
        public var start: Int
        public var end: Int
        public var rule: String
    }

    public struct Mention: Sendable, Codable, Equatable {
        public var doc: String
        public var text: String
        public var start: Int
        public var end: Int
        public var origin: String?
    }

    public struct Role: Sendable, Codable, Equatable {
        public var title: String
        public var office: String?
        public var doc: String?
        public var from: String?
        public var basis: String
    }

    public struct Entity: Sendable, Codable, Equatable {
        public var id: String
        public var type: String
        public var label: String
        public var label_en: String?
        public var wikidata: String?
        public var kb: String?
        public var country: String?
        public var aliases: [String]
        public var roles: [Role]
        public var mentions: [Mention]
    }

    public struct Participant: Sendable, Codable, Equatable {
        public var entity: String
        public var role: String
    }

    public struct EventMentionEntry: Sendable, Codable, Equatable {
        public var doc: String
        public var text: String
        public var start: Int
        public var end: Int
        public var trigger: String
        public var date: String?
        public var date_basis: String?
        public var modality: String
        public var attribution: String?
    }

    public struct Event: Sendable, Codable, Equatable {
        public var id: String
        public var type: String
        public var cameo: String
        public var date: String?
        public var date_basis: String?
        public var modality: String
        public var participants: [Participant]
        public var place: String?
        public var sources: [String]
        public var mentions: [EventMentionEntry]
    }

    public struct QuantityEntry: Sendable, Codable, Equatable {
        public var doc: String
        public var text: String
        public var start: Int
        public var end: Int
        public var value: Double?
        public var min: Double?
        public var max: Double?
        public var qualifier: String?
        public var unit: String?
        public var duration: Bool
        public var event: String?
    }

    public struct DateEntry: Sendable, Codable, Equatable {
        public var doc: String
        public var text: String
        public var start: Int
        public var end: Int
        public var date: String?
        public var basis: String
        public var kind: String
        public var span_from: String?
        public var span_to: String?
    }

    public struct Quote: Sendable, Codable, Equatable {
        public var doc: String
        public var speaker: String?
        public var speaker_text: String?
        public var text: String
        public var start: Int
        public var end: Int
        public var direct: Bool
        public var verb: String?
    }

    public struct DiscrepancyValue: Sendable, Codable, Equatable {
        public var value: Double
        public var text: String
        public var doc: String
        public var date: String?
    }

    public struct Discrepancy: Sendable, Codable, Equatable {
        public var about: String
        public var kind: String
        public var event: String?
        public var unit: String?
        public var values: [DiscrepancyValue]
    }

    public struct TimelineEntry: Sendable, Codable, Equatable {
        public var date: String?
        public var event: String
        public var type: String
        public var summary: String
        public var sources: [String]
    }

    public struct Problem: Sendable, Codable, Equatable {
        public var location: String
        public var reason: String
    }

    public var generator: String = "rasd"
    public var documents: [DocumentEntry] = []
    public var entities: [Entity] = []
    public var events: [Event] = []
    public var timeline: [TimelineEntry] = []
    public var quantities: [QuantityEntry] = []
    public var dates: [DateEntry] = []
    public var quotes: [Quote] = []
    public var discrepancies: [Discrepancy] = []
    public var problems: [Problem] = []

    public init() {}
}
