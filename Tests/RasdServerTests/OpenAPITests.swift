import Foundation
@testable import RasdServer
import XCTest

/// docs/openapi.yaml and the code agree: every route the sources register is documented, every documented
/// operation is registered. And every file the page names is bundled.
final class OpenAPITests: XCTestCase {
    static let sources = SharedData.repository.appendingPathComponent("Sources/RasdServer")

    /// "GET /api/documents/{id}" for each `routes.get("/api/…")` / `routes.post(…)` in the server's sources.
    func registeredRoutes() throws -> Set<String> {
        var routes = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"routes\.(get|post)\("(/api/[^"]+)"\)"#)
        for name in try FileManager.default.contentsOfDirectory(atPath: OpenAPITests.sources.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: OpenAPITests.sources.appendingPathComponent(name), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let method = String(text[Range(match.range(at: 1), in: text)!]).uppercased()
                routes.insert("\(method) \(text[Range(match.range(at: 2), in: text)!])")
            }
        }
        return routes
    }

    /// "GET /api/…" for each operation under `paths:` (two-space path keys, four-space method keys).
    func documentedOperations() throws -> Set<String> {
        let text = try String(contentsOf: SharedData.repository.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        var operations = Set<String>()
        var path: String?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
            if !line.hasPrefix("  ") { path = nil }
            for method in ["get", "post", "put", "delete", "patch"] where line == "    \(method):" {
                if let path { operations.insert("\(method.uppercased()) \(path)") }
            }
        }
        return operations
    }

    func testEveryRouteIsDocumentedAndEveryOperationExists() throws {
        let routes = try registeredRoutes()
        XCTAssertGreaterThanOrEqual(routes.count, 14, "\(routes)")
        let operations = try documentedOperations()
        XCTAssertEqual(routes.subtracting(operations), [], "registered but not in docs/openapi.yaml")
        XCTAssertEqual(operations.subtracting(routes), [], "in docs/openapi.yaml but not registered")
    }

    func testEveryFileThePageNamesIsBundled() throws {
        let folder = OpenAPITests.sources.appendingPathComponent("Public")
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(?:src|href)="([a-z0-9.]+)""#)
        let names = pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
        XCTAssertGreaterThanOrEqual(names.count, 6)
        for name in names {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), name)
            XCTAssertNotNil(WebAssets.contentTypes[(name as NSString).pathExtension], "\(name): a type the server serves")
        }
    }
}
