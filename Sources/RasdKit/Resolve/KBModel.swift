/// The finer class of a knowledge-base entry (the `kind` column of `kb/*.tsv`): a file naming another is a load
/// error (`KBFormatError`), so a typo never becomes a class no rule handles.
public enum KBKind: String, Sendable, Hashable, CaseIterable {
    // States and places.
    case country, formerCountry = "former_country", territory, capital, city, region, feature, facility
    /// A seat of power standing for its state (الكرملين، البيت الأبيض).
    case seat
    // People.
    case headOfState = "head_of_state", headOfGovernment = "head_of_government", minister, official, leader
    // Organisations.
    case body, bodyGov = "body_gov", agency, agencyGov = "agency_gov", outlet, thinkTank = "think_tank", ministry
    case armedGroup = "armed_group", military, securityBody = "security_body", party, legislature, court
    case university, company, centralBank = "central_bank"

    /// News agencies and outlets: sources of reports, never participants.
    public var isSource: Bool { self == .agency || self == .outlet }
}

/// One entry of the knowledge base: a country, place, person or organization with its Arabic surface forms.
public struct KBEntity: Sendable, Hashable {
    public let id: String
    /// PERSON, GPE, LOC or ORG (the output contract's entity types).
    public let type: String
    public let labelAr: String
    public let labelEn: String
    public let wikidata: String?
    /// Arabic surface forms, the label included.
    public let aliases: [String]
    /// The id of the state the entry belongs to or represents (nil for international bodies).
    public let country: String?
    /// Finer class: country, capital, city, head_of_state, minister, body, agency, outlet, seat, ...
    public let kind: KBKind

    public init(id: String, type: String, labelAr: String, labelEn: String, wikidata: String?,
                aliases: [String], country: String?, kind: KBKind) {
        self.id = id
        self.type = type
        self.labelAr = labelAr
        self.labelEn = labelEn
        self.wikidata = wikidata
        self.aliases = aliases
        self.country = country
        self.kind = kind
    }
}

/// An office a person held: from/to are partial dates, nil `to` meaning still in office.
public struct KBRole: Sendable, Hashable {
    public let personId: String
    public let titleAr: String
    public let titleEn: String
    /// Office key: head_of_state, head_of_government, foreign_minister, defence_minister, leader, ...
    public let office: String
    public let country: String?
    public let from: PartialDate?
    public let to: PartialDate?

    public init(personId: String, titleAr: String, titleEn: String, office: String, country: String?,
                from: PartialDate?, to: PartialDate?) {
        self.personId = personId
        self.titleAr = titleAr
        self.titleEn = titleEn
        self.office = office
        self.country = country
        self.from = from
        self.to = to
    }

    /// True when the role overlaps the span of `date` (a role that ended in 2024-05 still covers 2024-05).
    public func covers(_ date: PartialDate) -> Bool {
        let first = date.dayNumber
        let last = KBRole.lastDay(of: date)
        if let from, from.dayNumber > last { return false }
        if let to, KBRole.lastDay(of: to) < first { return false }
        return true
    }

    /// Last day number of a partial date's span.
    static func lastDay(of date: PartialDate) -> Int { date.lastDay }
}

/// A malformed knowledge-base file line.
public struct KBFormatError: Error, CustomStringConvertible {
    public let file: String
    public let line: String
    public let reason: String
    public var description: String { "\(file): \(reason): \(line)" }
}
