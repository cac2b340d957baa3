// libFuzzer harness for the readers and the text core. Not a SwiftPM target: scripts/fuzz.sh compiles it with
// RasdKit's sources into one binary with -sanitize=fuzzer (see docs/fuzzing.md).
import Foundation

private let html = HTMLReader()
private let jsonl = JSONLReader()
private let tokenizer = Tokenizer()

@_cdecl("LLVMFuzzerTestOneInput")
public func rasdFuzzOne(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    for (reader, path) in [(html as any ArticleReader, "f.html"), (jsonl, "f.jsonl"), (PlainTextReader(), "f.txt")] {
        let result = reader.read(data, path: path)
        if result.articles.isEmpty && result.problems.isEmpty { fatalError("\(path): no article and no problem") }
    }
    let text = ScalarText(String(decoding: data, as: UTF8.self))
    let tokens = tokenizer.tokenize(text)
    for t in tokens where !(0 <= t.start && t.start < t.end && t.end <= text.count) { fatalError("token out of range") }
    _ = SentenceSplitter().split(tokens, in: text)
    return 0
}
