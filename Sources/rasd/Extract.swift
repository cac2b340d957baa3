import ArgumentParser
import Foundation
import RasdKit

/// `rasd extract`: numbers, quantities and dates of each line of stdin, one JSON object per line.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract numbers, quantities and dates from one text per line of stdin (JSON lines on stdout).")

    @Option(name: .long, help: "Reference date (YYYY-MM-DD) for relative dates; without it they stay unresolved.")
    var date: String?

    @Option(name: .customLong("prefer-dates-from"), help: "past or future: how to place a date with no year or tense word, in a sentence with no tense.")
    var preferDatesFrom: String = "past"

    func run() throws {
        var reference: PartialDate? = nil
        if let date {
            guard let d = PartialDate(iso: date), d.precision == .day else {
                throw ValidationError("--date must be YYYY-MM-DD, got \(date)")
            }
            reference = d
        }
        guard let prefer = DatePreference(rawValue: preferDatesFrom) else {
            throw ValidationError("--prefer-dates-from must be past or future, got \(preferDatesFrom)")
        }
        let tokenizer = Tokenizer()
        let numbers = NumberExtractor.shared
        let dates = DateExtractor.shared
        try ResourceStore.checkLoaded()
        var output = ""
        while let line = readLine(strippingNewline: true) {
            let text = ScalarText(line)
            let tokens = tokenizer.tokenize(text)
            let (nums, quantities) = numbers.extract(tokens, in: text)
            let found = dates.extract(tokens, in: text, reference: reference, prefer: prefer)
            output += ExtractionJSON.line(text: line, numbers: nums, quantities: quantities, dates: found)
            output += "\n"
            if output.utf8.count > 1 << 16 { FileHandle.standardOutput.write(output.data(using: .utf8)!); output = "" }
        }
        FileHandle.standardOutput.write(output.data(using: .utf8)!)
    }
}
