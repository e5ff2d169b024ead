/// How a figure reads in text: `81% (39/48)`, `0–91`, `3 (range 0–9)`.
/// The same words for a computed figure and for the fields the article printed.
enum FigureDisplay {
    /// `field(name)` is nil when the field is not given, `.some(nil)` when it is null.
    static func text(_ kind: FigureKind, _ field: (String) -> Double??) -> String {
        func value(_ name: String) -> String? {
            guard let given = field(name) else { return nil }
            return given.map(formatNumber) ?? "n/a"
        }
        switch kind {
        case .count:
            return value("n") ?? "n/a"
        case .proportion:
            let percent = value("percent").map { $0 == "n/a" ? $0 : "\($0)%" }
            let fraction = value("numerator").flatMap { numerator in value("denominator").map { "\(numerator)/\($0)" } }
            switch (percent, fraction) {
            case let (percent?, fraction?): return "\(percent) (\(fraction))"
            case let (percent?, nil): return percent
            case let (nil, fraction?): return fraction
            case (nil, nil): return "n/a"
            }
        case .range:
            let spread = range(value("min"), value("max")) ?? "n/a"
            return value("n").map { "\(spread) (n = \($0))" } ?? spread
        case .medianRange, .meanRange:
            let centre = value(kind == .medianRange ? "median" : "mean")
            let spread = range(value("min"), value("max")).map { "range \($0)" }
            let parts = [spread, value("n").map { "n = \($0)" }].compactMap { $0 }
            let suffix = parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))"
            return (centre ?? "n/a") + suffix
        }
    }

    private static func range(_ min: String?, _ max: String?) -> String? {
        switch (min, max) {
        case ("n/a", "n/a"): return "no values"
        case let (min?, max?): return "\(min)–\(max)"
        case let (min?, nil): return "min \(min)"
        case let (nil, max?): return "max \(max)"
        case (nil, nil): return nil
        }
    }
}

extension Figure {
    /// The figure as a sentence quotes it (`81% (39/48)`, `3 (range 0–9)`).
    public var display: String {
        FigureDisplay.text(kind) { name in
            guard kind.fields.contains(name), kind == .count || name != "n" else { return nil }
            return .some(self[name])
        }
    }

    /// Every field, n included: the fullest form, for reports.
    public var fullDisplay: String {
        FigureDisplay.text(kind) { kind.fields.contains($0) ? .some(self[$0]) : nil }
    }
}

extension PublishedValue {
    /// The fields the article printed, in the words of `FigureDisplay`.
    public func display(_ kind: FigureKind) -> String {
        FigureDisplay.text(kind) { name in self[name].map { .some($0) } }
    }
}

extension Figure {
    /// The variants a template may ask for: `{{id | percent}}` and so on.
    public var textFields: [String] {
        switch kind {
        case .count: ["n"]
        case .proportion: ["percent", "numerator", "denominator", "fraction", "ci"]
        case .range: ["min", "max", "n"]
        case .medianRange: ["median", "min", "max", "n", "range"]
        case .meanRange: ["mean", "min", "max", "n", "imputed", "range"]
        }
    }

    /// The figure, or one field of it, as text; nil for a field it does not have.
    public func text(_ field: String?) -> String? {
        guard let field else { return display }
        guard textFields.contains(field) else { return nil }
        func number(_ name: String) -> String { self[name].map(formatNumber) ?? "n/a" }
        switch field {
        case "percent": return self["percent"].map { "\(formatNumber($0))%" } ?? "n/a"
        case "fraction": return "\(number("numerator"))/\(number("denominator"))"
        case "ci": return intervalText
        case "range": return self["min"] == nil ? "no values" : "\(number("min"))–\(number("max"))"
        default: return number(field)
        }
    }
}
