/// A figure as the article printed it (published.yaml): a bare count, or
/// some of the figure's fields (`{percent: 81, numerator: 39, denominator: 48}`).
public struct PublishedValue: Sendable, Equatable {
    /// Field name and value, in the order written.
    public var fields: [(name: String, value: Double)]
    /// The line of published.yaml, for messages.
    public var line: Int?
    /// Why the article's value differs from the data's, in the team's words
    /// (`explained:`): a known misprint that `reviewsite test` accepts.
    public var explained: String?

    public init(fields: [(name: String, value: Double)], line: Int? = nil) {
        self.fields = fields
        self.line = line
    }

    public subscript(name: String) -> Double? {
        fields.first { $0.name == name }?.value
    }

    public static func == (a: PublishedValue, b: PublishedValue) -> Bool {
        a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }
}
