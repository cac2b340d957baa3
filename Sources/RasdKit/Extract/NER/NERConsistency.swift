/// One sense per discourse: a name the tagger found in one sentence of a document is tagged the same where it
/// occurs again nearby and the tagger left it untagged ("... مباراة أسيك ..." after "فريق أسيك أبيدجان"). Names
/// match on normalized tokens; the first may carry a conjunction or preposition (وأسيك, للأهلي).
enum NERConsistency {
    /// Sentences before and after a sentence whose names count for it.
    static let window = 5

    /// Per sentence: the paths to amend and each token's match forms (`NERFeatureExtractor.Output.forms`).
    /// - Parameter common: per token, whether it is a common word: not tagged alone by this pass ("أسد" is not
    ///   a person because "الأسد" was one).
    static func apply(_ paths: inout [[Int]], forms: [[UInt64]], formStarts: [[Int]], common: [[Bool]], tags: [String]) {
        let t = tags.count
        // Tag index → (is B, is I, type number, B index, I index).
        var begin = [Int](repeating: -1, count: t), inside = [Int](repeating: -1, count: t)
        var typeOf = [Int](repeating: 0, count: t)
        var typeNames: [Substring] = [""]
        let isBegin = tags.map { BIOTag.split($0).prefix == "B" }
        for (k, tag) in tags.enumerated() {
            let (prefix, type) = BIOTag.split(tag)
            guard !type.isEmpty else { continue }
            if let n = typeNames.firstIndex(of: type) { typeOf[k] = n } else { typeNames.append(type); typeOf[k] = typeNames.count - 1 }
            if prefix == "B" { begin[typeOf[k]] = k } else if prefix == "I" { inside[typeOf[k]] = k }
        }
        begin += [Int](repeating: -1, count: max(0, typeNames.count - begin.count))
        inside += [Int](repeating: -1, count: max(0, typeNames.count - inside.count))
        guard let outside = tags.firstIndex(of: "O") else { return }
        let person = typeNames.firstIndex(of: "PERS") ?? -1

        // Names found: key hash → list number; lists hold (sentence, type) in sentence order. Keys under every
        // form of the first token; `firsts` rejects most tokens with one lookup.
        var keys = HashTable64(), firsts = HashTable64()
        var lists: [[(sentence: Int, type: Int)]] = []
        func add(_ key: UInt64, first: UInt64, length: Int, _ s: Int, _ type: Int) {
            firsts.update(first) { max($0 ?? 0, UInt64(length)) }
            if let k = keys.get(key) { lists[Int(k)].append((s, type)) } else {
                keys.update(key) { _ in UInt64(lists.count) }
                lists.append([(s, type)])
            }
        }
        for (s, path) in paths.enumerated() {
            for chunk in chunks(path, typeOf: typeOf, isBegin: isBegin, outside: outside) {
                for first in formStarts[s][chunk.start]..<formStarts[s][chunk.start + 1] {
                    var h = forms[s][first]
                    for i in (chunk.start + 1)..<chunk.end { h = FeatureHash.combine(h, forms[s][formStarts[s][i]]) }
                    add(h, first: forms[s][first], length: chunk.end - chunk.start, s, chunk.type)
                }
                // A person's family name alone refers to them ("شالوم" after "سلفان شالوم").
                if chunk.type == person, chunk.end - chunk.start >= 2 {
                    let last = chunk.end - 1
                    for form in formStarts[s][last]..<formStarts[s][last + 1] { add(forms[s][form], first: forms[s][form], length: 1, s, chunk.type) }
                }
            }
        }
        if lists.isEmpty { return }
        var votes = [Int](repeating: 0, count: typeNames.count)
        for s in paths.indices {
            let n = paths[s].count
            var i = 0
            while i < n {
                guard paths[s][i] == outside else { i += 1; continue }
                var longest = 0
                for first in formStarts[s][i]..<formStarts[s][i + 1] { longest = max(longest, Int(firsts.get(forms[s][first]) ?? 0)) }
                var free = 0
                while free < longest, i + free < n, paths[s][i + free] == outside { free += 1 }
                var matched = 0, type = 0
                for length in stride(from: free, through: common[s][i] ? 2 : 1, by: -1) {
                    for k in votes.indices { votes[k] = 0 }
                    for first in formStarts[s][i]..<formStarts[s][i + 1] {
                        var h = forms[s][first]
                        for j in (i + 1)..<(i + length) { h = FeatureHash.combine(h, forms[s][formStarts[s][j]]) }
                        guard let k = keys.get(h) else { continue }
                        let list = lists[Int(k)]
                        // First entry within the window (lists are in sentence order).
                        var lo = 0, hi = list.count
                        while lo < hi { let mid = (lo + hi) / 2; if list[mid].sentence < s - window { lo = mid + 1 } else { hi = mid } }
                        while lo < list.count, list[lo].sentence <= s + window { votes[list[lo].type] += 1; lo += 1 }
                    }
                    if let best = votes.indices.max(by: { votes[$0] < votes[$1] }), votes[best] > 0 {
                        matched = length; type = best
                        break
                    }
                }
                if matched > 0, begin[type] >= 0, inside[type] >= 0 {
                    paths[s][i] = begin[type]
                    for j in (i + 1)..<(i + matched) { paths[s][j] = inside[type] }
                    i += matched
                } else {
                    i += 1
                }
            }
        }
    }

    private static func chunks(_ path: [Int], typeOf: [Int], isBegin: [Bool], outside: Int) -> [(start: Int, end: Int, type: Int)] {
        var result: [(start: Int, end: Int, type: Int)] = []
        var start = -1
        for (i, tag) in path.enumerated() {
            let type = tag == outside ? 0 : typeOf[tag]
            let opens = type != 0 && (isBegin[tag] || start < 0 || typeOf[path[start]] != type)
            if start >= 0, type == 0 || opens { result.append((start, i, typeOf[path[start]])); start = -1 }
            if opens { start = i }
        }
        if start >= 0 { result.append((start, path.count, typeOf[path[start]])) }
        return result
    }
}
