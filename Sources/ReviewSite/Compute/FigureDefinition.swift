/// One entry of the catalogue: id, kind, definition text and how to compute it.
public struct FigureDefinition: Sendable {
    public let id: String
    public let kind: FigureKind
    /// The definition as figures.yaml words it.
    public let definition: String
    let compute: @Sendable (FigureContext) -> Figure
}

// The builders a declaration in FigureCatalogue uses, one per way of counting.
extension FigureDefinition {
    static func count(_ id: String, _ definition: String, patients: @escaping @Sendable (FigureContext) -> [Int]) -> Self {
        Self(id: id, kind: .count, definition: definition) { context in
            let group = patients(context)
            return Figure(id: id, kind: .count, values: ["n": Double(group.count)], rows: context.patientIDs(group))
        }
    }

    static func count(_ id: String, _ definition: String, studies: @escaping @Sendable (FigureContext) -> [Int]) -> Self {
        Self(id: id, kind: .count, definition: definition) { context in
            let group = studies(context)
            return Figure(id: id, kind: .count, values: ["n": Double(group.count)], rows: context.studyIDs(group))
        }
    }

    /// Counts steps, not patients; the rows are the steps' patients.
    static func count(_ id: String, _ definition: String, steps: @escaping @Sendable (FigureContext) -> [(patient: Int, value: Double)]) -> Self {
        Self(id: id, kind: .count, definition: definition) { context in
            let values = steps(context)
            return Figure(id: id, kind: .count, values: ["n": Double(values.count)], rows: context.patientIDs(of: values))
        }
    }

    static func count(_ id: String, _ definition: String, prisma: @escaping @Sendable (Prisma) -> Int) -> Self {
        Self(id: id, kind: .count, definition: definition) { context in
            Figure(id: id, kind: .count, values: ["n": Double(prisma(context.prisma))], rows: [])
        }
    }

    static func proportion(_ id: String, _ definition: String, of denominator: @escaping @Sendable (FigureContext) -> [Int],
                           where numerator: @escaping @Sendable (PatientFacts) -> Bool) -> Self {
        Self(id: id, kind: .proportion, definition: definition) { context in
            let group = denominator(context)
            let hits = context.filter(group, numerator)
            let percent = Statistics.percent(hits.count, group.count).map(Double.init)
            return Figure(id: id, kind: .proportion,
                          values: ["numerator": Double(hits.count), "denominator": Double(group.count), "percent": percent],
                          rows: context.patientIDs(group), numeratorRows: context.patientIDs(hits))
        }
    }

    static func range(_ id: String, _ definition: String, _ values: @escaping @Sendable (FigureContext) -> [(patient: Int, value: Double)]) -> Self {
        Self(id: id, kind: .range, definition: definition) { context in
            let list = values(context)
            return Figure(id: id, kind: .range,
                          values: ["min": list.map(\.value).min(), "max": list.map(\.value).max(), "n": Double(list.count)],
                          rows: context.patientIDs(of: list))
        }
    }

    static func medianRange(_ id: String, _ definition: String, _ values: @escaping @Sendable (FigureContext) -> [(patient: Int, value: Double)]) -> Self {
        Self(id: id, kind: .medianRange, definition: definition) { context in
            let list = values(context)
            let numbers = list.map(\.value)
            return Figure(id: id, kind: .medianRange,
                          values: ["median": Statistics.median(numbers), "min": numbers.min(), "max": numbers.max(), "n": Double(numbers.count)],
                          rows: context.patientIDs(of: list))
        }
    }

    /// A mean over a group where a patient may lack the value; with
    /// `imputation: mean` the missing are filled by the mean of the others.
    static func meanRange(_ id: String, _ definition: String, of group: @escaping @Sendable (FigureContext) -> [Int],
                          _ value: @escaping @Sendable (PatientFacts) -> Double?) -> Self {
        Self(id: id, kind: .meanRange, definition: definition) { context in
            let members = group(context)
            let known = context.patientValues(members, value)
            let numbers = known.map(\.value)
            let mean = numbers.isEmpty ? nil : Statistics.roundToTenth(numbers.reduce(0, +) / Double(numbers.count))
            let imputing = context.imputation == .mean && !numbers.isEmpty
            let imputed = imputing ? members.count - numbers.count : 0
            return Figure(id: id, kind: .meanRange,
                          values: ["mean": mean, "min": numbers.min(), "max": numbers.max(),
                                   "n": Double(imputing ? members.count : numbers.count), "imputed": Double(imputed)],
                          rows: imputing ? context.patientIDs(members) : context.patientIDs(of: known))
        }
    }

    /// The range of other proportions' percents (n = how many have one);
    /// `rows` are the union of their denominators.
    static func rangeOfPercents(_ id: String, _ definition: String, _ parts: [FigureDefinition],
                                rows: @escaping @Sendable (FigureContext) -> [Int]) -> Self {
        Self(id: id, kind: .range, definition: definition) { context in
            let percents = parts.compactMap { $0.compute(context)["percent"] }
            return Figure(id: id, kind: .range,
                          values: ["min": percents.min(), "max": percents.max(), "n": Double(percents.count)],
                          rows: context.patientIDs(rows(context)))
        }
    }
}
