/// The arithmetic of the catalogue's kinds, exact where the article rounds.
enum Statistics {
    /// Percent as an integer, rounded half up; nil for a zero denominator.
    static func percent(_ numerator: Int, _ denominator: Int) -> Int? {
        guard denominator > 0 else { return nil }
        return (200 * numerator + denominator) / (2 * denominator)
    }

    /// The median: the middle value, or the mean of the two middle values.
    static func median(_ values: [Double]) -> Double? {
        median(sorted: values.sorted())
    }

    static func median(sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Rounds half up to one decimal. Values like 4.85 are stored as
    /// 4.8499999…; a tolerance far below the data's precision keeps them at .5.
    static func roundToTenth(_ value: Double) -> Double {
        let scaled = value * 10
        let floor = scaled.rounded(.down)
        return (scaled - floor >= 0.5 - 1e-9 ? floor + 1 : floor) / 10
    }
}
