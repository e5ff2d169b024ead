/// A figure whose computed value differs from what the article printed: a
/// finding for the authors, not an error in the data.
public struct PublishedDifference: Sendable, Equatable, CustomStringConvertible {
    public var id: String
    public var printed: String
    public var computed: String
    /// The team's explanation of a known difference (published.yaml's `explained:`).
    public var explained: String? = nil

    public var description: String { "\(id): printed \(printed), computed \(computed)" }
}

public enum PublishedCheck {
    /// The figures whose published fields differ from the computed ones, in catalogue order.
    public static func differences(_ figures: [Figure], _ published: [String: PublishedValue]) -> [PublishedDifference] {
        figures.compactMap { figure in
            guard let value = published[figure.id], !matches(figure, value) else { return nil }
            return PublishedDifference(id: figure.id, printed: value.display(figure.kind), computed: figure.fullDisplay, explained: value.explained)
        }
    }

    public static func matches(_ figure: Figure, _ value: PublishedValue) -> Bool {
        value.fields.allSatisfy { field in
            guard let computed = figure[field.name] else { return false }
            return abs(computed - field.value) < 1e-9
        }
    }
}
