/// Parsers for the knowledge-base TSV files (see docs/knowledge-base.md for the formats).
enum KBFiles {
    /// The rows of a resource file (`ResourceStore.rows`).
    static func table(_ relativePath: String) throws -> [[String]] {
        try ResourceStore.rows(relativePath)
    }

    /// `a|b|c` → [a, b, c], empty parts and surrounding spaces dropped.
    static func list(_ field: String) -> [String] {
        field.utf8.split(separator: 0x7C).compactMap { part in
            var s = Substring(part)
            while s.first == " " { s = s.dropFirst() }
            while s.last == " " { s = s.dropLast() }
            return s.isEmpty ? nil : String(s)
        }
    }

    static func entities(_ rows: [[String]], file: String) throws -> [KBEntity] {
        try rows.map { f in
            guard f.count >= 8 else {
                throw KBFormatError(file: file, line: f.joined(separator: "\t"), reason: "expected 8 fields")
            }
            guard let kind = KBKind(rawValue: f[7]) else {
                throw KBFormatError(file: file, line: f.joined(separator: "\t"), reason: "unknown kind '\(f[7])'")
            }
            let aliases = list(f[5])
            return KBEntity(id: f[0], type: f[1], labelAr: f[2], labelEn: f[3], wikidata: f[4].nonEmpty,
                            aliases: aliases.isEmpty ? [f[2]] : aliases, country: f[6].nonEmpty, kind: kind)
        }
    }

    static func roles(_ rows: [[String]]) throws -> [KBRole] {
        try rows.map { f in
            guard f.count >= 5 else {
                throw KBFormatError(file: "kb/roles.tsv", line: f.joined(separator: "\t"), reason: "expected 7 fields")
            }
            func date(_ i: Int) throws -> PartialDate? {
                guard i < f.count, let s = f[i].nonEmpty else { return nil }
                guard let d = PartialDate(iso: s) else {
                    throw KBFormatError(file: "kb/roles.tsv", line: f.joined(separator: "\t"), reason: "bad date \(s)")
                }
                return d
            }
            return KBRole(personId: f[0], titleAr: f[1], titleEn: f[2], office: f[3], country: f[4].nonEmpty,
                          from: try date(5), to: try date(6))
        }
    }

    /// `id  a|b|c` rows.
    static func pairs(_ rows: [[String]], file: String) throws -> [(String, [String])] {
        try rows.map { f in
            guard f.count >= 2 else { throw KBFormatError(file: file, line: f.joined(separator: "\t"), reason: "expected 2 fields") }
            return (f[0], list(f[1]))
        }
    }

    static func titles(_ rows: [[String]]) throws -> [(String, String, String)] {
        try rows.map { f in
            guard f.count >= 2 else {
                throw KBFormatError(file: "lexicon/titles.tsv", line: f.joined(separator: "\t"), reason: "expected 3 fields")
            }
            return (f[0], f[1], f.count > 2 ? f[2] : "")
        }
    }

    /// Titles whose optional fourth column names the one state they belong to.
    static func titleCountries(_ rows: [[String]]) -> [String: String] {
        var out: [String: String] = [:]
        for f in rows where f.count > 3 && !f[3].trimmingSpaces.isEmpty { out[f[0]] = f[3].trimmingSpaces }
        return out
    }
}

fileprivate extension String {
    var nonEmpty: String? {
        let t = trimmingSpaces
        return t.isEmpty ? nil : t
    }
}

fileprivate extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " { s = s.dropFirst() }
        while let c = s.last, c == " " { s = s.dropLast() }
        return String(s)
    }
}
