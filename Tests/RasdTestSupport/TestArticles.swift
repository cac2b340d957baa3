import RasdKit

/// Articles written for the store tests: three short reports from two outlets (one visit, one plan, one
/// statement), with titles and dates.
public enum TestArticles {
    public static let threeReports = [
        SourceArticle(id: "a1", text: "زار وزير الخارجية العراق أمس، والتقى رئيس الحكومة في بغداد لبحث ملف المياه.",
                      title: "زيارة إلى بغداد", published: PartialDate(iso: "2024-05-01"), source: "wire", origin: "f:1"),
        SourceArticle(id: "a2", text: "أعلنت الحكومة السعودية عن خطة جديدة للطاقة الشمسية بالتعاون مع شركات دولية.",
                      title: "خطة للطاقة", published: PartialDate(iso: "2024-05-02"), source: "wire", origin: "f:2"),
        SourceArticle(id: "a3", text: "قال أحمدُ الخبير إن الاقتصاد بالعراق يتعافى تدريجيا بعد سنوات من الأزمة.",
                      title: "الاقتصاد", published: PartialDate(iso: "2024-05-03"), source: "site", origin: "f:3"),
    ]
}
