import Foundation

/// Trains an `NERTagger` with the averaged structured perceptron: per sentence, Viterbi-decode with the current
/// weights and, where the best path differs from the gold tags, add the gold path's features and subtract the
/// predicted path's. The weights kept are the average over all steps (far less overfitting than the last ones).
package struct NERTrainer {
    package struct Options: Sendable {
        package var epochs = 12
        /// Fraction of sentences held out as a development split: the LAST sentences of the corpus (ANERCorp is
        /// ordered by document, so this is a block of unseen documents, like the held-out part).
        package var devFraction = 0.0
        package var seed: UInt64 = 1
        /// Features seen fewer times than this in training are dropped from the saved model.
        package var minimumCount = 2
        /// Folds for the name-list features and the first stage's tags: each training sentence sees names and
        /// first-stage tags from models of the other folds only, as unseen text will.
        package var folds = 5
        /// Sentences per pseudo-document (ANERCorp marks no document boundaries) for the second stage.
        package var documentSentences = 20
        /// Passes of the second stage.
        package var documentEpochs = 5
        /// Whether to train the document stage at all. Off by default: in 10-fold cross-validation on ANERCorp's
        /// training part it lowered FB1 by 0.7 on average (74.0 against 74.8).
        package var documentStage = false
        /// Feature dropout rate in the first stage's training (10-fold FB1 with the word counts: 0.4 77.2, 0.3
        /// 77.6, 0.2 78.0, 0.1 78.1).
        package var dropout = 0.1
        /// Whether the model keeps a list of the training data's names (stored in the model, as hashes).
        package var nameList = true
        /// Training runs averaged into the model (different shuffles and dropout masks).
        package var runs = 5
        /// Loss-augmented decoding margin in the first stage's training.
        package var margin: Float = 0
        /// Whether the model keeps per-word training counts by entity type (jackknifed in training).
        package var wordStats = true
        /// Whether words missing from the (other folds') counts are read as one unknown word.
        package var unknownWords = false
        /// Whether the phrase marks around a rare word are features again on their own (`NERFeatureOptions`):
        /// 10-fold pooled FB1 78.14 without, 78.29 with (and the ORG context words of `org_triggers.txt`).
        package var rareMarks = true
        /// Whether the usual types of the words at ±2 are features (with the rare-word marks: 78.15 against 78.24).
        package var wideUsual = false
        var featureOptions: NERFeatureOptions {
            var o: NERFeatureOptions = []
            if unknownWords { o.insert(.unknownWords) }
            if rareMarks { o.insert(.rareMarks) }
            if wideUsual { o.insert(.wideUsual) }
            return o
        }
        /// Per entity type, a score added to its B- and I- tags on every token (in the model's bias feature):
        /// the perceptron favours O, and this trades precision for recall where names are missed.
        package var entityBias: [String: Float] = [:]
        package init() {}
    }

    package struct Result {
        package var tagger: NERTagger
        package var modelData: Data
        package var devF1: Double?
        package var featureCount: Int
    }

    package typealias Sentence = (tokens: [String], tags: [String])

    /// The corpus's sentences with their tags repaired (an `I-X` opening a chunk becomes `B-X`).
    static func sentences(_ corpus: CoNLLCorpus) -> [Sentence] {
        (0..<corpus.sentences.count).map { i in
            let s = corpus.sentence(i)
            return (s.tokens, BIOTag.repaired(s.tags))
        }
    }

    package static func train(corpus: CoNLLCorpus, options: Options, log: (String) -> Void) -> Result {
        let sentences = self.sentences(corpus)
        let devCount = Int((Double(sentences.count) * options.devFraction).rounded())
        return train(Array(sentences[0..<(sentences.count - devCount)]), dev: Array(sentences[(sentences.count - devCount)...]),
                     options: options, log: log)
    }

    /// Trains on `train`; `dev` (may be empty) is only scored, after training.
    static func train(_ train: [Sentence], dev: [Sentence], options: Options, log: (String) -> Void) -> Result {

        var types = Set<String>()
        for s in train { for tag in s.tags where tag != "O" { types.insert(String(BIOTag.split(tag).type)) } }
        var tags = ["O"]
        for type in types.sorted() { tags += ["B-" + type, "I-" + type] }
        let tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        let t = tags.count
        let (typeOf, typeCount) = NERTagger.types(tags)
        let folds = max(2, options.folds)
        let docSize = max(1, options.documentSentences)
        func fold(_ k: Int) -> Int { (k / docSize) % folds }

        let lexicon = NERLexicon.fromResources()
        log("lexicon: \(lexicon.knowledgeBaseAliases) knowledge-base aliases")
        let allNames = options.nameList ? NERLexicon.nameMatcher(sentences: train) : PhraseMatcher()
        var foldNames: [PhraseMatcher] = []
        for f in 0..<folds {
            foldNames.append(options.nameList
                ? NERLexicon.nameMatcher(sentences: train.enumerated().filter { fold($0.offset) != f }.map(\.element))
                : PhraseMatcher())
        }

        // Word counts by type, per fold (each sentence sees the other folds' counts) and for the whole data.
        let plain = NERFeatureExtractor(lexicon: NERLexicon(), names: PhraseMatcher())
        var stemsOnly = NERFeatureExtractor.Output()
        let trainStemTags: [(stems: [UInt64], tags: [String])] = train.map { s in
            plain.extract(s.tokens, into: &stemsOnly)
            return (stemsOnly.stems, s.tags)
        }
        let allStats = options.wordStats ? WordStats.from(trainStemTags) : WordStats()
        let foldStats = (0..<folds).map { f in
            options.wordStats ? WordStats.from(trainStemTags.enumerated().filter { fold($0.offset) != f }.map(\.element)) : WordStats()
        }

        // First-stage features of every sentence, as dense ids; name lists exclude the sentence's own fold.
        var baseIDs = FeatureIDs()
        var trainStems: [[UInt64]] = [], devStems: [[UInt64]] = []
        var trainData: [Encoded] = [], devData: [Encoded] = []
        var features = NERFeatureExtractor.Output()
        let foldExtractors = (0..<folds).map { NERFeatureExtractor(lexicon: lexicon, names: foldNames[$0], stats: foldStats[$0],
                                                                     options: options.featureOptions) }
        for (k, s) in train.enumerated() {
            foldExtractors[fold(k)].extract(s.tokens, into: &features)
            trainData.append(baseIDs.encode(features, gold: s.tags.map { tagIndex[$0] ?? 0 }, grow: true))
            trainStems.append(features.stems)
        }
        let fullExtractor = NERFeatureExtractor(lexicon: lexicon, names: allNames, stats: allStats, options: options.featureOptions)
        for s in dev {
            fullExtractor.extract(s.tokens, into: &features)
            devData.append(baseIDs.encode(features, gold: s.tags.map { tagIndex[$0] ?? 0 }, grow: false))
            devStems.append(features.stems)
        }
        log("sentences: \(train.count) train, \(dev.count) dev; features: \(baseIDs.hashes.count); tags: \(tags.joined(separator: " "))")

        func score(_ paths: [[Int]]) -> ChunkScorer {
            var scorer = ChunkScorer()
            for (k, path) in paths.enumerated() { scorer.add(gold: dev[k].tags, predicted: path.map { tags[$0] }) }
            return scorer
        }
        func describe(_ s: ChunkScorer) -> String {
            String(format: "dev FB1 %.2f (P %.2f R %.2f)", s.overall.f1, s.overall.precision, s.overall.recall)
        }

        // Several runs with different shuffles and dropout masks, weights averaged: a cheap ensemble that
        // costs training time only.
        var runs: [Perceptron.Averaged] = []
        for run in 0..<max(1, options.runs) {
            var runOptions = options
            runOptions.seed = options.seed &+ UInt64(run) &* 1000
            runs.append(withoutActuallyEscaping(log) { log in
                runEpochs(trainData, Array(0..<train.count), featureCount: baseIDs.hashes.count, tags: tags, options: runOptions,
                          log: run == 0 ? log : nil)
            })
        }
        let full = Perceptron.Averaged.mean(runs)
        let devEmissions = devData.map { full.emissions($0) }
        let devFirst = zip(devData, devEmissions).map { full.decode(emissions: $1, count: $0.gold.count) }
        var devF1: Double?
        if !dev.isEmpty {
            let scorer = score(devFirst)
            devF1 = scorer.overall.f1
            log("stage 1: " + describe(scorer))
            log("stage 1 per type: " + scorer.byType.keys.sorted().map { String(format: "%@ %.2f", $0, scorer.byType[$0]!.f1) }.joined(separator: ", "))
        }

        var docTable = NERModel.Table(tagCount: t, features: [])
        var docTransitions = [Float](repeating: 0, count: (t + 1) * t)
        if options.documentStage {
            // Stage 1, jackknifed: each fold's first-stage tags and scores come from a model trained on the others.
            var firstStage = [[Int]](repeating: [], count: train.count)
            var baseEmissions = [[Float]](repeating: [], count: train.count)
            for f in 0..<folds {
                let others = (0..<train.count).filter { fold($0) != f }
                let model = runEpochs(trainData, others, featureCount: baseIDs.hashes.count, tags: tags, options: options, log: nil)
                for k in 0..<train.count where fold(k) == f {
                    baseEmissions[k] = model.emissions(trainData[k])
                    firstStage[k] = model.decode(emissions: baseEmissions[k], count: trainData[k].gold.count)
                }
            }
            // Stage 2: document features over chunks of `docSize` sentences, on top of the stage-1 scores.
            var docIDs = FeatureIDs()
            func documentData(_ stems: [[UInt64]], _ first: [[Int]], _ data: [Encoded], grow: Bool) -> [Encoded] {
                var out: [Encoded] = []
                for start in stride(from: 0, to: stems.count, by: docSize) {
                    let range = start..<min(stems.count, start + docSize)
                    let extra = NERDocumentFeatures.extract(stems: Array(stems[range]), firstStage: Array(first[range]), typeOf: typeOf, typeCount: typeCount)
                    for (k, e) in zip(range, extra) { out.append(docIDs.encode(e, gold: data[k].gold, grow: grow)) }
                }
                return out
            }
            let trainDoc = documentData(trainStems, firstStage, trainData, grow: true)
            let devDoc = documentData(devStems, devFirst, devData, grow: false)
            var second = Perceptron(featureCount: docIDs.hashes.count, tags: tags)
            var rng = SplitMix(seed: options.seed &+ 7)
            var order = Array(0..<trainDoc.count)
            for epoch in 1...max(1, options.documentEpochs) {
                shuffle(&order, &rng)
                for k in order { _ = second.learn(trainDoc[k], base: baseEmissions[k]) }
                if !dev.isEmpty {
                    let averaged = second.averaged()
                    let scorer = score(zip(devDoc, devEmissions).map { averaged.decode($0, base: $1) })
                    devF1 = scorer.overall.f1
                    log("stage 2 epoch \(epoch): " + describe(scorer))
                }
            }
            let secondFinal = second.averaged()
            docTable = NERModel.Table(tagCount: t, features: docIDs.kept(secondFinal.weights, tagCount: t, minimumCount: 1))
            docTransitions = secondFinal.transitions
        }

        var weights = full.weights
        if !options.entityBias.isEmpty, let id = baseIDs.ids[NERFeatureExtractor.biasFeature] {
            for (k, tag) in tags.enumerated() {
                weights[Int(id) * t + k] += options.entityBias[String(BIOTag.split(tag).type)] ?? 0
            }
        }
        let baseTable = NERModel.Table(tagCount: t, features: baseIDs.kept(weights, tagCount: t, minimumCount: options.minimumCount))
        var model = NERModel(tags: tags, base: baseTable, transitions: full.transitions, document: docTable,
                             documentTransitions: docTransitions, names: allNames, stats: allStats)
        model.featureOptions = options.featureOptions
        log("saved features: \(baseTable.hashes.count) of \(baseIDs.hashes.count) (document stage: \(docTable.hashes.count))")
        let tagger = NERTagger(model: model, lexicon: lexicon)
        return Result(tagger: tagger, modelData: model.serialized(), devF1: devF1, featureCount: baseTable.hashes.count)
    }

    /// The development sentences `train` holds out for `fraction`, as CoNLL text (their input lines as read).
    package static func developmentSplit(_ corpus: CoNLLCorpus, fraction: Double) -> String {
        let devCount = Int((Double(corpus.sentences.count) * fraction).rounded())
        var out = ""
        for range in corpus.sentences.suffix(devCount) {
            for i in range { if let line = corpus.lines[i] { out += "\(line.token) \(line.tag)\n" } }
        }
        return out
    }

    /// Trains a first-stage perceptron on `indices` of `data`; logs per-epoch accuracy when `log` is given.
    static func runEpochs(_ data: [Encoded], _ indices: [Int], featureCount: Int, tags: [String], options: Options,
                          log: ((String) -> Void)?) -> Perceptron.Averaged {
        var perceptron = Perceptron(featureCount: featureCount, tags: tags)
        perceptron.dropout = options.dropout
        perceptron.margin = options.margin
        var rng = SplitMix(seed: options.seed)
        var order = indices
        for epoch in 1...max(1, options.epochs) {
            shuffle(&order, &rng)
            var correct = 0, total = 0
            for k in order {
                let predicted = perceptron.learn(data[k])
                total += predicted.count
                for (p, g) in zip(predicted, data[k].gold) where p == g { correct += 1 }
            }
            log?(String(format: "epoch %d: train token accuracy %.2f%%", epoch, 100 * Double(correct) / Double(max(1, total))))
        }
        return perceptron.averaged()
    }

    static func shuffle(_ order: inout [Int], _ rng: inout SplitMix) {
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
    }
}

/// Feature hashes numbered densely in order of first sight, with how often each was seen in training.
struct FeatureIDs {
    var ids: [UInt64: Int32] = [:]
    var hashes: [UInt64] = []
    var counts: [Int32] = []

    mutating func encode(_ features: NERFeatureExtractor.Output, gold: [Int], grow: Bool) -> Encoded {
        var e = Encoded(gold: gold)
        e.features.reserveCapacity(features.hashes.count)
        for i in 0..<features.count {
            for h in features.hashes[features.range(i)] {
                if let id = ids[h] {
                    e.features.append(id)
                    if grow { counts[Int(id)] += 1 }
                } else if grow {
                    let id = Int32(hashes.count)
                    ids[h] = id
                    hashes.append(h)
                    counts.append(1)
                    e.features.append(id)
                }
            }
            e.starts.append(Int32(e.features.count))
        }
        return e
    }

    /// Features worth saving: seen often enough, with some non-zero weight.
    func kept(_ weights: [Float], tagCount t: Int, minimumCount: Int) -> [(hash: UInt64, weights: ArraySlice<Float>)] {
        var kept: [(hash: UInt64, weights: ArraySlice<Float>)] = []
        for id in 0..<hashes.count where Int(counts[id]) >= minimumCount {
            let row = weights[(id * t)..<((id + 1) * t)]
            if row.contains(where: { $0 != 0 }) { kept.append((hashes[id], row)) }
        }
        return kept
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
