import Foundation

/// Runs each stage in its own child process of the `rasd` binary (`rasd bench --child ...`), so that each
/// stage's peak memory (ru_maxrss) is its own and no stage warms caches or allocators for the next.
package struct BenchRunner {
    package var executable: String
    package var input: String
    /// Passes per stage; nil: the stage's default.
    package var repeatCount: Int?
    /// Temporary inputs (growth) and stores go here.
    package var workDir: String
    package var progress: (String) -> Void
    /// html stage: where the child writes the extracted articles.
    package var extractedTo: String?
    /// Children report their progress (a line per chunk of a large input) on the shared stderr unless quiet.
    package var quietChildren = true

    package init(executable: String, input: String, repeatCount: Int?, workDir: String, progress: @escaping (String) -> Void) {
        self.executable = executable
        self.input = input
        self.repeatCount = repeatCount
        self.workDir = workDir
        self.progress = progress
    }

    /// Scales of the growth run (issue 8's notes): text stages 1×, 10×, 100×; the others 0.1×, 1×, 10×.
    package static func growthScales(_ stage: BenchStage) -> [Double] {
        stage.isTextStage ? [1, 10, 100] : stage == .html ? [1] : [0.1, 1, 10]
    }

    /// Every stage once at 1×.
    package func run(_ stages: [BenchStage]) throws -> [StageResult] {
        try stages.map { try runChild($0, input: input, scale: 1, repeatCount: repeatCount ?? $0.defaultRepeat) }
    }

    /// Each stage at its growth scales, one pass each (the same at every scale, so costs compare), on inputs
    /// written to the work folder (`GrowthInput`) and removed after use.
    package func growth(_ stages: [BenchStage]) throws -> [StageResult] {
        var results: [StageResult] = []
        let scales = Set(stages.flatMap(BenchRunner.growthScales)).sorted()
        for scale in scales {
            let wanted = stages.filter { BenchRunner.growthScales($0).contains(scale) }
            guard !wanted.isEmpty else { continue }
            var path = input
            if scale != 1 {
                path = workDir + "/input-\(scale).jsonl"
                progress("bench: writing the \(scale)× input to \(path)")
                let w = try GrowthInput.write(from: input, scale: scale, to: path)
                progress("bench: \(w.records) records, \(w.bytes >> 20) MiB")
            }
            defer { if path != input { try? FileManager.default.removeItem(atPath: path) } }
            for stage in wanted {
                results.append(try runChild(stage, input: path, scale: scale, repeatCount: repeatCount ?? 1))
            }
        }
        return results
    }

    func storePath(_ scale: Double) -> String { workDir + "/store-\(scale).db" }

    func runChild(_ stage: BenchStage, input: String, scale: Double, repeatCount: Int) throws -> StageResult {
        progress("bench: \(stage.rawValue) at \(scale)× (\(repeatCount) pass\(repeatCount == 1 ? "" : "es")): \(stage.what)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["bench", "--child", "--stage", stage.rawValue, "--input", input, "--scale", "\(scale)",
                             "--repeat", "\(repeatCount)", "--work-dir", workDir] + (quietChildren ? ["--quiet"] : [])
        if stage == .html, let extractedTo { process.arguments! += ["--extracted", extractedTo] }
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError.child("bench: the \(stage.rawValue) stage at \(scale)× failed (exit \(process.terminationStatus))")
        }
        let result = try JSONDecoder().decode(StageResult.self, from: data)
        progress("bench: " + result.summary)
        return result
    }

    /// One stage in this process (the child's side).
    package static func runHere(_ stage: BenchStage, input: String, scale: Double, repeatCount: Int, workDir: String,
                               extractedTo: String? = nil, progress: @escaping (String) -> Void) throws -> StageResult {
        let store = workDir + "/store-\(scale).db"
        switch stage {
        case .analyze: return try CollectionStages.analyze(input: input, scale: scale, repeatCount: repeatCount)
        case .stories: return try CollectionStages.stories(input: input, scale: scale, repeatCount: repeatCount)
        case .ingest: return try CollectionStages.ingest(input: input, scale: scale, repeatCount: repeatCount, store: store)
        case .search: return try CollectionStages.search(input: input, scale: scale, repeatCount: repeatCount, store: store)
        case .html: return try HTMLStage.run(input: input, scale: scale, repeatCount: repeatCount, extractedTo: extractedTo)
        default: return try TextStages(stage: stage, repeatCount: repeatCount).run(input: input, scale: scale, progress: progress)
        }
    }
}
