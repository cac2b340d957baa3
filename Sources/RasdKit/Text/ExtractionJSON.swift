/// The one-line JSON that `rasd extract` writes for a text: its numbers, quantities and dates, keys in a fixed
/// order. Written by hand so that the key order is stable and numbers print without noise (10000, not 10000.0).
package enum ExtractionJSON {
    package static func line(text: String, numbers: [NumberMention], quantities: [Quantity], dates: [DateMention]) -> String {
        var w = JSONWriter()
        w.open("{")
        w.key("text"); w.string(text)
        w.list("numbers", numbers) { w, n in
            w.span(n.start, n.end, n.text)
            w.key("value"); w.number(n.value); w.key("kind"); w.string(n.kind.rawValue)
        }
        w.list("quantities", quantities) { w, q in
            w.span(q.start, q.end, q.text)
            w.key("value"); w.number(q.value); w.key("min"); w.number(q.min); w.key("max"); w.number(q.max)
            w.key("qualifier"); w.string(q.qualifier?.rawValue); w.key("unit"); w.string(q.unit)
            w.key("duration"); w.bool(q.isDuration)
        }
        w.list("dates", dates) { w, d in
            w.span(d.start, d.end, d.text)
            w.key("date"); w.string(d.date?.iso); w.key("value"); w.string(d.date?.iso)
            w.key("precision"); w.string(d.date.map { ["year", "month", "day"][$0.precision.rawValue] })
            w.key("basis"); w.string(d.basis.rawValue); w.key("kind"); w.string(d.kind)
            w.key("span_from"); w.string(d.spanFrom?.iso); w.key("span_to"); w.string(d.spanTo?.iso)
        }
        w.close("}")
        return w.out
    }
}

/// A minimal streaming JSON writer (commas are placed by `key` and `item`).
struct JSONWriter {
    var out = ""
    private var first = [true]

    mutating func open(_ c: String) { out += c; first.append(true) }
    mutating func close(_ c: String) { out += c; first.removeLast() }
    /// A list of objects under `key`, each written by `fields`.
    mutating func list<T>(_ name: String, _ items: [T], _ fields: (inout JSONWriter, T) -> Void) {
        key(name); open("[")
        for item in items {
            self.item(); open("{")
            fields(&self, item)
            close("}")
        }
        close("]")
    }

    /// The offsets and text every extracted item starts with.
    mutating func span(_ start: Int, _ end: Int, _ text: String) {
        key("start"); int(start); key("end"); int(end); key("text"); string(text)
    }
    mutating func item() {
        if first[first.count - 1] { first[first.count - 1] = false } else { out += "," }
    }
    mutating func key(_ k: String) { item(); string(k); out += ":" }
    mutating func int(_ v: Int) { out += String(v) }
    mutating func bool(_ v: Bool) { out += v ? "true" : "false" }
    mutating func number(_ v: Double?) {
        guard let v, v.isFinite else { out += "null"; return }
        if v == v.rounded(), abs(v) < 1e15 { out += String(Int64(v)) } else { out += String(v) }
    }
    mutating func string(_ s: String?) {
        guard let s else { out += "null"; return }
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
