import Foundation
import RasdKit

/// The text-core stages and the entity tagger, over the articles of a JSONL file read a chunk at a time (so a
/// 100× input is never held whole). Each chunk is prepared untimed, then its stage runs `repeat` times and the
/// fastest pass counts; the stage's time is the sum over chunks (for a file of one chunk: the best pass).
package struct TextStages {
    package var stage: BenchStage
    package var repeatCount: Int
    package var chunkBytes = 64 << 20
    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()

    package init(stage: BenchStage, repeatCount: Int) {
        precondition(stage.isTextStage, "\(stage) is not a text stage")
        self.stage = stage
        self.repeatCount = max(1, repeatCount)
    }

    /// What one chunk holds, prepared before timing.
    struct Unit {
        var text: String
        var reference: PartialDate?
        var sentences: [[String]] = []
    }

    package func run(input: String, scale: Double, progress: (String) -> Void = { _ in }) throws -> StageResult {
        let setupStart = Measure.wallSeconds()
        let tagger = stage == .ner ? try NERTagger.bundled() : nil
        var setup = Measure.wallSeconds() - setupStart
        var baseline = 0
        var articles = 0, bytes = 0, tokens = 0
        var cpu = 0.0, wall = 0.0
        InputCollector().read(file: input, chunkBytes: chunkBytes) { read, _ in
            let units = read.map { prepare($0, tagger: tagger) }
            if baseline == 0, let first = units.first {
                // Lexicons and tables are loaded lazily: load them before timing.
                let w0 = Measure.wallSeconds()
                _ = runStage([first], tagger: tagger)
                setup += Measure.wallSeconds() - w0
                baseline = Measure.residentBytes()
            }
            var best = Measure.Pass(cpu: .infinity, wall: .infinity)
            var count = 0
            for _ in 0..<repeatCount {
                let pass = Measure.processPass { count = runStage(units, tagger: tagger) }
                if pass.cpu < best.cpu { best = pass }
            }
            articles += units.count
            bytes += units.reduce(0) { $0 + $1.text.utf8.count }
            tokens += count
            cpu += best.cpu
            wall += best.wall
            progress("\(stage.rawValue): \(articles) articles, \(String(format: "%.2f", cpu)) s CPU")
        }
        if articles == 0 { throw BenchError.noArticles(input) }
        return StageResult(stage: stage, scale: scale, input: input, articles: articles, bytes: bytes,
                           tokens: stage == .normalize ? 0 : tokens, passes: repeatCount, cpuSeconds: cpu,
                           wallSeconds: wall, baselineRSSBytes: baseline, peakRSSBytes: Measure.peakResidentBytes(),
                           setupSeconds: setup)
    }

    func prepare(_ article: SourceArticle, tagger: NERTagger?) -> Unit {
        var unit = Unit(text: article.text, reference: article.published?.precision == .day ? article.published : nil)
        if tagger != nil {
            // As the entity stage sees them: the sentences' tokens as written.
            let text = ScalarText(article.text)
            let tokens = tokenizer.tokenize(text)
            unit.sentences = splitter.split(tokens, in: text).map { s in s.map { text.string(tokens[$0].start..<tokens[$0].end) } }
        }
        return unit
    }

    /// Runs the stage over the units; returns the number of tokens seen (the sink keeps the work alive).
    func runStage(_ units: [Unit], tagger: NERTagger?) -> Int {
        var tokens = 0
        var sink = 0
        for unit in units {
            switch stage {
            case .normalize:
                sink &+= ArabicNormalizer.shared.normalize(ScalarText(unit.text)).scalars.count
            case .tokenize:
                tokens += tokenizer.tokenize(ScalarText(unit.text)).count
            case .numbers:
                let text = ScalarText(unit.text)
                let t = tokenizer.tokenize(text)
                let r = NumberExtractor.shared.extract(t, in: text)
                tokens += t.count
                sink &+= r.numbers.count + r.quantities.count
            case .dates:
                let text = ScalarText(unit.text)
                let t = tokenizer.tokenize(text)
                tokens += t.count
                sink &+= DateExtractor.shared.extract(t, in: text, reference: unit.reference).count
            case .ner:
                for words in unit.sentences {
                    sink &+= tagger!.tag(words).count
                    tokens += words.count
                }
            default:
                break
            }
        }
        if sink == -1 { print("") }
        return tokens
    }
}

package enum BenchError: Error, CustomStringConvertible {
    case noArticles(String)
    case noStore(String)
    case child(String)
    case tooFewArticles(String, needed: Int, found: Int)
    package var description: String {
        switch self {
        case .tooFewArticles(let p, let needed, let found):
            return "\(p) has \(found) distinct articles with text; this run needs \(needed) (make a larger input with --write-growth)"
        case .noArticles(let p): return "no articles with text in \(p)"
        case .noStore(let p): return "no store at \(p): run the ingest stage first"
        case .child(let m): return m
        }
    }
}
