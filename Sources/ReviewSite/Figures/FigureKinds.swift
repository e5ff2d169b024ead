/// The arithmetic of each kind over a query's rows in key order: exact
/// integers for percents, rounding half up, mean imputation by review.yaml.
enum FigureKinds {
    static func figure(_ id: String, _ kind: FigureKind, _ rows: FigureKeyedRows, countsRows: Bool, imputation: Imputation) -> Figure {
        switch kind {
        case .count:
            let keys = rows.distinct()
            return Figure(id: id, kind: .count, values: ["n": Double(countsRows ? rows.positions.count : keys.count)], rows: keys)
        case .proportion:
            let group = rows.distinct()
            let hits = rows.distinct { rows.values[$0] == 1 }
            let percent = Statistics.percent(hits.count, group.count).map(Double.init)
            return Figure(id: id, kind: .proportion,
                          values: ["numerator": Double(hits.count), "denominator": Double(group.count), "percent": percent],
                          rows: group, numeratorRows: hits)
        case .range:
            let numbers = rows.values.compactMap { $0 }
            return Figure(id: id, kind: .range, values: ["min": numbers.min(), "max": numbers.max(), "n": Double(numbers.count)],
                          rows: rows.distinct { rows.values[$0] != nil })
        case .medianRange:
            let numbers = rows.values.compactMap { $0 }
            return Figure(id: id, kind: .medianRange,
                          values: ["median": Statistics.median(numbers), "min": numbers.min(), "max": numbers.max(), "n": Double(numbers.count)],
                          rows: rows.distinct { rows.values[$0] != nil })
        case .meanRange:
            // Members are the population's keys; the known values are summed in key order.
            let members = rows.distinct()
            let numbers = rows.values.compactMap { $0 }
            let mean = numbers.isEmpty ? nil : Statistics.roundToTenth(numbers.reduce(0, +) / Double(numbers.count))
            let imputing = imputation == .mean && !numbers.isEmpty
            let imputed = imputing ? members.count - numbers.count : 0
            return Figure(id: id, kind: .meanRange,
                          values: ["mean": mean, "min": numbers.min(), "max": numbers.max(),
                                   "n": Double(imputing ? members.count : numbers.count), "imputed": Double(imputed)],
                          rows: imputing ? members : rows.distinct { rows.values[$0] != nil })
        }
    }
}
