/// First-order Viterbi decoding over BIO tags, with the tag transitions that BIO forbids (`I-X` not after
/// `B-X` or `I-X`, or at the start) ruled out.
enum Viterbi {
    /// (tagCount + 1) × tagCount: 0 where allowed, -infinity where BIO forbids the transition; the last row is
    /// the sentence start.
    static func constraints(_ tags: [String]) -> [Float] {
        let t = tags.count
        var result = [Float](repeating: 0, count: (t + 1) * t)
        for to in 0..<t {
            let (prefix, type) = BIOTag.split(tags[to])
            guard prefix == "I" else { continue }
            for from in 0...t {
                let ok: Bool
                if from == t { ok = false } else {
                    let (fp, ft) = BIOTag.split(tags[from])
                    ok = (fp == "B" || fp == "I") && ft == type
                }
                if !ok { result[from * t + to] = -.infinity }
            }
        }
        return result
    }

    /// Best tag sequence for `emissions` (n × tagCount scores) under `transitions` ((tagCount + 1) × tagCount,
    /// constraints already added).
    static func decode(_ emissions: UnsafeBufferPointer<Float>, count n: Int, tagCount t: Int,
                       transitions: UnsafeBufferPointer<Float>, into path: inout [Int]) {
        path.removeAll(keepingCapacity: true)
        if n == 0 { return }
        var score = [Float](repeating: 0, count: t)
        var next = [Float](repeating: 0, count: t)
        var back = [Int32](repeating: 0, count: n * t)
        let start = t * t
        for y in 0..<t { score[y] = transitions[start + y] + emissions[y] }
        for i in 1..<max(1, n) {
            for y in 0..<t {
                var best: Float = -.infinity
                var arg: Int32 = 0
                for x in 0..<t {
                    let s = score[x] + transitions[x * t + y]
                    if s > best { best = s; arg = Int32(x) }
                }
                next[y] = best + emissions[i * t + y]
                back[i * t + y] = arg
            }
            swap(&score, &next)
        }
        var y = 0
        for k in 1..<t where score[k] > score[y] { y = k }
        path = [Int](repeating: 0, count: n)
        path[n - 1] = y
        var i = n - 1
        while i > 0 {
            y = Int(back[i * t + y])
            path[i - 1] = y
            i -= 1
        }
    }
}
