import Foundation
import Hummingbird

/// The web page's files (HTML, CSS, JS) and the OpenAPI description, read once from the bundled `Public`
/// folder. Only these files are ever served, each at its own fixed path: no path from a request reaches the
/// file system, so `..` or an unknown name can only get 400 or 404.
package struct WebAssets: Sendable {
    package struct Asset: Sendable {
        package var data: Data
        package var contentType: String
    }

    /// URL path ("/app.js") → file. "/" is index.html.
    package private(set) var files: [String: Asset] = [:]
    /// The OpenAPI description, served at /api/openapi.yaml.
    package private(set) var openAPI: Asset?

    package struct MissingAssets: Error, CustomStringConvertible {
        package var path: String
        package var description: String { "the web page's files are not at \(path)" }
    }

    /// The files bundled with RasdServer; `RASD_WEB` may name another folder of the same layout (to work on
    /// the page without rebuilding).
    package static func bundled() throws -> WebAssets {
        if let override = ProcessInfo.processInfo.environment["RASD_WEB"], !override.isEmpty {
            return try WebAssets(directory: URL(fileURLWithPath: override, isDirectory: true))
        }
        let url = Bundle.module.url(forResource: "Public", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Public", isDirectory: true)
        return try WebAssets(directory: url)
    }

    package init(directory: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard names.contains("index.html") else { throw MissingAssets(path: directory.path) }
        for name in names.sorted() where !name.hasPrefix(".") {
            guard let type = WebAssets.contentTypes[(name as NSString).pathExtension],
                  let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            let asset = Asset(data: data, contentType: type)
            if name == "openapi.yaml" { openAPI = asset; continue }
            files["/" + name] = asset
        }
        files["/"] = files["/index.html"]
    }

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "yaml": "application/yaml; charset=utf-8",
    ]

    func response(_ asset: Asset) -> Response {
        Response(status: .ok, headers: [
            .contentType: asset.contentType,
            .cacheControl: "no-cache",
            .init("X-Content-Type-Options")!: "nosniff",
            // The page loads nothing from elsewhere and runs no inline script.
            .init("Content-Security-Policy")!: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
        ], body: .init(byteBuffer: ByteBuffer(bytes: asset.data)))
    }

    func register(on routes: RouteTable) {
        for (path, asset) in files.sorted(by: { $0.key < $1.key }) {
            let response = response(asset)
            routes.get(path) { _, _ in response }
        }
        if let openAPI {
            let response = response(openAPI)
            routes.get("/api/openapi.yaml") { _, _ in response }
        }
    }
}
