/// Second-stage features: what the first stage tagged at and around a token (stacking), and how the same stem
/// was tagged in the OTHER sentences of the document. A name written in full once and tagged there is then
/// recognized where the context alone is too weak ("... وقال فينغر ...").
enum NERDocumentFeatures {
    private enum T: UInt64 {
        case stack = 201, stackM1, stackP1, docType, docMajority, docMajorityStack
    }

    /// - Parameters:
    ///   - stems: per sentence, per token, the stem hash (`NERFeatureExtractor.Output.stems`).
    ///   - firstStage: per sentence, the first stage's tag indices.
    ///   - typeOf: entity type number of each tag index (0 for O, 1... for the types).
    /// - Returns: per sentence, the features (hashes + starts), as `NERFeatureExtractor.Output`.
    static func extract(stems: [[UInt64]], firstStage: [[Int]], typeOf: [Int], typeCount: Int) -> [NERFeatureExtractor.Output] {
        let stride = typeCount + 1
        // Document-wide counts per stem and type (type 0 = O).
        var slot: [UInt64: Int] = [:]
        var counts: [Int32] = []
        for (s, sentence) in stems.enumerated() {
            for (i, stem) in sentence.enumerated() {
                let k = slot[stem] ?? { let k = counts.count / stride; slot[stem] = k; counts += [Int32](repeating: 0, count: stride); return k }()
                counts[k * stride + typeOf[firstStage[s][i]]] += 1
            }
        }
        var result: [NERFeatureExtractor.Output] = []
        result.reserveCapacity(stems.count)
        var other = [Int32](repeating: 0, count: stride)
        for (s, sentence) in stems.enumerated() {
            var out = NERFeatureExtractor.Output()
            let tags = firstStage[s]
            let n = sentence.count
            let outside = UInt64(typeOf.count)
            for i in 0..<n {
                let tag = UInt64(tags[i])
                out.hashes.append(FeatureHash.feature(T.stack.rawValue, tag))
                out.hashes.append(FeatureHash.feature(T.stackM1.rawValue, i > 0 ? UInt64(tags[i - 1]) : outside))
                out.hashes.append(FeatureHash.feature(T.stackP1.rawValue, i + 1 < n ? UInt64(tags[i + 1]) : outside))
                // Counts in the other sentences: document counts minus this sentence's own.
                let k = slot[sentence[i]]!
                for t in 0..<stride { other[t] = counts[k * stride + t] }
                for j in 0..<n where sentence[j] == sentence[i] { other[typeOf[tags[j]]] -= 1 }
                var entity: Int32 = 0
                var majority = 0
                for t in 1..<stride where other[t] > 0 {
                    entity += other[t]
                    if majority == 0 || other[t] > other[majority] { majority = t }
                    out.hashes.append(FeatureHash.feature(T.docType.rawValue, UInt64(t)))
                }
                if entity > 0 {
                    let ratio = Double(entity) / Double(entity + other[0])
                    let bucket = UInt64(min(3, Int(ratio * 4)))
                    out.hashes.append(FeatureHash.feature(T.docMajority.rawValue, UInt64(majority), bucket))
                    out.hashes.append(FeatureHash.feature(T.docMajorityStack.rawValue, UInt64(majority) << 8 | bucket, tag))
                }
                out.starts.append(out.hashes.count)
            }
            result.append(out)
        }
        return result
    }
}
