import Foundation

/// Trains the event-confidence model (`EventConfidence`) from events annotated by the codebook
/// (`../shared/docs/event-guidelines.md`): the rule-based event stage runs over each annotated text, every event
/// it reports is labelled right (an annotated event of that type on that trigger, with that actor) or wrong,
/// and an averaged perceptron learns to tell them apart. The sources (`Resources/events/training/README.md`):
/// - ANERCorp sentences, annotated by sentence number and token offsets (`anercorp_events.tsv`; the text is read
///   from the corpus, never stored);
/// - sentences written for the project (`written_sentences.tsv`, `written_events.tsv`);
/// - the seed articles, labelled from their reference file (events by document, type and participants).
package struct EventConfidenceTrainer {
    package struct Options {
        package var epochs = 10
        package var folds = 5
        package var seed: UInt64 = 7
        package init() {}
    }

    /// One event the rules reported, its features and whether the annotation admits it.
    package struct Example {
        package var features: [UInt64]
        package var correct: Bool
        /// Sentence or article it came from (cross-validation keeps a group in one fold).
        package var group: String
        package var type: EventType
        /// "TYPE «trigger» actor «text»", for reading the labels (`rasd train-events --labels`).
        package var summary = ""
    }

    /// An annotated event (a row of the annotation files).
    struct Annotation {
        var sentence: String
        var triggers: Set<Int>
        var type: EventType?
        /// Token spans, any of which may be the actor; nil: "?" (the party is outside the sentence).
        var actors: [Range<Int>]?
        /// Token spans of the other participants and of the place (which the scorer counts among an event's parties).
        var others: [Range<Int>] = []
        var status: String
    }

    /// The examples of both models, from one pass of the rules over the training texts.
    package struct Examples {
        /// One per event report (`EventConfidence`).
        package var events: [Example] = []
        /// One per participant of a report that matches an annotated event (`ArgumentConfidence`).
        package var arguments: [Example] = []

        package static func += (lhs: inout Examples, rhs: Examples) {
            lhs.events += rhs.events
            lhs.arguments += rhs.arguments
        }
    }

    package var options = Options()
    package var progress: (String) -> Void = { _ in }
    let analyzer: Analyzer
    let confidence = EventConfidence(model: nil)
    let argumentConfidence = ArgumentConfidence(model: nil)

    package init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    // MARK: Reading the sources

    /// "3", "3:6", "3:6|9": token spans; "-" none.
    static func spans(_ field: String) -> [Range<Int>] {
        guard field != "-" && field != "?" else { return [] }
        return field.split(separator: "|").compactMap { part in
            let bounds = part.split(separator: ":").compactMap { Int($0) }
            if bounds.count == 1 { return bounds[0]..<(bounds[0] + 1) }
            if bounds.count == 2, bounds[0] < bounds[1] { return bounds[0]..<bounds[1] }
            return nil
        }
    }

    static func annotations(_ rows: [[String]]) -> [String: [Annotation]] {
        var out: [String: [Annotation]] = [:]
        for row in rows where row.count >= 7 {
            let triggers = Set(row[1].split(separator: ",").compactMap { Int($0) })
            let others = (row[4] + ";" + row[5]).split(separator: ";").flatMap { spans(String($0)) }
            let a = Annotation(sentence: row[0], triggers: triggers, type: EventType(rawValue: row[2]),
                               actors: row[3] == "?" ? nil : spans(row[3]), others: others, status: row[6])
            out[row[0], default: []].append(a)
        }
        return out
    }

    /// A text made of tokens joined by single spaces, and each token's scalar span in it.
    static func joined(_ tokens: [String]) -> (text: String, spans: [Range<Int>]) {
        var text = "", spans: [Range<Int>] = [], at = 0
        for (i, token) in tokens.enumerated() {
            if i > 0 { text += " "; at += 1 }
            let n = token.unicodeScalars.count
            spans.append(at..<(at + n))
            text += token
            at += n
        }
        return (text, spans)
    }

    /// The tokens (of the annotation) that a scalar span of the text overlaps.
    static func tokens(_ range: Range<Int>, _ spans: [Range<Int>]) -> Set<Int> {
        Set(spans.indices.filter { spans[$0].overlaps(range) })
    }

    /// Labels the events the rules report on one annotated sentence: true, false, or nil (left out: an optional
    /// event, or one whose actor stands outside the sentence).
    func label(_ e: EventMention, doc: Document, spans: [Range<Int>], annotated: [Annotation]) -> Bool? {
        guard let a = Self.annotation(of: e, spans: spans, annotated) else { return false }
        switch a.status {
        case "event", "planned":
            guard let actors = a.actors else { return nil }
            let found = e.participants.filter { $0.role == .actor }.flatMap { p in doc.mentions.filter { $0.ref == p.ref } }
            let at = found.reduce(into: Set<Int>()) { $0.formUnion(Self.tokens($1.start..<$1.end, spans)) }
            return actors.contains { !at.isDisjoint(with: Set($0)) }
        case "optional": return nil
        default: return false
        }
    }

    /// The annotated event a reported one stands for: the same type, on an overlapping trigger.
    static func annotation(of e: EventMention, spans: [Range<Int>], _ annotated: [Annotation]) -> Annotation? {
        let trigger = tokens(e.triggerStart..<e.triggerEnd, spans)
        return annotated.first { $0.type == e.type && !$0.triggers.isDisjoint(with: trigger) }
    }

    /// Labels the participants of an event the rules report on one annotated sentence, when the event is one the
    /// annotation admits (else their rightness is not defined). A participant is right when the mention it was
    /// read from overlaps an annotated party in its role: the actor as actor; another participant or the place
    /// (which the scorer counts among an event's parties) as target or counterpart; either, for the types whose
    /// sides act alike (`ArgumentFinder.symmetric`). A receiver given as the supplier is wrong. An actor the
    /// annotation puts outside the sentence ("?") leaves the rules' actor unlabelled.
    func argumentLabels(_ e: EventMention, doc: Document, spans: [Range<Int>], annotated: [Annotation]) -> [(index: Int, correct: Bool)] {
        guard let a = Self.annotation(of: e, spans: spans, annotated), a.status == "event" || a.status == "planned" else { return [] }
        let t = doc.firstToken(startingAtOrAfter: e.triggerStart)
        let symmetric = ArgumentFinder.symmetric.contains(e.type)
        return e.participants.indices.compactMap { k in
            let p = e.participants[k]
            if p.role == .actor, a.actors == nil, !symmetric { return nil }
            guard let m = ArgumentConfidence.mention(of: p, near: t, in: doc) else { return (k, false) }
            let at = Self.tokens(m.start..<m.end, spans)
            func hits(_ list: [Range<Int>]) -> Bool { list.contains { !at.isDisjoint(with: Set($0)) } }
            let asActor = hits(a.actors ?? []), asOther = hits(a.others)
            return (k, symmetric ? asActor || asOther : p.role == .actor ? asActor : asOther)
        }
    }

    /// Examples from sentences given as tokens, with their annotations.
    func examples(_ sentences: [(id: String, tokens: [String])], _ annotations: [String: [Annotation]]) -> Examples {
        var out = Examples()
        for (n, s) in sentences.enumerated() {
            guard let annotated = annotations[s.id] else { continue }
            let (text, spans) = Self.joined(s.tokens)
            let article = SourceArticle(id: "train-\(s.id)", text: text, origin: "training")
            for doc in analyzer.process(article) where doc.parent == nil {
                for e in doc.events {
                    for (k, correct) in argumentLabels(e, doc: doc, spans: spans, annotated: annotated) {
                        out.arguments.append(argumentExample(k, of: e, in: doc, correct: correct, group: s.id))
                    }
                    guard let correct = label(e, doc: doc, spans: spans, annotated: annotated) else { continue }
                    out.events.append(Example(features: confidence.features(e, in: doc, all: doc.events), correct: correct,
                                              group: s.id, type: e.type, summary: Self.summary(e)))
                }
            }
            if (n + 1) % 50 == 0 { progress("  \(n + 1)/\(sentences.count) sentences, \(out.events.count) events") }
        }
        return out
    }

    func argumentExample(_ k: Int, of e: EventMention, in doc: Document, correct: Bool, group: String) -> Example {
        let p = e.participants[k]
        return Example(features: argumentConfidence.featureNames(k, of: e, in: doc).map(EventConfidence.hash), correct: correct,
                       group: group, type: e.type, summary: "\(p.role.rawValue) «\(p.text)» of \(Self.summary(e))")
    }

    /// ANERCorp's annotated sentences (by number, as `CoNLLCorpus` splits them).
    package func anercorpExamples(conll: URL) throws -> Examples {
        let corpus = try CoNLLCorpus(contentsOf: conll)
        let annotations = Self.annotations(try ResourceStore.rows("events/training/anercorp_events.tsv"))
        let sentences = annotations.keys.compactMap(Int.init).sorted().compactMap { k -> (id: String, tokens: [String])? in
            k < corpus.sentences.count ? (String(k), corpus.sentence(k).tokens) : nil
        }
        progress("ANERCorp: \(sentences.count) annotated sentences")
        return examples(sentences, annotations)
    }

    /// The sentences written for the project.
    package func writtenExamples() throws -> Examples {
        let rows = try ResourceStore.rows("events/training/written_sentences.tsv")
        let sentences = rows.filter { $0.count >= 2 }.map { (id: $0[0], tokens: $0[1].split(separator: " ").map(String.init)) }
        let annotations = Self.annotations(try ResourceStore.rows("events/training/written_events.tsv"))
        progress("written: \(sentences.count) sentences")
        return examples(sentences, annotations)
    }

    /// The seed articles, labelled from their exhaustive reference file: an event is right when the reference
    /// lists an event of its type in its article whose participants include its actor (by the mention texts the
    /// reference gives for that entity); optional reference events are left out.
    package func seedExamples(folder: String, meta: String?, reference: URL) throws -> Examples {
        let data = try Data(contentsOf: reference)
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let events = json["events"] as? [[String: Any]], let entities = json["entities"] as? [[String: Any]] else {
            throw EventConfidenceModel.FormatError(message: "cannot read the reference file \(reference.path)")
        }
        let key = { (s: String) in ArabicNormalizer.shared.key(s) }
        var names: [String: Set<String>] = [:]
        for e in entities {
            guard let k = e["key"] as? String else { continue }
            for m in (e["mentions"] as? [[String]]) ?? [] where m.count == 2 { names[k, default: []].insert(key(m[1])) }
        }
        // Participants' names in an article: as reported, and every mention of their entities and, for a capital or
        // seat of power, of its state ("بيونغ يانغ" for North Korea), as the scorer codes them.
        func written(_ participants: [EventMention.Participant], in doc: Document) -> Set<String> {
            var refs = Set(participants.map(\.ref))
            for r in refs {
                if let id = r.kbId, let entity = analyzer.kb.entity(id), entity.kind == .capital || entity.kind == .seat,
                   let country = entity.country { refs.insert(.kb(country)) }
            }
            return Set(participants.map { key($0.text) }).union(doc.mentions.filter { refs.contains($0.ref) }.map { key($0.text) })
        }
        // Whether a listed event names one of these names among its participants (a name may be the other's last words).
        func named(_ own: Set<String>, among listedEvent: [String: Any]) -> Bool {
            let parts = ((listedEvent["participants"] as? [String]) ?? []).flatMap { p in p.split(separator: "|").map(String.init) }
            let texts = parts.reduce(into: Set<String>()) { $0.formUnion(names[$1] ?? []) }
            return own.contains { a in texts.contains { $0 == a || $0.hasSuffix(" " + a) || a.hasSuffix(" " + $0) } }
        }
        let metadata = meta.map { ArticleMetadata.load(path: $0).entries } ?? [:]
        let collector = InputCollector(excluded: Set([meta].compactMap { $0 }))
        var out = Examples()
        for file in collector.files(in: [folder]).files {
            for var article in collector.read(file: file).articles {
                if let m = metadata[article.id] { article = m.applied(to: article) }
                for doc in analyzer.process(article) where doc.parent == nil {
                    let listed = events.filter { (($0["docs"] as? [String]) ?? []).contains(doc.id) }
                    for e in doc.events {
                        let actors = written(e.participants.filter { $0.role == .actor }, in: doc)
                        let same = listed.filter { $0["type"] as? String == e.type.rawValue }
                        let match = same.first { named(actors, among: $0) }
                        if match?["optional"] as? Bool == true { continue }
                        out.events.append(Example(features: confidence.features(e, in: doc, all: doc.events), correct: match != nil,
                                                  group: doc.id, type: e.type, summary: Self.summary(e)))
                        // The participants of a listed event: right when the listed event names them.
                        guard let match else { continue }
                        for (k, p) in e.participants.enumerated() {
                            out.arguments.append(argumentExample(k, of: e, in: doc, correct: named(written([p], in: doc), among: match),
                                                                 group: doc.id))
                        }
                    }
                }
            }
        }
        progress("seeds: \(out.events.count) events, \(out.events.filter(\.correct).count) right")
        return out
    }

    static func summary(_ e: EventMention) -> String {
        let actor = e.participants.first { $0.role == .actor }?.text ?? "-"
        return "\(e.type.rawValue) «\(e.trigger)» actor «\(actor)» \(e.modality.rawValue)"
    }

    // MARK: Training

    /// Averaged perceptron over two tags on the examples: the weights (tag "event" minus tag "no"), the bias.
    func fit(_ examples: [Example]) -> (weights: [UInt64: Float], bias: Float) {
        var index: [UInt64: Int32] = [:]
        var hashes: [UInt64] = []
        var data: [Encoded] = []
        for ex in examples {
            var e = Encoded(gold: [ex.correct ? 1 : 0])
            for h in Set(ex.features).sorted() {   // sorted: the same sums, in the same order, in every run
                let i = index[h] ?? { let i = Int32(hashes.count); index[h] = i; hashes.append(h); return i }()
                e.features.append(i)
            }
            e.starts.append(Int32(e.features.count))
            data.append(e)
        }
        var perceptron = Perceptron(featureCount: max(1, hashes.count), tags: ["O", "B-EVENT"])
        var rng = SplitMix(seed: options.seed)
        var order = Array(data.indices)
        for _ in 0..<options.epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            for i in order { _ = perceptron.learn(data[i]) }
        }
        let averaged = perceptron.averaged()
        var weights: [UInt64: Float] = [:]
        for (i, h) in hashes.enumerated() { weights[h] = averaged.weights[2 * i + 1] - averaged.weights[2 * i] }
        // The start row of the transitions is the bias of a one-token sequence.
        let bias = averaged.transitions[2 * 2 + 1] - averaged.transitions[2 * 2]
        return (weights, bias)
    }

    static func score(_ features: [UInt64], _ model: (weights: [UInt64: Float], bias: Float)) -> Float {
        Set(features).sorted().reduce(model.bias) { $0 + (model.weights[$1] ?? 0) }
    }

    /// Out-of-fold scores: each group's examples scored by a model trained without that group's fold.
    package func crossValidated(_ examples: [Example]) -> [Float] {
        var fold: [String: Int] = [:]
        for g in Array(Set(examples.map(\.group))).sorted() {
            fold[g] = Int(FeatureHash.scalars(g.unicodeScalars.map(\.value)) % UInt64(options.folds))
        }
        var scores = [Float](repeating: 0, count: examples.count)
        for k in 0..<options.folds {
            let train = examples.filter { fold[$0.group] != k }
            let model = fit(train)
            for (i, ex) in examples.enumerated() where fold[ex.group] == k { scores[i] = Self.score(ex.features, model) }
            progress("  fold \(k + 1)/\(options.folds): trained on \(train.count) events")
        }
        return scores
    }

    /// Logistic regression of the label on the score (Platt scaling): a and b of 1 / (1 + exp(-(a·s + b))).
    static func platt(_ scores: [Float], _ labels: [Bool]) -> (a: Float, b: Float) {
        // Targets smoothed as Platt suggests, so that a separable set gives no infinite slope.
        let positives = Double(labels.filter { $0 }.count), negatives = Double(labels.count) - positives
        let hi = (positives + 1) / (positives + 2), lo = 1 / (negatives + 2)
        let scale = Double(scores.map { abs($0) }.max() ?? 1).nonZero
        var a = 0.0, b = 0.0
        for _ in 0..<4000 {
            var ga = 0.0, gb = 0.0
            for (s, y) in zip(scores, labels) {
                let x = Double(s) / scale
                let p = 1 / (1 + exp(-(a * x + b)))
                let err = p - (y ? hi : lo)
                ga += err * x; gb += err
            }
            let n = Double(max(1, scores.count))
            a -= 2.0 * ga / n; b -= 2.0 * gb / n
        }
        return (Float(a / scale), Float(b))
    }

    /// The model from all examples, squashed by the curve fitted on out-of-fold scores.
    package func train(_ examples: [Example], kind: EventConfidenceModel.Kind = .event) -> (model: EventConfidenceModel, outOfFold: [Double]) {
        let scores = crossValidated(examples)
        let (a, b) = Self.platt(scores, examples.map(\.correct))
        let probabilities = scores.map { EventConfidenceModel.squash($0, a: a, b: b) }
        let final = fit(examples)
        let model = EventConfidenceModel(kind: kind, bias: final.bias, a: a, b: b,
                                         weights: final.weights.map { (hash: $0.key, weight: $0.value) })
        return (model, probabilities)
    }
}

private extension Double {
    var nonZero: Double { self == 0 ? 1 : self }
}
