import Foundation

/// A learned confidence for every event mention: an averaged perceptron (`Perceptron`, the tagger's, over two
/// tags) scores the features of the event the rules found — its type, trigger, modality, what arguments were
/// found and how far, the words around the trigger — and a logistic curve fitted on out-of-fold scores turns the
/// score into a probability that the event is one the codebook admits with the right actor
/// (`../shared/docs/event-guidelines.md`). Trained by `rasd train-events` (`EventConfidenceTrainer`); the model
/// is `Resources/events/confidence.model` (`EventConfidenceModel`).
///
/// The event stage calls `score(_:in:)` once, on the events of a document; nothing is dropped there: the
/// threshold (`Analyzer.Options.minConfidence`) applies when the collection is resolved, so stored records keep
/// every event with its confidence.
package struct EventConfidence: Sendable {
    package let model: EventConfidenceModel?
    /// Word → cue class (negation, condition, call, source), from `events/confidence_cues.tsv`.
    let cues: [String: String]

    package init(model: EventConfidenceModel?) {
        self.model = model
        var cues: [String: String] = [:]
        for row in (try? ResourceStore.rows("events/confidence_cues.tsv")) ?? [] where row.count >= 2 {
            cues[ArabicNormalizer.shared.key(row[0])] = row[1]
        }
        self.cues = cues
    }

    /// The shipped model, read once on first use; nil (no confidences) when the file is missing or was made for
    /// other features.
    package static let bundled: EventConfidence = {
        let model = (try? Data(contentsOf: ResourceStore.url(EventConfidenceModel.resource))).flatMap { try? EventConfidenceModel(data: $0) }
        return EventConfidence(model: model)
    }()

    /// Sets `confidence` on each event of the document (left nil without a model).
    package func score(_ events: inout [EventMention], in doc: Document) {
        guard let model else { return }
        let all = events
        for i in events.indices {
            let names = featureNames(all[i], in: doc, all: all)
            let features = names.map(Self.hash)
            let p = (model.probability(features) * 1000).rounded() / 1000
            events[i].confidence = p
            if Provenance.isRecording {
                let top = model.strongest(features, names: names, count: 3)
                events[i].provenance.add("confidence \(p): " + top.map { "\($0.name) \($0.weight >= 0 ? "+" : "")\(String(format: "%.2f", $0.weight))" }.joined(separator: ", "))
            }
        }
    }

    /// The merged event's confidence: the noisy-or of its mentions' (each report is further evidence that the
    /// act took place); nil when no mention has one.
    package static func combined(_ values: [Double?]) -> Double? {
        let known = values.compactMap { $0 }
        guard !known.isEmpty else { return nil }
        let p = 1 - known.reduce(1) { $0 * (1 - $1) }
        return (p * 1000).rounded() / 1000
    }

    // MARK: Features

    /// Feature hashes of one event (see `featureNames` for what they say).
    package func features(_ e: EventMention, in doc: Document, all: [EventMention]) -> [UInt64] {
        featureNames(e, in: doc, all: all).map(Self.hash)
    }

    static func hash(_ name: String) -> UInt64 { FeatureHash.scalars(name.unicodeScalars.map(\.value)) }

    /// The features as readable strings: "name=value". Kept as strings (a few dozen per event, a few events per
    /// article) so that `--explain` can show them; hashed for the model.
    package func featureNames(_ e: EventMention, in doc: Document, all: [EventMention]) -> [String] {
        let type = e.type.rawValue
        var f = ["bias", "type=\(type)", "modality=\(e.modality.rawValue)", "type+modality=\(type)+\(e.modality.rawValue)"]
        let t = doc.firstToken(startingAtOrAfter: e.triggerStart)
        guard t < doc.tokens.count else { return f }
        let sentence = doc.sentences.indices.contains(e.sentence) ? doc.sentences[e.sentence]
            : (doc.sentences.first { $0.contains(t) } ?? t..<(t + 1))
        let word = doc.tokens[t].norm
        // The trigger without its proclitics (the longest reading that keeps three letters) and its shape.
        let readings = Proclitics.candidates(doc.tokens[t])
        let best = readings.filter { $0.stem.unicodeScalars.count >= 3 }.max { $0.prefix < $1.prefix } ?? readings[0]
        let stem = best.stem
        f += ["stem=\(stem)", "type+stem=\(type)+\(stem)"]
        let article = stem.hasPrefix("ال") || word.hasPrefix("لل")
        let first = stem.unicodeScalars.first.map { String($0) } ?? ""
        let shape = article ? "definite" : (["ي", "ت", "ن"].contains(first) ? "imperfect" : (best.prefix > 0 && word.hasPrefix("س") ? "future" : "plain"))
        f += ["shape=\(shape)", "type+shape=\(type)+\(shape)", "multiword=\(e.triggerEnd > doc.tokens[t].end)"]
        // Arguments.
        let actors = e.participants.filter { $0.role == .actor }
        let others = e.participants.filter { $0.role != .actor }
        f.append("actors=\(min(actors.count, 2))")
        f.append("others=\(min(others.count, 2))")
        f.append("type+actor=\(type)+\(!actors.isEmpty)")
        f.append("type+others=\(type)+\(!others.isEmpty)")
        f.append("place=\(e.place != nil)")
        f.append("type+place=\(type)+\(e.place != nil)")
        if let actor = actors.first {
            // The actor's nearest mention in the document, and how far from the trigger it stands.
            let near = doc.mentions.filter { $0.ref == actor.ref }.min { abs($0.tokens.lowerBound - t) < abs($1.tokens.lowerBound - t) }
            if let m = near {
                f.append("actor.type=\(m.type.rawValue)")
                f.append("type+actor.type=\(type)+\(m.type.rawValue)")
                f.append("actor.origin=\(m.origin.rawValue)")
                let d = m.tokens.lowerBound - t
                let bucket = d < -8 ? "far-before" : d < -3 ? "before" : d < 0 ? "just-before" : d <= 3 ? "just-after" : d <= 8 ? "after" : "far-after"
                f.append("actor.distance=\(sentence.contains(m.tokens.lowerBound) ? bucket : "other-sentence")")
                f.append("type+actor.distance=\(type)+\(bucket)")
            } else {
                f.append("actor.mention=none")
            }
            f.append("actor.kb=\(actor.ref.kbId != nil)")
        }
        f.append("attribution=\(e.attribution != nil)")
        f.append("date=\(e.dateBasis?.rawValue ?? "none")")
        f.append("quantities=\(!e.quantities.isEmpty)")
        f.append("genre=\(doc.genre?.rawValue ?? "news")")
        // Inside a direct quote: the speaker's words, not the report.
        let inQuote = doc.quotes.contains { $0.direct && $0.start <= e.triggerStart && e.triggerEnd <= $0.end }
        f.append("quoted=\(inQuote)")
        // Where the trigger stands in its sentence, and the sentence's length.
        let position = t - sentence.lowerBound
        f.append("position=\(position == 0 ? "first" : position <= 3 ? "early" : position <= 10 ? "middle" : "late")")
        let length = sentence.count
        f.append("length=\(length <= 8 ? "short" : length <= 25 ? "medium" : "long")")
        f.append("headline=\(doc.title.map { !$0.isEmpty && $0.contains(e.trigger) } ?? false)")
        // Events of the same sentence: an event inside another's clause, or one of several.
        let sameSentence = all.filter { $0.sentence == e.sentence }.count
        f.append("sentence.events=\(min(sameSentence, 3))")
        // The words around the trigger, and the cues among them.
        func norm(_ k: Int) -> String? { sentence.contains(k) && doc.tokens[k].isWord ? doc.tokens[k].norm : nil }
        if let w = norm(t - 1) { f.append("prev=\(w)") } else { f.append("prev=<none>") }
        let after = doc.firstToken(startingAtOrAfter: e.triggerEnd)
        if let w = norm(after) { f.append("next=\(w)"); f.append("type+next=\(type)+\(w)") } else { f.append("next=<none>") }
        var seen = Set<String>()
        for k in max(sentence.lowerBound, t - 3)..<t {
            if let c = cue(doc.tokens[k].norm), seen.insert("near.\(c)").inserted { f.append("near.\(c)") }
        }
        for k in sentence.lowerBound..<max(sentence.lowerBound, t - 3) {
            if let c = cue(doc.tokens[k].norm), seen.insert("before.\(c)").inserted { f.append("before.\(c)") }
        }
        for k in after..<max(after, min(sentence.upperBound, after + 4)) {
            if let c = cue(doc.tokens[k].norm), seen.insert("after.\(c)").inserted { f.append("after.\(c)") }
        }
        if sentence.contains(where: { doc.tokens[$0].norm == "؟" || doc.tokens[$0].norm == "?" }) { f.append("question") }
        return f
    }

    /// The cue class of a word, read with and without its conjunction (و ف).
    func cue(_ word: String) -> String? {
        if let c = cues[word] { return c }
        if let head = word.unicodeScalars.first, head == "و" || head == "ف" {
            return cues[String(String.UnicodeScalarView(word.unicodeScalars.dropFirst()))]
        }
        return nil
    }
}
