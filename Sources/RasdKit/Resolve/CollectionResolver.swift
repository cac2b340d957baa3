/// Cross-document resolution: turns analysed documents into one `Analysis`.
public struct CollectionResolver: Sendable {
    public init() {}

    public func resolve(_ documents: [Document]) -> Analysis {
        var analysis = Analysis()
        for doc in documents {
            analysis.documents.append(Analysis.DocumentEntry(
                id: doc.id, published: doc.published?.iso, published_basis: doc.publishedBasis, source: doc.source,
                title: doc.title, url: doc.url, parent: doc.parent, near_duplicate_of: nil, body: doc.body,
                removed: doc.removed.map { Analysis.RemovedLine(start: $0.range.lowerBound, end: $0.range.upperBound, rule: $0.rule) }))
        }
        return analysis
    }
}
