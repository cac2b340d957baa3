import Foundation
@testable import RasdServer
import XCTest

/// Searches wait their turn: never more at once than the gate's slots, every one of them run.
final class SearchGateTests: XCTestCase {
    actor Counter {
        var running = 0, most = 0, done = 0
        func enter() { running += 1; most = max(most, running) }
        func leave() { running -= 1; done += 1 }
    }

    func testNoMoreSearchesAtOnceThanSlots() async throws {
        let gate = SearchGate(slots: 2)
        let counter = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await gate.run {
                        await counter.enter()
                        try await Task.sleep(for: .milliseconds(20))
                        await counter.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        let most = await counter.most, done = await counter.done
        XCTAssertEqual(done, 12)
        XCTAssertEqual(most, 2)
    }

    /// A search that fails gives its slot back.
    func testAFailedSearchFreesItsSlot() async throws {
        struct Failure: Error {}
        let gate = SearchGate(slots: 1)
        do { _ = try await gate.run { () async throws -> Int in throw Failure() }; XCTFail("no error") } catch is Failure {}
        let value = try await gate.run { 7 }
        XCTAssertEqual(value, 7)
    }
}
