import Foundation

/// Progress and warnings on standard error; quiet silences progress, never warnings. Past `warningLimit`
/// warnings are counted, not printed (a feed with a bad line in every thousand would print thousands), and
/// `summarize` says how many were left out: the analysis lists them all (`problems`).
struct Progress {
    let quiet: Bool
    let noun: String
    private let started = Date()
    private let interactive = isatty(2) != 0
    static let warningLimit = 100
    private final class Count: @unchecked Sendable { var warnings = 0 }
    private let count = Count()

    init(quiet: Bool, noun: String) {
        self.quiet = quiet
        self.noun = noun
    }

    func update(_ done: Int, of total: Int) {
        guard !quiet else { return }
        // On a terminal redraw one line; in logs, print every 10% and the last.
        let step = max(1, total / 10)
        if interactive {
            FileHandle.standardError.write(Data("\r\(done)/\(total) \(noun)".utf8))
        } else if done % step == 0 || done == total {
            FileHandle.standardError.write(Data("\(done)/\(total) \(noun)\n".utf8))
        }
    }

    func finish() {
        guard !quiet else { return }
        let seconds = Date().timeIntervalSince(started)
        let prefix = interactive ? "\r" : ""
        FileHandle.standardError.write(Data(String(format: "%@done in %.2f s\n", prefix, seconds).utf8))
    }

    func warn(_ message: String) {
        count.warnings += 1
        guard count.warnings <= Self.warningLimit else { return }
        FileHandle.standardError.write(Data("rasd: \(message)\n".utf8))
    }

    /// How many warnings were not printed, if any.
    func summarize() {
        let left = count.warnings - Self.warningLimit
        guard left > 0 else { return }
        FileHandle.standardError.write(Data("rasd: \(left) more problems not shown (the JSON analysis and the Markdown report list every one)\n".utf8))
    }
}
