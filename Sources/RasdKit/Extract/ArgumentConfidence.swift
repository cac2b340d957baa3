import Foundation

/// A learned confidence for every participant of an event report: the same averaged perceptron and logistic
/// curve as `EventConfidence`, over the features of the argument — its role and the event's type, the mention
/// it was read from (type, how it was found, a knowledge-base entry or not), where that mention stands from the
/// trigger (direction, distance, other names in between, the same sentence or an earlier one), the word or
/// clitic before it (مع، إلى، على، ب، ل …) and the word after it. Its probability says how likely the annotation
/// of the codebook (`../shared/docs/event-guidelines.md`) names that party in that event. Trained by
/// `rasd train-events` with the event model (`EventConfidenceTrainer.argumentExamples`); the model is
/// `Resources/events/argument_confidence.model`.
package struct ArgumentConfidence: Sendable {
    package let model: EventConfidenceModel?

    package init(model: EventConfidenceModel?) {
        self.model = model
    }

    /// The shipped model, read once; nil (no argument confidences) when the file is missing or stale.
    package static let bundled: ArgumentConfidence = {
        let kind = EventConfidenceModel.Kind.argument
        let model = (try? Data(contentsOf: ResourceStore.url(kind.resource))).flatMap { try? EventConfidenceModel(data: $0, kind: kind) }
        return ArgumentConfidence(model: model)
    }()

    /// Sets `confidence` on each participant of each event of the document (left nil without a model).
    package func score(_ events: inout [EventMention], in doc: Document) {
        guard let model else { return }
        for i in events.indices {
            for k in events[i].participants.indices {
                let names = featureNames(k, of: events[i], in: doc)
                let p = model.probability(names.map(EventConfidence.hash))
                events[i].participants[k].confidence = (p * 1000).rounded() / 1000
            }
        }
    }

    /// The mention a participant was read from: one of its entity's mentions with its text, the nearest to the
    /// trigger (in the trigger's sentence when there is one); any mention of the entity when none has the text.
    static func mention(of p: EventMention.Participant, near trigger: Int, in doc: Document) -> EntityMention? {
        let same = doc.mentions.filter { $0.ref == p.ref }
        let written = same.filter { $0.text == p.text }
        return (written.isEmpty ? same : written).min { abs($0.tokens.lowerBound - trigger) < abs($1.tokens.lowerBound - trigger) }
    }

    /// The features of participant `k` of event `e`, as readable strings ("name=value"), hashed for the model.
    package func featureNames(_ k: Int, of e: EventMention, in doc: Document) -> [String] {
        let p = e.participants[k]
        let type = e.type.rawValue, role = p.role.rawValue
        var f = ["bias", "role=\(role)", "type+role=\(type)+\(role)", "kb=\(p.ref.kbId != nil)",
                 "index=\(min(k, 2))", "count=\(min(e.participants.count, 3))"]
        let t = doc.firstToken(startingAtOrAfter: e.triggerStart)
        guard t < doc.tokens.count, let m = Self.mention(of: p, near: t, in: doc) else {
            f.append("mention=none")
            return f
        }
        let sentence = doc.sentences.indices.contains(e.sentence) ? doc.sentences[e.sentence]
            : (doc.sentences.first { $0.contains(t) } ?? t..<(t + 1))
        f += ["entity=\(m.type.rawValue)", "role+entity=\(role)+\(m.type.rawValue)", "origin=\(m.origin.rawValue)",
              "type+role+entity=\(type)+\(role)+\(m.type.rawValue)"]
        let at = m.tokens.lowerBound
        guard sentence.contains(at) else {
            f += ["where=other-sentence", "role+where=\(role)+other-sentence"]
            return f
        }
        let d = at - t
        let bucket = d < -8 ? "far-before" : d < -3 ? "before" : d < 0 ? "just-before" : d <= 1 ? "next" : d <= 4 ? "after" : d <= 10 ? "later" : "far-after"
        f += ["where=\(bucket)", "role+where=\(role)+\(bucket)", "type+role+where=\(type)+\(role)+\(bucket)"]
        // Other names between the trigger and this one: the first name after a verb is its subject (VSO).
        let (lo, hi) = d < 0 ? (m.tokens.upperBound, t) : (doc.firstToken(startingAtOrAfter: e.triggerEnd), at)
        let between = doc.mentions.filter { $0.ref != p.ref && $0.tokens.lowerBound >= lo && $0.tokens.upperBound <= hi }.count
        f += ["between=\(min(between, 2))", "role+between=\(role)+\(min(between, 2))",
              "role+dir+between=\(role)+\(d < 0)+\(min(between, 2))"]
        // The clitic on the name's own word (بـ، لـ، و) and the word before it (a preposition, a title).
        let word = doc.tokens[at].norm, head = ArabicNormalizer.shared.key(m.text).split(separator: " ").first.map(String.init) ?? ""
        let (w, h) = (word.unicodeScalars, head.unicodeScalars)
        if w.count > h.count, word.hasSuffix(head) {
            let clitic = String(String.UnicodeScalarView(w.dropLast(h.count)))
            f += ["clitic=\(clitic)", "role+clitic=\(role)+\(clitic)"]
        }
        if sentence.contains(at - 1), doc.tokens[at - 1].isWord {
            let prev = doc.tokens[at - 1].norm
            f += ["prev=\(prev)", "role+prev=\(role)+\(prev)", "type+role+prev=\(type)+\(role)+\(prev)"]
        } else {
            f.append("prev=<none>")
        }
        let after = m.tokens.upperBound
        if sentence.contains(after), doc.tokens[after].isWord { f.append("role+next=\(role)+\(doc.tokens[after].norm)") }
        let quoted = doc.quotes.contains { $0.direct && $0.start <= m.start && m.end <= $0.end }
        f.append("quoted=\(quoted)")
        return f
    }
}
