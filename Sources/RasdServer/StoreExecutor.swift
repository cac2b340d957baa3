import Dispatch

/// Where the server's calls to the store run. `ArticleStore` (SQLite through GRDB) answers synchronously, and a
/// large upload keeps it busy for seconds: run on Swift's cooperative pool (one thread per core) it would hold a
/// thread that every other request needs. Calls made through `StoreExecutor.run` run on a dispatch queue of
/// their own instead; a truly asynchronous store (PostgreSQL) loses nothing by it.
enum StoreExecutor {
    static let queue = DispatchQueue(label: "rasd.store", attributes: .concurrent)
    private static let marker = DispatchSpecificKey<Bool>()

    /// True on the store's queue (for tests).
    static var isCurrent: Bool { DispatchQueue.getSpecific(key: marker) == true }

    /// Runs `body` (and the store calls it makes) on the store's queue.
    static func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if #available(macOS 15.0, iOS 18.0, *) {
            return try await withTaskExecutorPreference(QueueExecutor.shared) { try await body() }
        }
        return try await body()
    }

    @available(macOS 15.0, iOS 18.0, *)
    final class QueueExecutor: TaskExecutor, @unchecked Sendable {
        static let shared: QueueExecutor = {
            StoreExecutor.queue.setSpecific(key: StoreExecutor.marker, value: true)
            return QueueExecutor()
        }()

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            StoreExecutor.queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }
}
