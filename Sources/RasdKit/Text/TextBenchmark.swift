import Foundation

/// Throughput of the text core on one thread: normalization, tokenization, and number and date extraction.
public enum TextBenchmark {
    public enum Stage: String, CaseIterable, Sendable {
        case normalize, tokenize, numbers, dates, all
        /// "all" runs every stage in turn; each stage includes the ones before it.
        public static func parse(_ s: String) -> [Stage]? {
            if s == "all" { return [.normalize, .tokenize, .numbers, .dates, .all] }
            return Stage(rawValue: s).map { [$0] }
        }
    }

    public struct Result: Sendable {
        public let stage: Stage
        public let bytes: Int
        public let tokens: Int
        public let seconds: Double
        /// Wall-clock time of the same pass (differs from `seconds` when other jobs share the core).
        public let wallSeconds: Double
        public var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        public var tokensPerSecond: Double { Double(tokens) / seconds }
        public var summary: String {
            String(format: "%@ %8.1f MB/s %12.0f tokens/s  (%d bytes, %d tokens, best pass %.3f s CPU, %.3f s wall)",
                   stage.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) as NSString, megabytesPerSecond,
                   tokensPerSecond, bytes, tokens, seconds, wallSeconds)
        }
    }

    /// The `text` fields of a JSONL file; lines that are not JSON objects with a string `text` are skipped.
    public static func texts(fromJSONL data: Data) -> [String] {
        var out: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = obj["text"] as? String else { continue }
            out.append(text)
        }
        return out
    }

    /// CPU time of the calling thread: on a machine shared with other jobs, wall time measures the neighbours.
    static func threadCPUNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Runs a stage `repeat` times over all texts and keeps the fastest pass, timed in thread CPU time. Stages: normalize = text to scalars +
    /// normalization; tokenize = + tokens; numbers = + numbers and quantities; dates = + dates; all = everything.
    public static func run(_ stage: Stage, texts: [String], repeat: Int, progress: (Int, Double) -> Void = { _, _ in }) -> Result {
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let tokenizer = Tokenizer()
        let numbers = NumberExtractor.shared
        let dates = DateExtractor.shared
        let reference = PartialDate(year: 2015, month: 7, day: 21)
        var best = Double.infinity
        var bestWall = Double.infinity
        var tokenCount = 0
        for pass in 1...`repeat` {
            var count = 0
            var sink = 0
            let t0 = threadCPUNanoseconds()
            let w0 = DispatchTime.now().uptimeNanoseconds
            for s in texts {
                let text = ScalarText(s)
                if stage == .normalize {
                    sink &+= ArabicNormalizer.shared.normalize(text).scalars.count
                    continue
                }
                let tokens = tokenizer.tokenize(text)
                count += tokens.count
                if stage == .numbers || stage == .all {
                    let r = numbers.extract(tokens, in: text)
                    sink &+= r.numbers.count + r.quantities.count
                }
                if stage == .dates || stage == .all {
                    sink &+= dates.extract(tokens, in: text, reference: reference).count
                }
            }
            let seconds = Double(threadCPUNanoseconds() - t0) / 1e9
            let wall = Double(DispatchTime.now().uptimeNanoseconds - w0) / 1e9
            if sink == -1 { print("") }
            progress(pass, seconds)
            if seconds < best { best = seconds; bestWall = wall }
            tokenCount = count
        }
        return Result(stage: stage, bytes: bytes, tokens: tokenCount, seconds: best, wallSeconds: bestWall)
    }
}
