import Foundation

/// Trains an `NERTagger` with the averaged structured perceptron: per sentence, Viterbi-decode with the current
/// weights and, where the best path differs from the gold tags, add the gold path's features and subtract the
/// predicted path's. The weights kept are the average over all steps (far less overfitting than the last ones).
public struct NERTrainer {
    public struct Options: Sendable {
        public var epochs = 10
        /// Fraction of sentences held out as a development split: the LAST sentences of the corpus (ANERCorp is
        /// ordered by document, so this is a block of unseen documents, like the held-out part).
        public var devFraction = 0.0
        public var seed: UInt64 = 1
        /// Features seen fewer times than this in training are dropped from the saved model.
        public var minimumCount = 2
        /// Folds for the name-list features: each training sentence sees the names of the other folds only,
        /// as unseen text will.
        public var nameFolds = 5
        public init() {}
    }

    public struct Result {
        public var tagger: NERTagger
        public var modelData: Data
        public var devF1: Double?
        public var featureCount: Int
    }

    public static func train(corpus: CoNLLCorpus, options: Options, log: (String) -> Void) -> Result {
        var sentences: [(tokens: [String], tags: [String])] = []
        for i in 0..<corpus.sentences.count {
            let s = corpus.sentence(i)
            sentences.append((s.tokens, BIOTag.repaired(s.tags)))
        }
        let devCount = Int((Double(sentences.count) * options.devFraction).rounded())
        let train = Array(sentences[0..<(sentences.count - devCount)])
        let dev = Array(sentences[(sentences.count - devCount)...])

        var types = Set<String>()
        for s in train { for tag in s.tags where tag != "O" { types.insert(String(BIOTag.split(tag).type)) } }
        var tags = ["O"]
        for type in types.sorted() { tags += ["B-" + type, "I-" + type] }
        let tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        let t = tags.count

        let lexicon = NERLexicon.fromResources()
        log("lexicon: \(lexicon.knowledgeBaseAliases) knowledge-base aliases")
        let allNames = NERLexicon.nameMatcher(sentences: train)

        // Features of every sentence, as dense ids.
        var ids: [UInt64: Int32] = [:]
        var counts: [Int32] = []
        var hashesByID: [UInt64] = []
        func encode(_ s: [(tokens: [String], tags: [String])], names: (Int) -> PhraseMatcher, grow: Bool) -> [Encoded] {
            var out: [Encoded] = []
            var features = NERFeatureExtractor.Output()
            var extractors: [Int: NERFeatureExtractor] = [:]
            for (k, sentence) in s.enumerated() {
                let fold = options.nameFolds > 1 && grow ? k % options.nameFolds : -1
                let extractor = extractors[fold] ?? NERFeatureExtractor(lexicon: lexicon, names: names(fold))
                extractors[fold] = extractor
                extractor.extract(sentence.tokens, into: &features)
                var e = Encoded(gold: sentence.tags.map { tagIndex[$0] ?? 0 })
                for i in 0..<sentence.tokens.count {
                    for h in features.hashes[features.range(i)] {
                        if let id = ids[h] {
                            e.features.append(id)
                            if grow { counts[Int(id)] += 1 }
                        } else if grow {
                            let id = Int32(hashesByID.count)
                            ids[h] = id
                            hashesByID.append(h)
                            counts.append(1)
                            e.features.append(id)
                        }
                    }
                    e.starts.append(Int32(e.features.count))
                }
                out.append(e)
            }
            return out
        }
        var foldNames: [Int: PhraseMatcher] = [:]
        if options.nameFolds > 1 {
            for fold in 0..<options.nameFolds {
                let others = train.enumerated().filter { $0.offset % options.nameFolds != fold }.map(\.element)
                foldNames[fold] = NERLexicon.nameMatcher(sentences: others)
            }
        }
        let trainData = encode(train, names: { foldNames[$0] ?? allNames }, grow: true)
        let devData = encode(dev, names: { _ in allNames }, grow: false)
        log("sentences: \(train.count) train, \(dev.count) dev; features: \(hashesByID.count); tags: \(tags.joined(separator: " "))")

        var perceptron = Perceptron(featureCount: hashesByID.count, tags: tags)
        var rng = SplitMix(seed: options.seed)
        var order = Array(0..<trainData.count)
        var devF1: Double?
        for epoch in 1...max(1, options.epochs) {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
            var correct = 0, total = 0
            for k in order {
                let predicted = perceptron.learn(trainData[k])
                total += predicted.count
                for (p, g) in zip(predicted, trainData[k].gold) where p == g { correct += 1 }
            }
            var line = String(format: "epoch %d: train token accuracy %.2f%%", epoch, 100 * Double(correct) / Double(max(1, total)))
            if !devData.isEmpty {
                let averaged = perceptron.averaged()
                var scorer = ChunkScorer()
                for (k, e) in devData.enumerated() {
                    let path = averaged.decode(e)
                    scorer.add(gold: dev[k].tags, predicted: path.map { tags[$0] })
                }
                devF1 = scorer.overall.f1
                line += String(format: "; dev FB1 %.2f (P %.2f R %.2f)", scorer.overall.f1, scorer.overall.precision, scorer.overall.recall)
            }
            log(line)
        }

        let final = perceptron.averaged()
        var kept: [(hash: UInt64, weights: ArraySlice<Float>)] = []
        for id in 0..<hashesByID.count where Int(counts[id]) >= options.minimumCount {
            let row = final.weights[(id * t)..<((id + 1) * t)]
            if row.contains(where: { $0 != 0 }) { kept.append((hashesByID[id], row)) }
        }
        let model = NERModel(tags: tags, features: kept, transitions: final.transitions, names: allNames)
        log("saved features: \(kept.count) of \(hashesByID.count)")
        let tagger = NERTagger(model: model, lexicon: lexicon)
        return Result(tagger: tagger, modelData: model.serialized(), devF1: devF1, featureCount: kept.count)
    }
}

/// A sentence's features as dense ids: token i's are `features[starts[i]..<starts[i + 1]]`.
struct Encoded {
    var gold: [Int]
    var features: [Int32] = []
    var starts: [Int32] = [0]
}

/// Deterministic shuffling.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.finish(state)
    }
}
