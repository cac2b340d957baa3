import Foundation

/// Writes an analysis as JSON (pretty-printed, UTF-8, Arabic unescaped).
public enum JSONOutput {
    public static func encode(_ analysis: Analysis) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        var data = try encoder.encode(analysis)
        data.append(0x0A)
        return data
    }
}
