/// The side an attack hit, read from what of it was hit: "قصفت المدفعية مواقع التنظيم"، "دك معاقل تنظيم «بيت
/// المقدس»"، "دمرت الطائرات عددا من مواقع داعش"، "مواقع عسكرية للحوثيين". The name after such a noun is never
/// the attacker, though it stands where a verbal noun's doer or a verb's subject would.
extension ArgumentFinder {
    /// Nouns of positions, gatherings, columns and gear (`events/position_nouns.tsv`).
    static let positionNouns = PhraseLexicon.resource("events/position_nouns.tsv")

    /// Whether the name is the owner of a position noun right before it: in its genitive ("مواقع التنظيم"; quote
    /// marks may stand between, "معاقل «داعش»"), or under a glued "ل" after it or after one adjective of it
    /// ("مواقع للحوثيين"، "مواقع عسكرية للحوثيين").
    func ownsPositions(_ m: EntityMention) -> Bool {
        var k = m.tokens.lowerBound - 1
        while k >= 0, nameQuotes.contains(k) { k -= 1 }
        guard k >= 0 else { return false }
        if isPositionNoun(k) { return true }
        // "ل" glued to the name (not to a title before it): one adjective may stand between.
        guard preposition(before: m) == "ل", titleBefore[m.tokens.lowerBound] == nil,
              doc.tokens[k].isWord, !doc.inMention(k), k >= 1 else { return false }
        let word = doc.tokens[k].norm
        return (word.hasSuffix("يه") || word.hasSuffix("ي")) && isPositionNoun(k - 1)
    }

    private func isPositionNoun(_ k: Int) -> Bool {
        let token = doc.tokens[k]
        return token.isWord && !doc.inMention(k) && !Self.hasArticle(token.norm) && Self.positionNouns.contains(token: token)
    }

    /// Place nouns in construct (`lexicon/headed_places.tsv`).
    static let placeHeads = HeadedPlaces()

    /// "في كمين للمقاومة بمحافظة إب"، "وبمدينة تعز": a place after a place noun that carries "ب" is where the attack
    /// took place, no side of it.
    func isHeadedWhere(_ m: EntityMention) -> Bool {
        let k = m.tokens.lowerBound - 1
        guard k >= 0, isPlace(m), doc.tokens[k].isWord, !doc.inMention(k) else { return false }
        var word = doc.tokens[k].norm
        if word.hasPrefix("و") { word.removeFirst() }
        guard word.hasPrefix("ب") else { return false }
        word.removeFirst()
        return Self.placeHeads.headKeys[TokenKey.of(word)] != nil
    }

    /// Nouns of fighting (`events/classes.tsv` class `fight`).
    static let fightNouns: Set<String> = EventStage.wordClasses["fight"] ?? []
    /// What puts a fight before the act it led to ("بعد معارك"، "إثر اشتباكات").
    static let afterWords = keys(["بعد", "عقب", "إثر", "اثر"])

    /// "سيطرت القوات أمس على منطقة ... بعد معارك ضارية مع تنظيم داعش": the side a seizure's subject fought before it,
    /// named after "مع" (`fightWith`) past a fight noun after "بعد", up to twenty words on in the clause, is the one
    /// the ground was taken from.
    func foeBeforeSeizure(from start: Int, in sentence: Range<Int>) -> EntityMention? {
        var k = start
        while k + 1 < min(sentence.upperBound, start + 20) {
            let token = doc.tokens[k]
            if token.kind == .punct, token.norm != "،", token.norm != "," { return nil }
            if token.isWord, Self.afterWords.contains(token.norm), Proclitics.hasStem(doc.tokens[k + 1], in: Self.fightNouns),
               fightWith(after: (k + 1)..<(k + 2), in: sentence) {
                return actors.first { $0.tokens.lowerBound > k + 1 && $0.tokens.lowerBound <= k + 6
                    && preposition(before: $0, floor: k + 2) == Self.with }
            }
            k += 1
        }
        return nil
    }

    /// Knowledge-base kinds and institutions that fight (`events/armed_bodies.tsv`).
    static let armedBodies: (kinds: Set<String>, institutions: Set<String>) = {
        var kinds: Set<String> = [], institutions: Set<String> = []
        for row in (try? ResourceStore.rows("events/armed_bodies.tsv")) ?? [] where row.count >= 2 {
            if row[0] == "kind" { kinds.insert(row[1]) } else if row[0] == "institution" { institutions.insert(row[1]) }
        }
        return (kinds, institutions)
    }()

    /// Whether the party is an armed body: an armed group, army or security force of the knowledge base, a state's
    /// army or police ("الجيش العراقي"), or forces keyed by the person they answer to ("قوات صالح").
    func isArmedBody(_ ref: EntityRef) -> Bool {
        switch ref {
        case .kb(let id):
            return kb.entity(id).map { Self.armedBodies.kinds.contains($0.kind.rawValue) } ?? false
        case .name(_, let key):
            let parts = key.split(separator: "@")
            return parts.count == 2 && Self.armedBodies.institutions.contains(String(parts[0]))
        }
    }

    /// "أعلن الجيش مقتل 20 من مسلحي X في اشتباكات": the speaker of the sentence's statement told before the attack
    /// noun (what it says or announces holds the noun), when it is an armed body and the attack counts its enemy's dead (`casualties`, someone else): it fought.
    func announcingSide(of trigger: Range<Int>, in sentence: Range<Int>, earlier: [EventMention]) -> EventMention.Participant? {
        guard let outer = earlier.last(where: { $0.type == .statement }),
              let speaker = outer.participants.first(where: { $0.role == .actor }), isArmedBody(speaker.ref),
              casualties(of: trigger, in: sentence).contains(where: { $0.ref != speaker.ref }) else { return nil }
        return speaker
    }

    /// Whether a backing word (`events/backing_words.tsv`: "بمساعدة"، "بدعم من") ends right before the attack noun:
    /// the strikes back the act told before it.
    func backsEarlierAct(_ trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        (max(sentence.lowerBound, trigger.lowerBound - 2)..<trigger.lowerBound).contains { k in
            Self.backingWords.match(doc.tokens, at: k, limit: trigger.lowerBound)?.tokens.upperBound == trigger.lowerBound
        }
    }
}
