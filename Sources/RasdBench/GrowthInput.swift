import Foundation

/// Bigger (and smaller) inputs built from a JSONL sample, to show how cost grows with input size.
///
/// - scale ≤ 1: the first `ceil(n × scale)` records, unchanged.
/// - scale k > 1: the sample, then k − 1 altered copies of it. In copy c every fifth Arabic word (chosen by a
///   hash of c and the word's position) has its letters shifted along the alphabet, so that no copy repeats
///   another's content, lines or word shingles: the store stores every copy, no near-duplicate or repeated
///   boilerplate line appears, while sentence structure, punctuation, numbers and dates stay as written.
///   Ids get the suffix `-xC`.
package enum GrowthInput {
    package struct Written: Sendable, Equatable {
        package var records: Int
        package var bytes: Int
    }

    package enum Failure: Error, CustomStringConvertible {
        case unreadable(String), unwritable(String)
        package var description: String {
            switch self {
            case .unreadable(let p): return "cannot read \(p)"
            case .unwritable(let p): return "cannot write \(p)"
            }
        }
    }

    /// Writes the input at `scale` to `path`, streaming (a 100× file is never held in memory).
    @discardableResult
    package static func write(from input: String, scale: Double, to path: String) throws -> Written {
        guard let data = FileManager.default.contents(atPath: input) else { throw Failure.unreadable(input) }
        let lines = data.split(separator: UInt8(ascii: "\n")).filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D } }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let out = FileHandle(forWritingAtPath: path) else { throw Failure.unwritable(path) }
        defer { try? out.close() }
        var written = Written(records: 0, bytes: 0)
        var buffer = Data()
        func emit(_ line: Data) {
            buffer.append(line)
            buffer.append(UInt8(ascii: "\n"))
            written.records += 1
            written.bytes += line.count + 1
            if buffer.count > 4 << 20 { out.write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        if scale <= 1 {
            for line in lines.prefix(Int((Double(lines.count) * scale).rounded(.up))) { emit(Data(line)) }
        } else {
            for line in lines { emit(Data(line)) }
            let records = lines.map { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
            let copies = Int(scale.rounded())
            for copy in 1..<max(copies, 1) {
                for (k, record) in records.enumerated() {
                    guard var r = record else { emit(Data(lines[k])); continue }
                    if let id = r["id"] as? String { r["id"] = "\(id)-x\(copy)" } else { r["id"] = "line\(k)-x\(copy)" }
                    for key in ["text", "title", "html"] {
                        if let s = r[key] as? String { r[key] = variant(s, copy: copy) }
                    }
                    emit((try? JSONSerialization.data(withJSONObject: r)) ?? Data(lines[k]))
                }
            }
        }
        out.write(buffer)
        return written
    }

    /// The Arabic letters that the alteration shifts among (hamza forms, ة and ى stay as they are).
    static let alphabet: [UInt32] = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوي".unicodeScalars.map(\.value))
    static let position: [UInt32: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// `text` with every fifth Arabic word (of three letters or more) altered for copy `copy` (≥ 1). Same length
    /// in scalars; everything but the chosen words' letters is kept.
    package static func variant(_ text: String, copy: Int) -> String {
        var scalars = Array(text.unicodeScalars)
        let shift = 1 + (copy - 1) % (alphabet.count - 1)
        var word = 0
        var i = 0
        while i < scalars.count {
            guard isArabicLetter(scalars[i].value) else { i += 1; continue }
            var end = i
            while end < scalars.count, isArabicLetter(scalars[end].value) || isMark(scalars[end].value) { end += 1 }
            if end - i >= 3, chosen(copy: copy, word: word) {
                for k in i..<end {
                    if let p = position[scalars[k].value] {
                        scalars[k] = Unicode.Scalar(alphabet[(p + shift) % alphabet.count])!
                    }
                }
            }
            word += 1
            i = end
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// One word in five, by a hash of the copy and the word's position (SplitMix64's finalizer).
    static func chosen(copy: Int, word: Int) -> Bool {
        var z = UInt64(truncatingIfNeeded: copy) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: word)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z % 5 == 0
    }

    static func isArabicLetter(_ v: UInt32) -> Bool { (0x0621...0x063A).contains(v) || (0x0641...0x064A).contains(v) }
    static func isMark(_ v: UInt32) -> Bool { (0x064B...0x0652).contains(v) || v == 0x0640 }
}
