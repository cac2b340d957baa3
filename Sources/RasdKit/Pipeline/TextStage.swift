/// Text stage: tokens and sentences of the kept segments, then numbers, quantities and dates.
public struct TextStage: Sendable {
    public var tokenizer = Tokenizer()
    public var splitter = SentenceSplitter()

    public init() {}

    public func process(_ doc: inout Document) {
        doc.tokens = []
        doc.sentences = []
        for segment in doc.segments {
            let tokens = tokenizer.tokenize(doc.text, range: segment)
            let base = doc.tokens.count
            for s in splitter.split(tokens, in: doc.text) {
                doc.sentences.append((s.lowerBound + base)..<(s.upperBound + base))
            }
            doc.tokens.append(contentsOf: tokens)
        }
    }
}
