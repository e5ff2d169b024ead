/// The kinds of figure of the catalogue (figures.yaml).
public enum FigureKind: String, Sendable, CaseIterable {
    case count
    case proportion
    case range
    case medianRange = "median_range"
    case meanRange = "mean_range"

    /// The fields a figure of this kind carries in figures.json and published.yaml.
    public var fields: [String] {
        switch self {
        case .count: ["n"]
        case .proportion: ["numerator", "denominator", "percent"]
        case .range: ["min", "max", "n"]
        case .medianRange: ["median", "min", "max", "n"]
        case .meanRange: ["mean", "min", "max", "n", "imputed"]
        }
    }
}

/// A computed figure: its value and the rows it came from (its provenance).
public struct Figure: Sendable, Equatable {
    public var id: String
    public var kind: FigureKind
    /// Field values by name; nil is JSON null (a zero denominator, no values).
    public var values: [String: Double?]
    /// Keys (patient_id or study_id) it was computed from, in byte order.
    public var rows: FigureRows
    /// For a proportion, the numerator's keys.
    public var numeratorRows: FigureRows?

    public subscript(field: String) -> Double? {
        values[field] ?? nil
    }

    /// The first field whose value is no finite number (inf, nan): JSON has
    /// none, and no review reports one, so such a figure is an error.
    public var nonFiniteField: String? {
        kind.fields.first { self[$0].map { !$0.isFinite } ?? false }
    }
}
