import XCTest
@testable import RasdKit

final class NERTests: XCTestCase {
    func testReaderSurvivesANERCorpQuirks() {
        // An empty token, a token with a space, a blank line, an I- tag opening a chunk, a sentence-final ".".
        let text = "فرانكفورت B-LOC\n O\nنيو يورك I-LOC\n. O\n\nقال O\nبوش I-PERS\n"
        let corpus = CoNLLCorpus(text: text)
        XCTAssertEqual(corpus.lines.count, 7)
        XCTAssertEqual(corpus.lines[1], CoNLLCorpus.Line(token: "", tag: "O"))
        XCTAssertEqual(corpus.lines[2], CoNLLCorpus.Line(token: "نيو يورك", tag: "I-LOC"))
        XCTAssertNil(corpus.lines[4])
        XCTAssertEqual(corpus.sentences, [0..<4, 5..<7])
        XCTAssertEqual(corpus.tokenCount, 6)
        XCTAssertEqual(BIOTag.repaired(["O", "I-PERS", "I-PERS", "I-LOC", "B-ORG", "I-ORG"]),
                       ["O", "B-PERS", "I-PERS", "B-LOC", "B-ORG", "I-ORG"])
    }

    /// Cases/conll_reader.tsv: how one input line is read and written back with a prediction.
    func testReaderCorpus() throws {
        var checked = 0
        for (input, expected) in try Self.cases("conll_reader.tsv", minimum: 10) {
            let raw = input.replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\r", with: "\r")
            let corpus = CoNLLCorpus(text: raw + "\n")
            let evaluation = NEREvaluation(predicted: corpus.lines.map { $0 == nil ? nil : "O" })
            let written = evaluation.predictionLines(corpus)
            let got: String
            if let line = corpus.lines.first, let line {
                got = "«\(line.token)» \(line.tag) ⇒ " + written.dropLast()
            } else {
                XCTAssertEqual(written, "\n", "a blank line is written back blank")
                got = "blank"
            }
            XCTAssertEqual(corpus.lines.count, 1, input)
            XCTAssertEqual(got, expected, "input: \(input)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 5)
    }

    /// Cases/conlleval.tsv: conlleval's report for TOKEN GOLD PRED lines.
    func testConllevalCorpus() throws {
        var checked = 0
        for (input, expected) in try Self.cases("conlleval.tsv", minimum: 9) {
            let scorer = try ChunkScorer.scoring(predictionLines: input.replacingOccurrences(of: "⏎", with: "\n"))
            XCTAssertEqual(scorer.report, expected.replacingOccurrences(of: "⏎", with: "\n") + "\n", "input: \(input)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 5)
        XCTAssertThrowsError(try ChunkScorer.scoring(predictionLines: "a B-LOC B-LOC\nB-LOC\n"))
    }

    /// The (input, expected) pairs of a corpus file under Cases/.
    static func cases(_ file: String, minimum: Int) throws -> [(String, String)] {
        try CaseFile.rows(file, minimum: minimum, fields: 2...2, maxFields: 2).map { ($0.fields[0], $0.fields[1]) }
    }

    func testChunksFollowConlleval() {
        let chunks = ChunkScorer.chunks(["I-PERS", "I-PERS", "I-LOC", "O", "B-ORG", "I-ORG", "B-ORG", "I-MISC"])
        XCTAssertEqual(chunks.map { "\($0.type)\($0.start)-\($0.end)" }, ["PERS0-2", "LOC2-3", "ORG4-6", "ORG6-7", "MISC7-8"])
    }

    func testScorerCountsAndReport() {
        var scorer = ChunkScorer()
        // gold: PERS(0-2) LOC(3) ORG(5-7); predicted: PERS(0-2) correct, LOC(3) as ORG wrong, ORG(5-6) too short.
        scorer.add(gold: ["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG"],
                   predicted: ["B-PERS", "I-PERS", "O", "B-ORG", "O", "B-ORG", "O"])
        scorer.add(gold: ["B-LOC"], predicted: ["B-LOC"])   // a second segment (after a blank line)
        XCTAssertEqual(scorer.overall, ChunkScorer.Counts(gold: 4, found: 4, correct: 2))
        let lines = scorer.report.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "processed 8 tokens with 4 phrases; found: 4 phrases; correct: 2.")
        XCTAssertEqual(lines[1], "accuracy:  75.00%; precision:  50.00%; recall:  50.00%; FB1:  50.00")
        XCTAssertEqual(lines[2], "              LOC: precision: 100.00%; recall:  50.00%; FB1:  66.67  1")
        XCTAssertEqual(lines[3], "              ORG: precision:   0.00%; recall:   0.00%; FB1:   0.00  2")
        XCTAssertEqual(lines[4], "             PERS: precision: 100.00%; recall: 100.00%; FB1: 100.00  1")
    }

    func testProcliticCandidates() {
        func stems(_ word: String) -> [String] {
            let scalars = word.unicodeScalars.map(\.value)
            var out: [Int] = []
            scalars.withUnsafeBufferPointer { ProcliticStripper.candidateStarts($0, 0..<$0.count, minimum: 2, into: &out) }
            return out.map { String(String.UnicodeScalarView(scalars[$0...].map { Unicode.Scalar($0)! })) }
        }
        XCTAssertEqual(Set(stems("وبالعراق")), ["وبالعراق", "بالعراق", "العراق", "عراق"])
        XCTAssertEqual(Set(stems("للرئيس")), ["للرئيس", "لرئيس", "رئيس"])
        XCTAssertEqual(stems("بوش"), ["بوش", "وش"])
    }

    /// A name tagged in one sentence is tagged where it recurs untagged (with a clitic, or a person's family
    /// name alone); tags already given are kept, and sentences beyond the window do not count.
    func testDocumentConsistency() {
        let tags = ["O", "B-ORG", "I-ORG", "B-PERS", "I-PERS"]
        let sentences = [["قال", "سلفان", "شالوم", "إن", "أسيك", "."],
                         ["وقال", "شالوم", "إن", "وأسيك", "فاز", "على", "بيروت", "."]]
        var paths = [[0, 3, 4, 0, 1, 0], [0, 0, 0, 0, 0, 0, 3, 0]]
        let extractor = NERFeatureExtractor(lexicon: NERLexicon(), names: PhraseMatcher())
        var out = NERFeatureExtractor.Output()
        var forms: [[UInt64]] = [], starts: [[Int]] = [], common: [[Bool]] = []
        for words in sentences {
            extractor.extract(words, into: &out)
            forms.append(out.forms); starts.append(out.formStarts)
            common.append(words.map { $0 == "إن" })
        }
        NERConsistency.apply(&paths, forms: forms, formStarts: starts, common: common, tags: tags)
        XCTAssertEqual(paths[1], [0, 3, 0, 1, 0, 0, 3, 0])
        XCTAssertEqual(paths[0], [0, 3, 4, 0, 1, 0])

        // A common word tagged once (wrongly) is not spread to its other occurrences.
        var wrong = [[0, 0, 0, 3, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]]
        NERConsistency.apply(&wrong, forms: forms, formStarts: starts, common: common, tags: tags)
        XCTAssertEqual(wrong[1], [0, 0, 0, 0, 0, 0, 0, 0])

        var far = [[0, 3, 4, 0, 1, 0]] + [[Int]](repeating: [0], count: NERConsistency.window) + [[0, 0, 0, 0, 0, 0, 0, 0]]
        let fill = [UInt64](repeating: 1, count: 1)
        NERConsistency.apply(&far, forms: [forms[0]] + [[UInt64]](repeating: fill, count: NERConsistency.window) + [forms[1]],
                             formStarts: [starts[0]] + [[Int]](repeating: [0, 1], count: NERConsistency.window) + [starts[1]],
                             common: [common[0]] + [[Bool]](repeating: [false], count: NERConsistency.window) + [common[1]], tags: tags)
        XCTAssertEqual(far.last, [0, 0, 0, 0, 0, 0, 0, 0])
    }

    /// A toy corpus: trains in milliseconds, and the model must survive a save/load round trip unchanged.
    func testTrainSaveLoadRoundTrip() throws {
        try roundTrip(documentStage: false)
    }

    /// The same with the (optional) document stage, tagging a whole document.
    func testTrainSaveLoadRoundTripWithDocumentStage() throws {
        try roundTrip(documentStage: true)
    }

    /// Cross-validation on the toy corpus: every sentence is held out exactly once, in corpus order, and each
    /// block is scored on the model trained without it.
    func testCrossValidationCoversTheCorpus() {
        let corpus = CoNLLCorpus(text: Self.toyCorpus().joined(separator: "\n"))
        let options = Self.toyOptions(epochs: 3, documentSentences: 2)
        let folds = NERCrossValidation.run(corpus: corpus, folds: 3, options: options) { _ in }
        XCTAssertEqual(folds.map(\.sentences), [0..<4, 4..<8, 8..<12])
        XCTAssertEqual(folds.reduce(0) { $0 + $1.scorer.tokens }, corpus.tokenCount)
        let lines = NERCrossValidation.predictionLines(folds).split(separator: "\n")
        XCTAssertEqual(lines.count, corpus.tokenCount)
        XCTAssertTrue(lines.allSatisfy { $0.split(separator: " ").count == 3 })
        XCTAssertTrue(NERCrossValidation.summary(folds).contains("mean FB1"))
    }

    /// The bias grid scores every fold's model once per bias: no bias scores as the plain run does, and a bias
    /// too large to resist makes every chunk one of its type.
    func testCrossValidationBiasGrid() {
        let corpus = CoNLLCorpus(text: Self.toyCorpus().joined(separator: "\n"))
        let options = Self.toyOptions(epochs: 3, documentSentences: 2)
        let grid: [NERCrossValidation.Bias] = [[:], ["LOC": 1e6]]
        let folds = NERCrossValidation.run(corpus: corpus, folds: 3, options: options, biasGrid: grid) { _ in }
        for fold in folds {
            XCTAssertEqual(fold.grid.count, 2)
            XCTAssertEqual(fold.grid[0].overall, fold.scorer.overall)
            XCTAssertEqual(fold.grid[1].byType["LOC"]?.found, fold.grid[1].overall.found)   // every chunk is LOC
            XCTAssertNotEqual(fold.grid[1].overall, fold.grid[0].overall)
        }
        let summary = NERCrossValidation.gridSummary(folds, grid: grid)
        XCTAssertTrue(summary.contains("bias LOC=1000000.0"))
        XCTAssertEqual(summary.split(separator: "\n").count, 2)
    }

    /// An entity bias given to the trainer is in the saved model's weights.
    func testEntityBiasIsSaved() throws {
        let corpus = CoNLLCorpus(text: Self.toyCorpus().joined(separator: "\n"))
        var options = Self.toyOptions(epochs: 3)
        options.entityBias = ["LOC": 1e6]
        let result = NERTrainer.train(corpus: corpus, options: options) { _ in }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-ner-bias-\(UUID().uuidString).model")
        defer { try? FileManager.default.removeItem(at: url) }
        try result.modelData.write(to: url)
        let tags = try NERTagger(contentsOf: url).tag(["قال", "سامي", "في", "دمشق"])
        XCTAssertEqual(tags.count, 4)
        XCTAssertTrue(tags.allSatisfy { $0.hasSuffix("-LOC") }, "\(tags)")
    }

    /// Training options for the toy corpora: every feature kept, few epochs.
    static func toyOptions(epochs: Int, documentSentences: Int? = nil, runs: Int = 1) -> NERTrainer.Options {
        var options = NERTrainer.Options()
        options.epochs = epochs
        options.folds = 2
        if let documentSentences { options.documentSentences = documentSentences }
        options.minimumCount = 1
        options.runs = runs
        return options
    }

    static func toyCorpus() -> [String] {
        var lines: [String] = []
        let names = ["سامي", "كريم", "هدى", "رامي", "نادر", "ليلى"]
        let places = ["دمشق", "عمان", "تونس", "بيروت"]
        for (i, name) in names.enumerated() {
            let place = places[i % places.count]
            lines += ["قال O", "الرئيس O", "\(name) B-PERS", "يوسف I-PERS", "في O", "\(place) B-LOC", ". O"]
            lines += ["زار O", "\(name) B-PERS", "مدينة O", "\(place) B-LOC", "أمس O", ". O"]
        }
        return lines
    }

    private func roundTrip(documentStage: Bool) throws {
        let corpus = CoNLLCorpus(text: Self.toyCorpus().joined(separator: "\n"))
        var options = Self.toyOptions(epochs: 5, documentSentences: 2, runs: 2)
        options.documentStage = documentStage
        let result = NERTrainer.train(corpus: corpus, options: options) { _ in }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-ner-test-\(UUID().uuidString).model")
        defer { try? FileManager.default.removeItem(at: url) }
        try result.modelData.write(to: url)
        let loaded = try NERTagger(contentsOf: url)
        let sentence = ["قال", "الرئيس", "سامي", "يوسف", "في", "دمشق", "."]
        XCTAssertEqual(loaded.tag(sentence), result.tagger.tag(sentence))
        XCTAssertEqual(loaded.tag(sentence), ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"])
        XCTAssertEqual(loaded.tag(document: [sentence, ["زار", "كريم", "تونس"]]), result.tagger.tag(document: [sentence, ["زار", "كريم", "تونس"]]))
        XCTAssertEqual(loaded.tag([]), [])
        XCTAssertThrowsError(try NERTagger(contentsOf: URL(fileURLWithPath: "/nonexistent/model")))
    }

    func testBundledModelCases() throws {
        let tagger = try NERTagger.bundled()
        for row in try CaseFile.rows("ner.tsv", minimum: 5, fields: 2...2) {
            let fields = row.fields
            let words = fields[0].split(separator: " ").map(String.init)
            let tags = tagger.tag(words)
            let found = Set(ChunkScorer.chunks(tags).map { "\($0.type):" + words[$0.start..<$0.end].joined(separator: " ") })
            for expected in fields[1].split(separator: "|").map(String.init) {
                XCTAssertTrue(found.contains(expected), "\(row.location): \(expected) not found in: \(fields[0]) → \(found.sorted())")
            }
        }
    }
}
