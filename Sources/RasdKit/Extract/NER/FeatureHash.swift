/// 64-bit hashing of feature parts, so the tagger's features are numbers built from scalars, never strings.
enum FeatureHash {
    /// FNV-1a over scalar values, finished with a mixer so short words spread over all 64 bits.
    @inline(__always)
    static func scalars(_ buffer: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            h ^= UInt64(buffer[i])
            h = h &* 0x0000_0100_0000_01B3
        }
        return finish(h ^ UInt64(range.count))
    }

    static func scalars(_ values: [UInt32]) -> UInt64 {
        values.withUnsafeBufferPointer { scalars($0, 0..<$0.count) }
    }

    /// splitmix64's finalizer.
    @inline(__always)
    static func finish(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Order-sensitive combination of a running hash with one more part.
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finish(a &* 0x0000_0100_0000_01B3 ^ b)
    }

    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64) -> UInt64 {
        combine(template &* 0x9E37_79B9_7F4A_7C15, a)
    }

    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        combine(combine(template &* 0x9E37_79B9_7F4A_7C15, a), b)
    }
}

/// Arabic proclitics in normalized text: an optional conjunction (و ف), an optional preposition (ب ل ك) and an
/// optional article (ال, or لل for ل + ال). A private helper of the tagger (the Text stage may grow a full
/// `Clitics` analyser; the tagger only needs the stem for its features).
enum ProcliticStripper {
    static let waw: UInt32 = 0x0648, fa: UInt32 = 0x0641, ba: UInt32 = 0x0628, lam: UInt32 = 0x0644
    static let kaf: UInt32 = 0x0643, alef: UInt32 = 0x0627

    /// Every way to strip proclitics from `word[range]`, as the start offsets of what remains (the unstripped
    /// start first), keeping at least `minimum` scalars.
    static func candidateStarts(_ word: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, minimum: Int, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        out.append(range.lowerBound)
        let end = range.upperBound
        func at(_ i: Int) -> UInt32 { i < end ? word[i] : 0 }
        for conj in 0..<2 {
            let c = range.lowerBound + conj
            if conj == 1, at(range.lowerBound) != waw, at(range.lowerBound) != fa { continue }
            let p = at(c)
            for prep in 0..<3 {
                if prep == 1, p != ba, p != kaf, p != lam { continue }
                if prep == 2, !(p == lam && at(c + 1) == lam) { continue }   // لل: ل + ال with the alef dropped
                let s = c + prep
                if s != range.lowerBound, end - s >= minimum, !out.contains(s) { out.append(s) }
                if at(s) == alef, at(s + 1) == lam, end - (s + 2) >= minimum, !out.contains(s + 2) { out.append(s + 2) }
            }
        }
    }

    /// Hashes of the word without a leading conjunction (و ف) and/or preposition (ب ل ك), leaving at least three
    /// scalars; a leading لل (ل + ال) also gives the form with ال. The article is kept: "الأهلي" and
    /// "للأهلي" share a form, "أهلي" does not.
    static func appendCliticForms(_ word: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, into out: inout [UInt64]) {
        let end = range.upperBound
        func at(_ i: Int) -> UInt32 { i < end ? word[i] : 0 }
        var s = range.lowerBound
        if (at(s) == waw || at(s) == fa), end - (s + 1) >= 3 { s += 1; out.append(FeatureHash.scalars(word, s..<end)) }
        let p = at(s)
        if p == lam, at(s + 1) == lam, end - (s + 2) >= 2 {
            // لل + rest: the form ال + rest.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            h ^= UInt64(alef); h = h &* 0x0000_0100_0000_01B3
            h ^= UInt64(lam); h = h &* 0x0000_0100_0000_01B3
            for i in (s + 2)..<end { h ^= UInt64(word[i]); h = h &* 0x0000_0100_0000_01B3 }
            out.append(FeatureHash.finish(h ^ UInt64(end - s)))
        } else if p == ba || p == kaf || p == lam, end - (s + 1) >= 3 {
            out.append(FeatureHash.scalars(word, (s + 1)..<end))
        }
    }

    /// The start of the stem: the longest strip that leaves at least three scalars.
    static func stemStart(_ word: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, scratch: inout [Int]) -> Int {
        candidateStarts(word, range, minimum: 3, into: &scratch)
        return scratch.max() ?? range.lowerBound
    }
}
