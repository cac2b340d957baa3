/// Matching keys of the knowledge base, built from `ArabicNormalizer.shared.key` forms.
///
/// Lookups go from strict to loose, and a looser level is only consulted when the stricter one found nothing,
/// so a spelling variant never shadows an exact alias (غينيا is Guinea, كينيا is Kenya; only an unknown
/// spelling falls through to the ج/غ/ك-folded level, where both may answer).
package enum KBKeys {
    /// Article- and transliteration-insensitive key of a normalized key: غ → ج (Egyptian ج for /g/),
    /// تش → ش, أميرك → أمريك, hyphens as spaces, "عبد ال" joined (عبد العزيز/عبدالعزيز), a final hamza dropped
    /// (كربلاء/كربلا), and the article ال of the first word removed. Doubled ي is kept: folding it would make كييف (Kyiv) the common word كيف.
    package static func variantKey(_ key: String) -> String {
        string(variantScalars(key))
    }

    /// Loosest key: the variant key with ك folded onto ج as well (/g/ written ك: كوكل, سيركي) and spaces
    /// removed (بيونغيانغ / بيونغ يانغ, أبوظبي / أبو ظبي).
    package static func looseKey(_ key: String) -> String {
        string(looseScalars(variantScalars(key)))
    }

    /// A transliterated name's consonants: the variant key with the long vowels ا، و، ي written inside each word
    /// dropped ("جينتيلوني" and "جنتيلوني" → "جنتلن"). Only for names the press transliterates, whose long vowels
    /// each writer spells his own way; an Arabic name's are fixed (سعد is not سعيد).
    package static func skeletonKey(_ key: String) -> String {
        var out = String.UnicodeScalarView()
        var atStart = true
        for c in variantScalars(key) {
            if c == " " { atStart = true; out.append(c); continue }
            if !atStart, c == "ا" || c == "و" || c == "ي" { continue }
            atStart = false
            out.append(c)
        }
        return String(out)
    }

    /// Consonants at least in a skeleton that may link a name: shorter ones meet common words ("جو هنا").
    static let minimumSkeleton = 6

    /// `skeletonKey`, or nil when fewer than `minimumSkeleton` consonants remain.
    package static func transliterationKey(_ key: String) -> String? {
        let skeleton = skeletonKey(key)
        return skeleton.unicodeScalars.count(where: { $0 != " " }) >= minimumSkeleton ? skeleton : nil
    }

    /// Both derived keys at once (one pass over the key, for building indexes).
    static func derivedKeys(_ key: String) -> (variant: String, loose: String) {
        let v = variantScalars(key)
        return (string(v), string(looseScalars(v)))
    }

    /// `TokenKey` hashes of `derivedKeys`' two strings, without building them.
    static func derivedHashes(_ key: String) -> (variant: UInt64, loose: UInt64) {
        let v = variantScalars(key)
        func hash(_ scalars: [Unicode.Scalar]) -> UInt64 { scalars.reduce(TokenKey.seed) { TokenKey.mix($0, $1.value) } }
        return (hash(v), hash(looseScalars(v)))
    }

    /// The key with the article ال toggled on its first word: "الكرملين" ⇄ "كرملين".
    package static func toggledArticle(_ key: String) -> String {
        if key.hasPrefix("ال"), key.unicodeScalars.count > 4 { return String(key.unicodeScalars.dropFirst(2)) }
        return "ال" + key
    }

    /// The normalized key of a name, as `ArabicNormalizer.key` makes it.
    static func normalizedKey(_ string: String, normalizer: ArabicNormalizer = .shared) -> String {
        normalizer.key(string)
    }

    /// Number of tokens the `Tokenizer` makes of a normalized key: letter runs, digit runs, and each other
    /// mark on its own (so a matcher window of that many tokens can hold the alias).
    static func tokenCount(_ key: String) -> Int {
        var count = 0
        var previous: UInt8 = 0   // 0 none/space, 1 letter, 2 digit
        for s in key.unicodeScalars {
            let v = s.value
            let cls: UInt8
            if s == " " { previous = 0; continue }
            if v >= 0x30 && v <= 0x39 { cls = 2 }
            else if Tokenizer.isArabicLetter(v) || Tokenizer.isLatinLetter(s) { cls = 1 }
            else { count += 1; previous = 0; continue }
            if cls != previous { count += 1 }
            previous = cls
        }
        return count
    }

    /// The first token of a normalized key, as the `Tokenizer` would cut it (a letter run, a digit run, or
    /// one other mark).
    static func firstToken(_ key: String) -> String {
        var view = String.UnicodeScalarView()
        var cls: UInt8 = 0
        for s in key.unicodeScalars {
            let v = s.value
            let c: UInt8 = s == " " ? 0 : (v >= 0x30 && v <= 0x39) ? 2
                : (Tokenizer.isArabicLetter(v) || Tokenizer.isLatinLetter(s)) ? 1 : 3
            if c == 0 { if view.isEmpty { continue } else { break } }
            if cls != 0 && (c != cls || c == 3) { break }
            cls = c
            view.append(s)
        }
        return String(view)
    }

    /// Possible proclitics at the start of a normalized key, longest first, as (scalars removed,
    /// scalars put back): "لل" is ل + the article, so it gives back "ال". At least three letters must
    /// remain, so short words are not cut.
    static func proclitics(of scalars: [Unicode.Scalar]) -> [(Int, [Unicode.Scalar])] {
        var out: [(Int, [Unicode.Scalar])] = []
        func has(_ prefix: [Unicode.Scalar]) -> Bool {
            scalars.count >= prefix.count + 3 && Array(scalars.prefix(prefix.count)) == prefix
        }
        let conjunctions: [Unicode.Scalar] = ["و", "ف"]
        let prepositions: [Unicode.Scalar] = ["ب", "ل", "ك"]
        for c in conjunctions {
            if has([c, "ل", "ل"]) { out.append((2, ["ا"])) }       //ولل → و + ل + ال
            for p in prepositions where has([c, p]) { out.append((2, [])) }
        }
        if has(["ل", "ل"]) { out.append((1, ["ا"])) }              // لل → ل + ال
        for c in conjunctions + prepositions where has([c]) { out.append((1, [])) }
        return out
    }

    private static func variantScalars(_ key: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(key.utf8.count / 2 + 1)
        for s in key.unicodeScalars {
            var s = s
            switch s {
            case "غ": s = "ج"
            case "-", "_", "\u{2010}", "\u{2011}", "\u{2013}": s = " "
            default: break
            }
            if s == " ", out.last == " " || out.isEmpty { continue }
            if s == "ش", out.last == "ت" { out.removeLast() }
            // أميركا / أمريكا, الأميركي / الأمريكي: the press writes America both ways.
            if s == "ك", out.count >= 4, out[(out.count - 4)...].elementsEqual(["ا", "م", "ي", "ر"] as [Unicode.Scalar]) {
                out.swapAt(out.count - 2, out.count - 1)
            }
            out.append(s)
        }
        while out.last == " " { out.removeLast() }
        joinAbd(&out)
        // A final hamza after a long alef is often dropped in transliteration (كربلاء, صنعاء).
        if out.count > 3, out.last == "ء" { out.removeLast() }
        if out.count > 4, out[0] == "ا", out[1] == "ل" { out.removeFirst(2) }
        return out
    }

    /// "عبد العزيز" / "عبدالعزيز", "عبد الله" / "عبدالله": a name of servitude is written with or without its space.
    /// The word عبد before a word with the article joins it.
    private static func joinAbd(_ out: inout [Unicode.Scalar]) {
        let abd: [Unicode.Scalar] = ["ع", "ب", "د", " ", "ا", "ل"]
        var k = 0
        while k + abd.count <= out.count {
            if (k == 0 || out[k - 1] == " "), out[k..<(k + abd.count)].elementsEqual(abd) {
                out.remove(at: k + 3)
            }
            k += 1
        }
    }

    private static func looseScalars(_ variant: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(variant.count)
        for s in variant where s != " " { out.append(s == "ك" ? "ج" : s) }
        return out
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        String(unicodeScalars: scalars)
    }
}
