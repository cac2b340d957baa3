import ArgumentParser
import Foundation
import RasdPostgres
import RasdStore

/// `rasd search QUERY --db LOCATION`: Arabic-aware full-text search of a store (SQLite file or postgres:// URL).
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find stored articles (normalized spelling, clitics stripped: والعراق finds العراق), best first."
    )

    @Argument(help: "Words to find (all must match).")
    var query: String

    @Option(help: "The store: an SQLite file or a postgres://USER:PASSWORD@HOST:PORT/DATABASE URL.")
    var db: String

    @Option(help: "Most hits to show.")
    var limit: Int = 10

    @Flag(help: "Print hits as a JSON array.")
    var json = false

    func run() async throws {
        let location: StoreLocation
        do { location = try StoreLocation(db) } catch { throw ValidationError("\(error)") }
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no store at \(db) (create it with `rasd ingest ... --db \(db)`)")
        }
        let (query, limit) = (query, limit)
        let hits = try await location.withRepository { try await $0.search(query, limit: limit) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(hits), as: UTF8.self))
            return
        }
        if hits.isEmpty { print("no match for: \(query)"); return }
        for (rank, hit) in hits.enumerated() {
            let date = hit.published ?? "----"
            print("\(rank + 1). \(hit.id)  \(date)  \(hit.title ?? "")")
            print("   \(hit.snippet)")
            if !hit.nearDuplicates.isEmpty { print("   same story: \(hit.nearDuplicates.joined(separator: ", "))") }
        }
    }
}
