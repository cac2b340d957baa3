/// A text held as Unicode scalars, so that offsets are scalar offsets (the unit of the output contract)
/// and indexing is O(1).
public struct ScalarText: Sendable, Equatable {
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        var buffer: [Unicode.Scalar] = []
        buffer.reserveCapacity(string.utf8.count)
        buffer.append(contentsOf: string.unicodeScalars)
        scalars = buffer
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    public var count: Int { scalars.count }

    public subscript(_ index: Int) -> Unicode.Scalar { scalars[index] }

    /// The original text of a scalar range.
    public func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return String(view)
    }

    public var string: String { string(0..<scalars.count) }
}
