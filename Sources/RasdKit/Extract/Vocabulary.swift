/// The closed sets of the analysis: event types, participant roles, date bases. Data files and the web page use
/// these names; `VocabularyTests` checks every data file against them, and the server serves them at
/// `/api/vocabulary` so that the page holds no copy of its own.

/// The event types of `docs/output-contract.md` (the event guidelines' thirteen).
public enum EventType: String, Sendable, Codable, CaseIterable {
    case meet = "MEET", visit = "VISIT", sign = "SIGN", ratify = "RATIFY", deploy = "DEPLOY", supply = "SUPPLY"
    case launch = "LAUNCH", accuse = "ACCUSE", deny = "DENY", veto = "VETO", statement = "STATEMENT"
    case sanction = "SANCTION", attack = "ATTACK"

    /// Types whose participants all do the same thing (a meeting, a signing): no direction between them.
    public var isSymmetric: Bool { self == .meet || self == .sign }
}

/// A trigger's part of speech (`events/triggers.tsv`, column pos): it decides where the actor is looked for.
package enum TriggerPOS: String, Sendable, CaseIterable {
    /// Its subject follows it (VSO) or precedes it (SVO).
    case verb
    /// A verbal noun: its actor is the genitive after it.
    case noun
    /// A word that calls a claim false ("سخيفة"، "ملفقة"): the party named before it, even across punctuation.
    case dismissal
    /// A participle of circumstance ("متهما"، "منتقدا"): no subject of its own; the sentence's subject acts.
    case participle
}

/// What a participant does in an event.
public enum ParticipantRole: String, Sendable, Codable, CaseIterable {
    case actor, target, counterpart
    /// Named as attending a meeting ("حضر الاستقبال X"، "بحضور X"): a party to it, but not one by which two reports
    /// of the meeting are told apart (one outlet lists who attended, another does not).
    case attendee
}

/// How an event's or a mention's date was found (see docs/output-schema.md).
public enum DateBasis: String, Sendable, Codable, CaseIterable {
    /// Written in the text.
    case text
    /// The article's publication date (current news with no date of its own).
    case published
    /// Resolved from another date or event ("بعد يومين من ...").
    case relative
}

/// Every closed set, as the API serves it.
public struct Vocabulary: Sendable, Codable, Equatable {
    public struct EventTypeEntry: Sendable, Codable, Equatable {
        public var type: String
        public var cameo: String
        public var symmetric: Bool
    }
    public var eventTypes: [EventTypeEntry]
    public var entityTypes: [String]
    public var participantRoles: [String]
    public var modalities: [String]
    public var dateBases: [String]

    /// The sets, with each event type's CAMEO code from `events/cameo.tsv`.
    public static func current() -> Vocabulary {
        var cameo: [String: String] = [:]
        for row in (try? ResourceStore.rows("events/cameo.tsv")) ?? [] where row.count >= 2 { cameo[row[0]] = row[1] }
        return Vocabulary(
            eventTypes: EventType.allCases.map { EventTypeEntry(type: $0.rawValue, cameo: cameo[$0.rawValue] ?? "", symmetric: $0.isSymmetric) },
            entityTypes: EntityType.allCases.map(\.rawValue),
            participantRoles: ParticipantRole.allCases.map(\.rawValue),
            modalities: Modality.allCases.map(\.rawValue),
            dateBases: DateBasis.allCases.map(\.rawValue))
    }
}
