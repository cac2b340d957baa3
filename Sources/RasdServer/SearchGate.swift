import Foundation

/// How many searches run at once; the others wait their turn (suspended, holding no thread). A search is
/// CPU-bound (full-text ranking, snippets, name matching): run all at once, they would share the cores with
/// every other request, and `GET /api/health` or the page's next view would wait behind them.
actor SearchGate {
    static let shared = SearchGate(slots: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int) { free = slots }

    /// Runs `body` when a slot is free.
    nonisolated func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
