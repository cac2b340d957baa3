import Foundation

/// Tables and JSON for `rasd bench`.
package enum BenchReport {
    /// One row per result: throughput in the units that fit the stage, peak memory.
    package static func table(_ results: [StageResult]) -> String {
        var lines = ["stage     scale      MB/s   articles/s     tokens/s  queries/s     cost/unit    peak MiB  (base MiB)  CPU s   wall s"]
        for r in results {
            let tokens = r.tokens > 0 ? String(format: "%.0f", r.tokensPerSecond) : "–"
            let queries = r.queries > 0 ? String(format: "%.0f", r.queriesPerSecond) : "–"
            // Search: bytes and articles are the store's size, not work done per second.
            let mb = r.stage == .search ? "–" : String(format: "%.1f", r.megabytesPerSecond)
            let articles = r.stage == .search ? "–" : String(format: "%.0f", r.articlesPerSecond)
            lines.append(pad(r.stage.rawValue, 9) + String(format: " %5g× ", r.scale) + pad(mb, 9, left: true) + " "
                + pad(articles, 12, left: true) + " "
                + pad(tokens, 12, left: true) + " " + pad(queries, 10, left: true)
                + String(format: " %9.0f ", r.microsecondsPerUnit) + pad(r.unitName, 10)
                + String(format: " %9d  (%8d) %7.2f %8.2f", r.peakRSSBytes >> 20, r.baselineRSSBytes >> 20, r.cpuSeconds, r.wallSeconds))
        }
        return lines.joined(separator: "\n")
    }

    /// Cost per unit at each scale against the stage's cost at 1×: flat (≈ 1.0) is linear growth.
    package static func growth(_ results: [StageResult]) -> String {
        var lines = ["stage     scale   articles        bytes     cost/unit             vs 1×   peak MiB"]
        for stage in BenchStage.allCases {
            let rows = results.filter { $0.stage == stage }.sorted { $0.scale < $1.scale }
            guard let one = rows.first(where: { $0.scale == 1 }) else { continue }
            for r in rows {
                lines.append(pad(stage.rawValue, 9) + String(format: " %5g× %10d %12d %10.1f ", r.scale, r.articles, r.bytes, r.microsecondsPerUnit)
                    + pad(r.unitName, 10) + String(format: " %6.2f %9d", r.microsecondsPerUnit / max(one.microsecondsPerUnit, 1e-12),
                                                   r.peakRSSBytes >> 20))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? fill + s : s + fill
    }

    /// `{"machine": ..., "results": [...]}` with every rate computed, for scripts.
    package static func json(_ results: [StageResult]) throws -> String {
        let object: [String: Any] = ["machine": machine(), "results": results.map { $0.jsonObject() }]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Cores, CPU model and memory of this machine (from /proc).
    package static func machine() -> [String: Any] {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "?"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memKiB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var load = [Double](repeating: 0, count: 3)
        getloadavg(&load, 3)
        return ["cores": ProcessInfo.processInfo.activeProcessorCount, "cpu": model, "memory_bytes": memKiB * 1024,
                "load_average": load]
    }
}
