import Foundation

/// Progress and warnings on standard error; quiet silences progress, never warnings.
struct Progress {
    let quiet: Bool
    let noun: String
    private let started = Date()
    private let interactive = isatty(2) != 0

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
        FileHandle.standardError.write(Data("rasd: \(message)\n".utf8))
    }
}
