/// Entity types of the output contract (ANERCorp's PERS/LOC/ORG/MISC map onto them).
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case person = "PERSON", gpe = "GPE", loc = "LOC", org = "ORG", misc = "MISC"

    public init?(kbType: String) {
        switch kbType.uppercased() {
        case "PERSON", "PER", "PERS": self = .person
        case "GPE": self = .gpe
        case "LOC": self = .loc
        case "ORG": self = .org
        case "MISC": self = .misc
        default: return nil
        }
    }
}

/// What an entity mention refers to, before cross-document resolution: a knowledge-base entry, or a name not in
/// the knowledge base (keyed by type and normalized full name, so that the same name clusters across articles).
public enum EntityRef: Hashable, Sendable, Codable, CustomStringConvertible {
    case kb(String)
    case name(EntityType, String)

    public var description: String {
        switch self {
        case .kb(let id): return "kb:\(id)"
        case .name(let t, let key): return "\(t.rawValue):\(key)"
        }
    }

    public var kbId: String? { if case .kb(let id) = self { return id }; return nil }
}

/// One mention of an entity in a document.
public struct EntityMention: Sendable, Equatable, Codable {
    /// How it was found.
    public enum Origin: String, Sendable, Codable, CaseIterable {
        case gazetteer      // an alias of a knowledge-base entry
        case tagger         // the statistical tagger, not in the knowledge base
        case partialName    // part of a name mentioned earlier (a surname after the full name)
        case apposition     // a name followed by its title ("أرتيوم لوكين، الأستاذ في جامعة ...")
        case titled         // a name after a person's title, from a given name ("الدكتور مساعد العيبان")
        case description    // a description resolved to the office holder ("الزعيم الكوري الشمالي")
        case institution    // a state institution: head noun and nationality ("الجيش السوداني")
        case placeHead      // a place no list knows, named after a place noun ("بلدة الكرمة"): `HeadedPlaces`
        case bodyHead       // a body no list knows, named after a head noun ("جمعية تكافل الخيرية"): `HeadedBodies`
        case speaker        // a speech verb's subject no list or tagger named ("وقال كام إن"): `SpeakerNames`
        case demonym        // a nationality adjective naming a state as actor ("القوات الكورية الشمالية");
                            // used by events, not listed as a name mention
        case facility       // an airport, port, base or palace named after its noun ("مطار عدن الدولي"): `Facilities`
    }

    public var start: Int
    public var end: Int
    public var text: String
    public var type: EntityType
    public var ref: EntityRef
    public var origin: Origin
    /// Token index range in the document.
    public var tokens: Range<Int>
    /// The rule that found it and linked it (`--explain`); never part of its identity.
    public var provenance: Provenance

    /// `reason` says what linked it (the alias, the earlier full name); the caller's line is recorded with it.
    public init(start: Int, end: Int, text: String, type: EntityType, ref: EntityRef, origin: Origin, tokens: Range<Int>,
                reason: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
        self.start = start; self.end = end; self.text = text; self.type = type; self.ref = ref
        self.origin = origin; self.tokens = tokens
        provenance = Provenance()
        guard Provenance.isRecording else { return }
        let why = reason()
        provenance.add("\(origin.rawValue) → \(ref)\(why.isEmpty ? "" : ": " + why)", file: file, line: line)
    }
}

/// A title or office said of a person ("وزير الخارجية الروسي سيرجي لافروف").
public struct RoleMention: Sendable, Equatable, Codable {
    public var person: EntityRef
    public var title: String
    public var start: Int
    public var end: Int
    /// Office key from the title lexicon (foreign_minister, head_of_state, ...), when known.
    public var office: String?
    /// "text" when the article says it, "kb" when it comes from the knowledge base's role history.
    public var basis: String
    public var from: PartialDate?
}

/// What kind of text an article is: a news report, or an opinion column or analysis piece (its events are
/// commentary).
public enum Genre: String, Sendable, Codable, CaseIterable {
    case news, opinion
}

/// A speech verb's speaker as the quote stage read it (`QuoteSpeaker`); nil when the text names none
/// ("وقال مصدر أمني"). The event stage takes a statement's actor from it.
public struct SpeechVerb: Sendable, Equatable {
    public var speaker: EntityRef?
    public var speakerText: String?
    /// The token that opens what is said in reported speech ("إن"، "أن", or the preposition of content: "أعلن X عن
    /// ..."), when the quote stage found it: what follows it is what is said, not the circumstances of the saying.
    public var content: Int?

    public init(speaker: EntityRef?, speakerText: String?, content: Int? = nil) {
        self.speaker = speaker
        self.speakerText = speakerText
        self.content = content
    }
}

/// A quotation, direct (between quote marks) or reported ("قال X إن ...").
public struct QuoteMention: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    public var text: String
    public var speaker: EntityRef?
    public var speakerText: String?
    public var direct: Bool
    /// The reporting verb as written ("قال"، "أضاف"، "أكد").
    public var verb: String?
}

/// How sure the article is that an event happened.
public enum Modality: String, Sendable, Codable, CaseIterable {
    case asserted       // reported as fact
    case reported       // attributed to a source ("قالت وكالة ... إن")
    case alleged        // an accusation's content
    case denied         // denied by a party
    case planned        // announced for the future
    case speculative    // may happen ("قد يجتمع قريبا")
}

/// One event as one article reports it.
public struct EventMention: Sendable, Equatable, Codable {
    public struct Participant: Sendable, Equatable, Hashable, Codable {
        public var ref: EntityRef
        /// "actor", "target" or "counterpart".
        public var role: ParticipantRole
        /// The mention text it was found from.
        public var text: String
        /// How likely the codebook's annotation names this party in this event: the argument model's
        /// probability in [0, 1] (`ArgumentConfidence`); nil without a model.
        public var confidence: Double? = nil
    }

    public var type: EventType
    public var triggerStart: Int
    public var triggerEnd: Int
    public var trigger: String
    /// The sentence (or clause) that reports it.
    public var start: Int
    public var end: Int
    public var text: String
    public var participants: [Participant]
    public var place: EntityRef?
    public var date: PartialDate?
    /// "text", "published" or "relative" (see docs/output-schema.md).
    public var dateBasis: DateBasis?
    public var dateText: String?
    public var modality: Modality
    /// Who the article attributes the report to ("وكالة الأنباء المركزية الكورية"), as written.
    public var attribution: String?
    /// Indices into the document's quantities of the amounts this event involves.
    public var quantities: [Int]
    public var sentence: Int
    /// The trigger's row, the rule behind each participant, the modality and the date (`--explain`).
    public var provenance = Provenance()
    /// How likely the event is one the codebook admits, with the right actor: the learned model's probability
    /// in [0, 1] (`EventConfidence`); nil without a model.
    public var confidence: Double? = nil
    /// A meeting or signing whose other side the sentence tells without naming it ("مع ممثلي الجانبين"، "مع
    /// نظيره"، "استقبلهم"): one named party is then enough (`CollectionResolver.lacksSecondSide`).
    public var unnamedSide: Bool? = nil
    /// A statement's words as the cross-document merge compares them: the smallest hashes of the content stems of
    /// its sentence, names of its parties left out (`EventMerger.wordSketch`); nil before the merge reads it.
    public var wordSketch: [UInt32]? = nil
}
