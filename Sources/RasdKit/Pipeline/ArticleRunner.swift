import Foundation

/// Runs per-article work (the stages before the cross-document resolve) on several articles at once, with
/// structured concurrency: at most `jobs` articles in flight, and their results handed back in input order, so
/// that what is built from them is the same whatever `jobs` is.
///
/// The work closure sees only Sendable values (the article, the analyzer's read-only resources); results wait
/// in a reorder window of a few per job, so memory does not grow with the collection while one slow article
/// holds up the ones after it.
package struct ArticleRunner: Sendable {
    /// Articles processed at once; 1 runs them one after another on the calling task.
    package var jobs: Int

    package init(jobs: Int = ArticleRunner.availableCores) {
        self.jobs = max(1, jobs)
    }

    /// The cores this process may run on: its CPU affinity (so that `taskset -c 0` gives 1), else the cores
    /// online. (`ProcessInfo.activeProcessorCount` ignores the affinity on Linux, and Glibc does not export
    /// `sched_getaffinity` to Swift, so the mask is read from /proc/self/status.)
    package static var availableCores: Int {
        allowedCores(status: (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? "")
            ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The number of bits set in the `Cpus_allowed:` mask of a /proc status text ("3" or "ff,ffffffff").
    static func allowedCores(status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return nil }
        var count = 0
        for c in line.dropFirst("Cpus_allowed:".count).unicodeScalars {
            guard let digit = Int(String(c), radix: 16) else { continue }
            count += digit.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }

    /// Calls `work` on every index in `0..<count`, up to `jobs` at a time, and `receive` with each result in
    /// index order on the calling task.
    package func run<T: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) -> T,
                                 receive: (Int, T) -> Void) async {
        guard jobs > 1, count > 1 else {
            runSequentially(count, work, receive: receive)
            return
        }
        let window = jobs * 4
        await withTaskGroup(of: (Int, T).self) { group in
            var started = 0, running = 0, consumed = 0
            var ready: [Int: T] = [:]
            func fill() {
                while started < count, running < jobs, started < consumed + window {
                    let i = started
                    group.addTask { (i, work(i)) }
                    started += 1
                    running += 1
                }
            }
            fill()
            while let (i, result) = await group.next() {
                running -= 1
                ready[i] = result
                while let next = ready.removeValue(forKey: consumed) {
                    receive(consumed, next)
                    consumed += 1
                }
                fill()
            }
        }
    }

    /// The same, one index after another (for callers outside an async context).
    package func runSequentially<T>(_ count: Int, _ work: (Int) -> T, receive: (Int, T) -> Void) {
        for i in 0..<count { receive(i, work(i)) }
    }
}
