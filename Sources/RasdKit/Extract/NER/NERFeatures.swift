/// Optional groups of the tagger's features.
struct NERFeatureOptions: OptionSet, Sendable {
    let rawValue: UInt32
    /// Words missing from the word counts are read as one unknown word (their affixes and shape stay).
    static let unknownWords = NERFeatureOptions(rawValue: 1 << 0)
    /// The phrase marks around a rare word (seen at most once) again, as features of their own.
    static let rareMarks = NERFeatureOptions(rawValue: 1 << 1)
    /// The usual entity type of the words at ±2 (with the word's count bucket).
    static let wideUsual = NERFeatureOptions(rawValue: 1 << 2)
}

/// Turns a sentence of words into hashed features per token. The same code serves training and tagging, so a
/// model and the extractor must agree: `version` is stored in the model and checked on load.
struct NERFeatureExtractor: Sendable {
    static let version: UInt32 = 3

    var lexicon: NERLexicon
    /// The tagger's own name list (from its training data), in addition to the lexicon.
    var names: PhraseMatcher
    /// Word counts by entity type from the training data.
    var stats = WordStats()
    /// Optional feature groups (stored in the model, which must be read with the groups it was trained with).
    var options: NERFeatureOptions = []
    var unknownWords: Bool { options.contains(.unknownWords) }

    init(lexicon: NERLexicon, names: PhraseMatcher, stats: WordStats = WordStats(), options: NERFeatureOptions = []) {
        self.lexicon = lexicon
        self.names = names
        self.stats = stats
        self.options = options
    }

    private static let unknown = FeatureHash.finish(0x0C0C_0C0C)

    /// The feature every token has: its weights are a per-tag prior (where a trainer folds an entity bias).
    static var biasFeature: UInt64 { FeatureHash.feature(T.bias.rawValue, 0) }

    /// Features of one sentence: those of token i are `hashes[starts[i]..<starts[i + 1]]`.
    struct Output {
        var hashes: [UInt64] = []
        var starts: [Int] = [0]
        /// Per token, the hash of its clitic-stripped stem (the key of the document-level features).
        var stems: [UInt64] = []
        /// Per token, the hash of the normalized token and of its forms without a conjunction or preposition
        /// (for the document-consistency pass): token i's are `forms[formStarts[i]..<formStarts[i + 1]]`, whole
        /// token first.
        var forms: [UInt64] = []
        var formStarts: [Int] = [0]
        /// Per token: a common word (seen at least 3 times in training, mostly outside names), which the
        /// consistency pass does not tag on its own.
        var common: [Bool] = []
        var count: Int { starts.count - 1 }
        func range(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }
    }

    /// Per-token facts the features are built from.
    private struct Atoms {
        var word: UInt64 = 0, norm: UInt64 = 0, stem: UInt64 = 0, clitics: UInt64 = 0
        var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var stemPrefix2: UInt64 = 0, stemPrefix3: UInt64 = 0
        var shape: UInt64 = 0, length: UInt64 = 0
        /// Training-count bucket (0: unseen ... 4: frequent) and the usual entity type with its share.
        var seen: UInt64 = 0, usual: UInt64 = 0
    }


    private static let outside: Atoms = {
        var a = Atoms()
        let h = FeatureHash.finish(0xB0B0_B0B0)
        a.word = h; a.norm = h; a.stem = h; a.shape = h
        a.suffixes = (h, h, h, h)
        a.seen = 7; a.usual = 0xFF
        return a
    }()

    // Template numbers; a feature is hash(template, parts...).
    private enum T: UInt64 {
        case bias = 1, word, norm, stem, clitics, pre1, pre2, pre3, pre4, suf1, suf2, suf3, suf4
        case stemPre2, stemPre3, shape, length
        case normM1, normM2, normP1, normP2, stemM1, stemM2, stemP1, stemP2
        case biM1, biP1, stemBiM1, stemBiP1, biM2M1, biP1P2
        case suf2M1, suf2P1, shapeM1, shapeP1, first, last, shapeStem
        case seen, usual, seenAround, usualM1, usualP1, rareStemM1, rareStemP1, rareStemM2, rareNormM1, rareStemP2
        case usualM2, usualP2
        case phrase = 100   // + offset, with the mark bit as the part
        case rarePhrase = 200   // the same, on a rare word only
    }

    func extract(_ words: [String], into out: inout Output) {
        let n = words.count
        out.hashes.removeAll(keepingCapacity: true)
        out.starts.removeAll(keepingCapacity: true)
        out.starts.append(0)
        out.stems.removeAll(keepingCapacity: true)
        out.forms.removeAll(keepingCapacity: true)
        out.formStarts.removeAll(keepingCapacity: true)
        out.formStarts.append(0)
        out.common.removeAll(keepingCapacity: true)
        if n == 0 { return }

        // Normalized scalars of every word, end to end.
        var scalars: [UInt32] = []
        scalars.reserveCapacity(n * 8)
        var bounds = [Int](repeating: 0, count: n + 1)
        for (i, word) in words.enumerated() {
            ArabicNormalizer.shared.appendNormalized(word, to: &scalars)
            bounds[i + 1] = scalars.count
        }

        var atoms = [Atoms](repeating: Atoms(), count: n)
        var firstForms: [UInt64] = []
        firstForms.reserveCapacity(n * 3)
        var formStarts = [0]
        formStarts.reserveCapacity(n + 1)
        var full = [UInt64](repeating: 0, count: n)
        var scratch: [Int] = []
        scratch.reserveCapacity(8)
        scalars.withUnsafeBufferPointer { buf in
            for i in 0..<n {
                let r = bounds[i]..<bounds[i + 1]
                var a = Atoms()
                a.word = NERFeatureExtractor.rawHash(words[i])
                a.norm = FeatureHash.scalars(buf, r)
                full[i] = a.norm
                let stemStart = ProcliticStripper.stemStart(buf, r, scratch: &scratch)
                a.stem = FeatureHash.scalars(buf, stemStart..<r.upperBound)
                a.clitics = FeatureHash.scalars(buf, r.lowerBound..<stemStart)
                let c = r.count
                a.prefixes = (FeatureHash.scalars(buf, r.lowerBound..<r.lowerBound + min(1, c)),
                              FeatureHash.scalars(buf, r.lowerBound..<r.lowerBound + min(2, c)),
                              FeatureHash.scalars(buf, r.lowerBound..<r.lowerBound + min(3, c)),
                              FeatureHash.scalars(buf, r.lowerBound..<r.lowerBound + min(4, c)))
                a.suffixes = (FeatureHash.scalars(buf, r.upperBound - min(1, c)..<r.upperBound),
                              FeatureHash.scalars(buf, r.upperBound - min(2, c)..<r.upperBound),
                              FeatureHash.scalars(buf, r.upperBound - min(3, c)..<r.upperBound),
                              FeatureHash.scalars(buf, r.upperBound - min(4, c)..<r.upperBound))
                let sc = r.upperBound - stemStart
                a.stemPrefix2 = FeatureHash.scalars(buf, stemStart..<stemStart + min(2, sc))
                a.stemPrefix3 = FeatureHash.scalars(buf, stemStart..<stemStart + min(3, sc))
                a.shape = NERFeatureExtractor.shape(buf, r)
                a.length = UInt64(min(c, 12))
                out.stems.append(a.stem)
                out.forms.append(a.norm)
                ProcliticStripper.appendCliticForms(buf, r, into: &out.forms)
                out.formStarts.append(out.forms.count)
                var common = false
                if !stats.isEmpty {
                    let packed = stats.packed(a.stem)
                    let total = WordStats.total(packed)
                    common = total >= 3 && 2 * (total - WordStats.count(packed, 0)) < total
                    (a.seen, a.usual) = NERFeatureExtractor.seenAndUsual(packed)
                    if unknownWords, a.seen == 0 { a.word = NERFeatureExtractor.unknown; a.norm = a.word; a.stem = a.word }
                }
                out.common.append(common)
                atoms[i] = a

                ProcliticStripper.candidateStarts(buf, r, minimum: 2, into: &scratch)
                for s in scratch { firstForms.append(s == r.lowerBound ? a.norm : FeatureHash.scalars(buf, s..<r.upperBound)) }
                formStarts.append(firstForms.count)
            }
        }

        var marks = [UInt64](repeating: 0, count: n)
        lexicon.matcher.mark(firstForms: firstForms, formStarts: formStarts, full: full, marks: &marks)
        names.mark(firstForms: firstForms, formStarts: formStarts, full: full, marks: &marks)

        out.hashes.reserveCapacity(n * 48)
        func emit(_ t: T, _ a: UInt64) { out.hashes.append(FeatureHash.feature(t.rawValue, a)) }
        func emit(_ t: T, _ a: UInt64, _ b: UInt64) { out.hashes.append(FeatureHash.feature(t.rawValue, a, b)) }
        let outside = NERFeatureExtractor.outside
        for i in 0..<n {
            let a = atoms[i]
            let m1 = i >= 1 ? atoms[i - 1] : outside, m2 = i >= 2 ? atoms[i - 2] : outside
            let p1 = i + 1 < n ? atoms[i + 1] : outside, p2 = i + 2 < n ? atoms[i + 2] : outside
            emit(.bias, 0)
            emit(.word, a.word); emit(.norm, a.norm); emit(.stem, a.stem); emit(.clitics, a.clitics)
            emit(.pre1, a.prefixes.0); emit(.pre2, a.prefixes.1); emit(.pre3, a.prefixes.2); emit(.pre4, a.prefixes.3)
            emit(.suf1, a.suffixes.0); emit(.suf2, a.suffixes.1); emit(.suf3, a.suffixes.2); emit(.suf4, a.suffixes.3)
            emit(.stemPre2, a.stemPrefix2); emit(.stemPre3, a.stemPrefix3)
            emit(.shape, a.shape); emit(.length, a.length)
            emit(.normM1, m1.norm); emit(.normM2, m2.norm); emit(.normP1, p1.norm); emit(.normP2, p2.norm)
            emit(.stemM1, m1.stem); emit(.stemM2, m2.stem); emit(.stemP1, p1.stem); emit(.stemP2, p2.stem)
            emit(.biM1, m1.norm, a.norm); emit(.biP1, a.norm, p1.norm)
            emit(.stemBiM1, m1.stem, a.stem); emit(.stemBiP1, a.stem, p1.stem)
            emit(.biM2M1, m2.norm, m1.norm); emit(.biP1P2, p1.norm, p2.norm)
            emit(.suf2M1, m1.suffixes.1); emit(.suf2P1, p1.suffixes.1)
            emit(.shapeM1, m1.shape); emit(.shapeP1, p1.shape)
            emit(.shapeStem, a.shape, a.stemPrefix2)
            if !stats.isEmpty {
                emit(.seen, a.seen); emit(.usual, a.usual)
                emit(.seenAround, m1.seen << 8 | a.seen << 4 | p1.seen)
                emit(.usualM1, m1.usual, a.seen); emit(.usualP1, p1.usual, a.seen)
                if a.seen <= 1 {
                    // An unknown or rare word: its context decides.
                    emit(.rareStemM1, m1.stem); emit(.rareStemP1, p1.stem); emit(.rareStemM2, m2.stem)
                    emit(.rareNormM1, m1.norm); emit(.rareStemP2, p2.stem)
                }
                if options.contains(.wideUsual) { emit(.usualM2, m2.usual, a.seen); emit(.usualP2, p2.usual, a.seen) }
            }
            if i == 0 { emit(.first, 0) }
            if i == n - 1 { emit(.last, 0) }
            // Phrase marks of this token and its neighbours (offsets -3...+2); again for a rare word, whose own
            // features say little: an unseen word after a trigger word ("شركة", "بطولة") is likely a name.
            let rare = options.contains(.rareMarks) && !stats.isEmpty && a.seen <= 1
            for offset in -3...2 {
                let j = i + offset
                guard j >= 0, j < n else { continue }
                var bits = marks[j]
                while bits != 0 {
                    let b = UInt64(bits.trailingZeroBitCount)
                    bits &= bits - 1
                    out.hashes.append(FeatureHash.feature(T.phrase.rawValue + UInt64(offset + 3), b))
                    if rare { out.hashes.append(FeatureHash.feature(T.rarePhrase.rawValue + UInt64(offset + 3), b)) }
                }
            }
            out.starts.append(out.hashes.count)
        }
    }

    /// The count bucket of a word's training counts (0 unseen, 1 once, 2 up to 3, 3 up to 15, 4 more) and its
    /// usual type: the most frequent entity type with its share in quarters, or 0x80 | bucket if never in a name.
    static func seenAndUsual(_ packed: UInt64) -> (UInt64, UInt64) {
        if packed == 0 { return (0, 0x40) }
        var total = 0, best = 0, bestCount = 0
        for t in 0..<WordStats.slots {
            let c = WordStats.count(packed, t)
            total += c
            if t > 0, c > bestCount { best = t; bestCount = c }
        }
        let bucket: UInt64 = total <= 1 ? 1 : total <= 3 ? 2 : total <= 15 ? 3 : 4
        if bestCount == 0 { return (bucket, 0x80 | bucket) }
        let share = UInt64(min(3, 4 * bestCount / total))
        return (bucket, UInt64(best) << 4 | share << 2 | min(bucket, 3))
    }

    /// Hash of the word as written (before normalization).
    private static func rawHash(_ word: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var count: UInt64 = 0
        for s in word.unicodeScalars {
            h ^= UInt64(s.value)
            h = h &* 0x0000_0100_0000_01B3
            count += 1
        }
        return FeatureHash.finish(h ^ count ^ 0x5151)
    }

    /// Word shape: classes of scalars (Arabic letter, digit, Latin upper/lower, other as itself) with runs
    /// collapsed, plus whether the word is long.
    private static func shape(_ buf: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> UInt64 {
        var h: UInt64 = 0x1234_5678
        var previous: UInt32 = 0xFFFF_FFFF
        for i in r {
            let v = buf[i]
            let cls: UInt32
            if (0x0621...0x064A).contains(v) || (0x0671...0x06D3).contains(v) { cls = 1 }
            else if v >= 0x30 && v <= 0x39 { cls = 2 }
            else if v >= 0x61 && v <= 0x7A { cls = 3 }
            else if v >= 0x41 && v <= 0x5A { cls = 4 }
            else { cls = 0x100 + v }
            if cls != previous { h = FeatureHash.combine(h, UInt64(cls)); previous = cls }
        }
        return FeatureHash.combine(h, r.count > 5 ? 1 : 0)
    }
}
