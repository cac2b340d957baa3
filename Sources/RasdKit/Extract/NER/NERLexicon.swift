import Foundation

/// The word lists the tagger's features consult: titles and trigger words (`Resources/ner/*.txt`) and, when
/// present, the knowledge base's aliases (`Resources/kb/*.tsv`). Each list is a phrase class; a token's features
/// say which classes' phrases begin, continue or end on it.
struct NERLexicon: Sendable {
    /// Phrase classes (bit numbers in a `PhraseMatcher` mask).
    enum PhraseClass: Int, CaseIterable {
        case kbPerson = 0, kbPlace, kbOrganization, title, organizationTrigger, placeTrigger
        case trainPerson, trainPlace, trainOrganization, trainMisc
        case firstName, nameParticle, miscTrigger, nationality, city
    }

    var matcher = PhraseMatcher()
    /// How many knowledge-base aliases were read (0 when the files are absent).
    private(set) var knowledgeBaseAliases = 0

    static let knowledgeBaseFiles = ["countries.tsv", "places.tsv", "people.tsv", "organizations.tsv"]

    /// The lists from the resource folder; a missing file just leaves its class empty.
    static func fromResources() -> NERLexicon {
        var lexicon = NERLexicon()
        let lists: [(String, PhraseClass)] = [
            ("ner/titles.txt", .title), ("ner/org_triggers.txt", .organizationTrigger),
            ("ner/loc_triggers.txt", .placeTrigger), ("ner/first_names.txt", .firstName),
            ("ner/particles.txt", .nameParticle), ("ner/misc_triggers.txt", .miscTrigger),
            ("ner/cldr_cities.txt", .city),
        ]
        for (file, phraseClass) in lists {
            for row in NERLexicon.rows(file) {
                lexicon.matcher.add(text: row[0], mask: 1 << UInt64(phraseClass.rawValue))
            }
        }
        for file in knowledgeBaseFiles {
            for row in NERLexicon.rows("kb/" + file) where row.count >= 3 {
                guard let phraseClass = knowledgeBaseClass(row[1]) else { continue }
                var aliases = [row[2]]
                if row.count >= 6 { aliases += row[5].split(separator: "|").map(String.init) }
                for alias in aliases where !alias.isEmpty {
                    lexicon.matcher.add(text: alias, mask: 1 << UInt64(phraseClass.rawValue))
                    lexicon.knowledgeBaseAliases += 1
                }
            }
        }
        // Nationality adjectives ("الفرنسي", "الأمريكية"): country_id <TAB> forms separated by |.
        for row in NERLexicon.rows("kb/nationalities.tsv") where row.count >= 2 {
            for form in row[1].split(separator: "|") where !form.isEmpty {
                lexicon.matcher.add(text: String(form), mask: 1 << UInt64(PhraseClass.nationality.rawValue))
            }
        }
        return lexicon
    }

    /// Tab-separated rows of a resource (`ResourceStore.rows`); none if it is absent.
    static func rows(_ relativePath: String) -> [[String]] {
        (try? ResourceStore.rows(relativePath)) ?? []
    }

    static func knowledgeBaseClass(_ type: String) -> PhraseClass? {
        switch type {
        case "PERSON", "PERS": return .kbPerson
        case "GPE", "LOC": return .kbPlace
        case "ORG": return .kbOrganization
        default: return nil
        }
    }

    static func trainClass(_ entityType: String) -> PhraseClass? {
        switch entityType {
        case "PERS": return .trainPerson
        case "LOC": return .trainPlace
        case "ORG": return .trainOrganization
        case "MISC": return .trainMisc
        default: return nil
        }
    }

    /// A matcher of the entity phrases of tagged sentences (the tagger's own name list, learned from training
    /// data and stored in the model).
    static func nameMatcher(sentences: [(tokens: [String], tags: [String])]) -> PhraseMatcher {
        var matcher = PhraseMatcher()
        for sentence in sentences {
            for chunk in ChunkScorer.chunks(sentence.tags) {
                guard let phraseClass = trainClass(chunk.type), chunk.end - chunk.start <= PhraseMatcher.maximumLength else { continue }
                let text = sentence.tokens[chunk.start..<chunk.end].joined(separator: " ")
                matcher.add(text: text, mask: 1 << UInt64(phraseClass.rawValue))
            }
        }
        return matcher
    }
}
