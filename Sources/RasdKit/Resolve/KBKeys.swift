/// Matching keys of the knowledge base, built from `ArabicNormalizer.shared.key` forms.
///
/// Lookups go from strict to loose, and a looser level is only consulted when the stricter one found nothing,
/// so a spelling variant never shadows an exact alias (غينيا is Guinea, كينيا is Kenya; only an unknown
/// spelling falls through to the ج/غ/ك-folded level, where both may answer).
public enum KBKeys {
    /// Article- and transliteration-insensitive key of a normalized key: غ → ج (Egyptian ج for /g/),
    /// تش → ش, hyphens as spaces, a final hamza dropped (كربلاء/كربلا), and the article ال of the first
    /// word removed. Doubled ي is kept: folding it would make كييف (Kyiv) the common word كيف.
    public static func variantKey(_ key: String) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(key.unicodeScalars.count)
        for s in key.unicodeScalars {
            var s = s
            switch s {
            case "غ": s = "ج"
            case "-", "_", "\u{2010}", "\u{2011}", "\u{2013}": s = " "
            default: break
            }
            if s == " ", out.last == " " || out.isEmpty { continue }
            if s == "ش", out.last == "ت" { out.removeLast() }
            out.append(s)
        }
        while out.last == " " { out.removeLast() }
        // A final hamza after a long alef is often dropped in transliteration (كربلاء, صنعاء).
        if out.count > 3, out.last == "ء" { out.removeLast() }
        if out.count > 4, out[0] == "ا", out[1] == "ل" { out.removeFirst(2) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }

    /// Loosest key: the variant key with ك folded onto ج as well (/g/ written ك: كوكل, سيركي) and spaces
    /// removed (بيونغيانغ / بيونغ يانغ, أبوظبي / أبو ظبي).
    public static func looseKey(_ key: String) -> String {
        var view = String.UnicodeScalarView()
        for s in variantKey(key).unicodeScalars {
            switch s {
            case " ": continue
            case "ك": view.append("ج")
            default: view.append(s)
            }
        }
        return String(view)
    }

    /// The key with the article ال toggled on its first word: "الكرملين" ⇄ "كرملين".
    public static func toggledArticle(_ key: String) -> String {
        if key.hasPrefix("ال"), key.unicodeScalars.count > 4 { return String(key.unicodeScalars.dropFirst(2)) }
        return "ال" + key
    }
}
