import ArgumentParser
import Foundation
import RasdStore

/// `rasd search QUERY --db FILE`: Arabic-aware full-text search of the store.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find stored articles (normalized spelling, clitics stripped: والعراق finds العراق), best first."
    )

    @Argument(help: "Words to find (all must match).")
    var query: String

    @Option(help: "The SQLite store.")
    var db: String

    @Option(help: "Most hits to show.")
    var limit: Int = 10

    @Flag(help: "Print hits as a JSON array.")
    var json = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            throw ValidationError("no store at \(db) (create it with `rasd ingest ... --db \(db)`)")
        }
        let hits = try ArticleStore(path: db).search(query, limit: limit)
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
