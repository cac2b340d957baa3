/// Which way a date with no year and no tense word is placed relative to the reference date.
public enum DatePreference: String, Sendable { case past, future }

/// A date or time expression found in text, resolved against a reference date where it can be.
public struct DateMention: Sendable, Equatable, Codable {
    /// How the value was obtained.
    public enum Basis: String, Sendable, Codable {
        case absolute   // the text states the date ("19 نوفمبر 2024")
        case relative   // resolved from the reference date ("أمس"، "الشهر الماضي")
        case unresolved // relative, but no reference date was given
    }

    public var start: Int
    public var end: Int
    public var text: String
    /// The date at the precision the text supports; nil when unresolved.
    public var date: PartialDate?
    public var basis: Basis
    /// For weeks, seasons, decades and other spans: the exact first and last day (or month/year).
    public var spanFrom: PartialDate?
    public var spanTo: PartialDate?
    /// Free-form kind: "date", "weekday", "month", "year", "season", "decade", "week", "hijri", "duration_ago", ...
    public var kind: String

    public init(start: Int, end: Int, text: String, date: PartialDate?, basis: Basis,
                spanFrom: PartialDate? = nil, spanTo: PartialDate? = nil, kind: String) {
        self.start = start; self.end = end; self.text = text; self.date = date; self.basis = basis
        self.spanFrom = spanFrom; self.spanTo = spanTo; self.kind = kind
    }
}

/// A number written in digits or words.
public struct NumberMention: Sendable, Equatable, Codable {
    /// `approximate`: a vague plural such as عشرات الآلاف ("tens of thousands"), valued at its scale (10000).
    public enum Kind: String, Sendable, Codable { case cardinal, ordinal, percent, approximate }
    public var start: Int
    public var end: Int
    public var text: String
    public var value: Double
    public var kind: Kind

    public init(start: Int, end: Int, text: String, value: Double, kind: Kind) {
        self.start = start; self.end = end; self.text = text; self.value = value; self.kind = kind
    }
}

/// A counted or measured amount: a number (or range) with its qualifier and unit noun.
public struct Quantity: Sendable, Equatable, Codable {
    public enum Qualifier: String, Sendable, Codable {
        case more_than, less_than, about, at_least, at_most, up_to
    }

    public var start: Int
    public var end: Int
    public var text: String
    public var value: Double?
    public var min: Double?
    public var max: Double?
    public var qualifier: Qualifier?
    /// The unit noun as written (جندي، عامل، دولار); nil when the number stands alone.
    public var unit: String?
    /// True for durations (منذ 24 عاماً), which also feed date resolution.
    public var isDuration: Bool

    public init(start: Int, end: Int, text: String, value: Double?, min: Double? = nil, max: Double? = nil,
                qualifier: Qualifier? = nil, unit: String?, isDuration: Bool = false) {
        self.start = start; self.end = end; self.text = text; self.value = value; self.min = min; self.max = max
        self.qualifier = qualifier; self.unit = unit; self.isDuration = isDuration
    }
}

