import XCTest
@testable import RasdPostgres

/// Connection URLs and store selection (no server needed).
final class StoreLocationTests: XCTestCase {
    func testPostgresURLsAreParsedAsLibpqWritesThem() throws {
        let full = try PostgresLocation(url: "postgresql://r%40sd:p%3Ass@db.example:6543/news_db?sslmode=disable&connect_timeout=3")
        XCTAssertEqual(full, PostgresLocation(host: "db.example", port: 6543, username: "r@sd", password: "p:ss",
                                              database: "news_db", tls: .disable, connectTimeoutSeconds: 3))
        XCTAssertEqual(full.description, "postgres://r@sd:***@db.example:6543/news_db")
        let bare = try PostgresLocation(url: "postgres://localhost")
        XCTAssertEqual(bare, PostgresLocation(host: "localhost", port: 5432, username: "postgres", password: nil, database: "postgres"))
        XCTAssertEqual(try PostgresLocation(url: "postgres://u@h/").database, "u")
        XCTAssertEqual(try PostgresLocation(url: "POSTGRES://u@h/d?sslmode=verify-full").tls, .verifyFull)
    }

    func testBadURLsSayWhat() {
        func reason(_ url: String) -> String {
            do { _ = try PostgresLocation(url: url); return "accepted" } catch { return "\(error)" }
        }
        XCTAssertTrue(reason("postgres:///db").contains("no host"), reason("postgres:///db"))
        XCTAssertTrue(reason("postgres://h/db?sslmode=sometimes").contains("sslmode must be one of"))
        XCTAssertTrue(reason("postgres://h/db?pool=3").contains("unsupported parameter 'pool'"))
        XCTAssertTrue(reason("postgres://h/a/b").contains("just the database name"))
        XCTAssertFalse(reason("postgres://u:secret@/db").contains("secret"), reason("postgres://u:secret@/db"))
    }

    func testLocationsOtherThanURLsAreSQLiteFiles() throws {
        XCTAssertEqual(try StoreLocation("news.db"), .sqlite(path: "news.db"))
        XCTAssertEqual(try StoreLocation("/tmp/postgres/x.db"), .sqlite(path: "/tmp/postgres/x.db"))
        XCTAssertEqual(try StoreLocation("postgres://u:p@127.0.0.1:5432/n"),
                       .postgres(PostgresLocation(host: "127.0.0.1", username: "u", password: "p", database: "n")))
    }

    func testUnreachableServerFailsFastWithTheReason() async throws {
        // Port 1 on loopback: nothing listens there.
        let location = PostgresLocation(host: "127.0.0.1", port: 1, username: "u", password: "p", database: "d", tls: .disable,
                                        connectTimeoutSeconds: 3)
        do {
            let store = try await PostgresArticleStore.open(location)
            await store.close()
            XCTFail("opened a store on a closed port")
        } catch let error as PostgresStoreError {
            guard case .unreachable(let where_, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(where_, "postgres://u:***@127.0.0.1:1/d")
        }
    }

    func testNullCharactersInJSONBecomeReplacementCharacters() {
        XCTAssertEqual(JSONText.withoutNullCharacters(#"{"a":"x\u0000y","b":"\\u0000"}"#), #"{"a":"x\ufffdy","b":"\\u0000"}"#)
        XCTAssertEqual(JSONText.clean("a\u{0}b"), "a\u{FFFD}b")
    }
}
