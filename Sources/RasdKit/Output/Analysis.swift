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
        /// The story the document is in (`stories[].id`).
        public var story: String?
        /// "news" or "opinion" (an opinion column or analysis piece: its events are commentary).
        public var genre: String?
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
        /// How it was found and linked, one note per decision (only with `--explain`).
        public var explain: [String]? = nil
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
        /// The highest argument confidence this party has in the event's reports (`ArgumentConfidence`).
        public var confidence: Double? = nil
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
        /// The learned probability that this report is an event of the codebook with the right actor.
        public var confidence: Double? = nil
        /// The trigger's row, the rule behind each participant, the modality and the date (only with `--explain`).
        public var explain: [String]? = nil
        /// While the sentence waits in a spill (`AnalysisSpill.eventTexts`), its row there and `text` empty: the
        /// writer fills it in. Never encoded.
        package var textRow: Int? = nil

        enum CodingKeys: String, CodingKey {
            case doc, text, start, end, trigger, date, date_basis, modality, attribution, confidence, explain
        }
    }

    public struct Event: Sendable, Codable, Equatable {
        public var id: String
        /// Why its reports are one event (only with `--explain`).
        public var explain: [String]? = nil
        public var type: String
        public var cameo: String
        public var date: String?
        public var date_basis: String?
        public var modality: String
        public var participants: [Participant]
        public var place: String?
        public var sources: [String]
        public var mentions: [EventMentionEntry]
        /// The noisy-or of its mentions' confidences (`EventConfidence.combined`).
        public var confidence: Double? = nil
        /// True for an event the articles recall from history (dated more than a year before the earliest
        /// report of it): it never opens a story's timeline. Left out when false.
        public var background: Bool?
        /// The story most of its reports are in.
        public var story: String?
        /// True for an event told only in opinion pieces: commentary, ranked below reported news in the
        /// timeline. Left out when false.
        public var commentary: Bool?
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
        /// The story whose articles give the values (a discrepancy never spans two stories).
        public var story: String?
    }

    public struct TimelineEntry: Sendable, Codable, Equatable {
        public var date: String?
        public var event: String
        public var type: String
        public var summary: String
        public var sources: [String]
        public var background: Bool?
        public var commentary: Bool?
    }

    /// A story: the articles that report the same events or developments of one situation (see
    /// docs/output-schema.md, `stories[]`).
    public struct Story: Sendable, Codable, Equatable {
        public var id: String
        /// Generated from the main event and the main actors, in Arabic and from the English labels.
        public var title: String
        public var title_en: String
        public var documents: [String]
        /// The outlets (`source`) of its documents, sorted.
        public var sources: [String]
        /// Events reported in its documents, background events included.
        public var events: [String]
        /// Its main event and actors (entity ids), as in the title.
        public var main_event: String?
        public var actors: [String]
        /// Entities named in its documents, the most distinctive first (documents naming it × rarity).
        public var entities: [String]
        /// The span of its coverage: publication dates and the dates of its events, background and planned ones
        /// left out.
        public var first: String?
        public var last: String?
        public var discrepancies: Int
        /// Other stories of the same situation as it develops (shared main actors and distinctive entities, spans
        /// within a month), closest first; left out when none.
        public var related: [String]? = nil
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
    /// Optional only so that an analysis saved before stories existed still reads; `resolve` always sets it.
    public var stories: [Story]? = nil
    public var problems: [Problem] = []

    public init() {}
}
