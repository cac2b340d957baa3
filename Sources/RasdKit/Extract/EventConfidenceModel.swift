import Foundation

/// The parameters of a confidence model (of event reports, `EventConfidence`, or of their participants,
/// `ArgumentConfidence`) and their compact binary file:
///
///     "RASDEVC1" / "RASDARG1"     magic (8 bytes): the kind of model
///     u32 feature version         (`Kind.featureVersion`; a model for other features is refused)
///     f32 bias, f32 a, f32 b      score = bias + Σ weights; probability = 1 / (1 + exp(-(a × score + b)))
///     u32 F, then F × u64 feature hashes (ascending), then F × f32 weights
///
/// All little-endian; reading is two bulk copies and one table fill (a few thousand features).
package struct EventConfidenceModel: Sendable {
    /// What the model scores; each kind has its file and its feature version.
    package enum Kind: Sendable {
        case event, argument

        var magic: [UInt8] { Array((self == .event ? "RASDEVC1" : "RASDARG1").utf8) }
        package var resource: String { self == .event ? "events/confidence.model" : "events/argument_confidence.model" }
        /// Bumped whenever `EventConfidence.featureNames` (event) or `ArgumentConfidence.featureNames` (argument)
        /// changes what a feature means.
        var featureVersion: UInt32 { 1 }
    }

    package static let resource = Kind.event.resource
    package let kind: Kind

    package var bias: Float
    /// The logistic curve fitted on out-of-fold scores (Platt scaling).
    package var a: Float
    package var b: Float
    /// Feature hash → weight (the Float's bit pattern).
    var weights: HashTable64

    package init(kind: Kind = .event, bias: Float, a: Float, b: Float, weights: [(hash: UInt64, weight: Float)]) {
        self.kind = kind
        self.bias = bias
        self.a = a
        self.b = b
        var table = HashTable64(capacity: weights.count)
        for w in weights where w.weight != 0 { table.update(w.hash) { _ in UInt64(w.weight.bitPattern) } }
        self.weights = table
    }

    package func weight(_ hash: UInt64) -> Float {
        weights.get(hash).map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) } ?? 0
    }

    /// The perceptron's score of a feature set.
    package func score(_ features: [UInt64]) -> Float {
        features.reduce(bias) { $0 + weight($1) }
    }

    package func probability(_ features: [UInt64]) -> Double {
        Self.squash(score(features), a: a, b: b)
    }

    package static func squash(_ score: Float, a: Float, b: Float) -> Double {
        1 / (1 + exp(-Double(a * score + b)))
    }

    /// The features that weigh most (either way), with their names, for `--explain`.
    func strongest(_ features: [UInt64], names: [String], count: Int) -> [(name: String, weight: Float)] {
        zip(names, features).map { (name: $0.0, weight: weight($0.1)) }
            .filter { $0.weight != 0 }
            .sorted { abs($0.weight) > abs($1.weight) }
            .prefix(count).map { $0 }
    }

    package struct FormatError: Error, CustomStringConvertible {
        let message: String
        package var description: String { "confidence model: \(message)" }
    }

    package func serialized() -> Data {
        var out = Data(kind.magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(kind.featureVersion)
        for v in [bias, a, b] { u32(v.bitPattern) }
        let entries = weights.entries.sorted { $0.key < $1.key }
        u32(UInt32(entries.count))
        entries.map { $0.key.littleEndian }.withUnsafeBytes { out.append(contentsOf: $0) }
        entries.map { UInt32(truncatingIfNeeded: $0.value).littleEndian }.withUnsafeBytes { out.append(contentsOf: $0) }
        return out
    }

    package init(data: Data, kind: Kind = .event) throws {
        self.kind = kind
        let bytes = [UInt8](data)
        var offset = 8
        guard bytes.count >= 28, Array(bytes[0..<8]) == kind.magic else { throw FormatError(message: "not a Rasd \(kind) confidence model (bad magic)") }
        func u32() -> UInt32 {
            let v = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
            offset += 4
            return UInt32(littleEndian: v)
        }
        let version = u32()
        guard version == kind.featureVersion else {
            throw FormatError(message: "model built for features v\(version), this build has v\(kind.featureVersion); run rasd train-events")
        }
        bias = Float(bitPattern: u32())
        a = Float(bitPattern: u32())
        b = Float(bitPattern: u32())
        let count = Int(u32())
        guard bytes.count == offset + count * 12 else { throw FormatError(message: "file is truncated") }
        var table = HashTable64(capacity: count)
        bytes.withUnsafeBytes { raw in
            for i in 0..<count {
                let h = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8 * i, as: UInt64.self))
                let w = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8 * count + 4 * i, as: UInt32.self))
                table.update(h) { _ in UInt64(w) }
            }
        }
        weights = table
    }
}
