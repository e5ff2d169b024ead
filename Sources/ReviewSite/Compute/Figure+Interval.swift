// A proportion's 95 % Wilson interval, as figures.json and the `ci` filter
// of the templates give it.

extension Figure {
    /// The interval of a proportion in percent, nil for another kind or a
    /// denominator of 0.
    var interval: (low: Double, high: Double)? {
        guard kind == .proportion, let numerator = self["numerator"], let denominator = self["denominator"] else { return nil }
        return WilsonInterval.percent(Int(numerator), Int(denominator))
    }

    /// `71% (15/21; 95% CI 50.0–86.2)`; `n/a (0/0; no interval)` with denominator 0.
    var intervalText: String {
        let fraction = "\(self["numerator"].map(formatNumber) ?? "n/a")/\(self["denominator"].map(formatNumber) ?? "n/a")"
        guard let interval, let percent = self["percent"] else { return "n/a (\(fraction); no interval)" }
        return "\(formatNumber(percent))% (\(fraction); 95% CI \(WilsonInterval.tenth(interval.low))–\(WilsonInterval.tenth(interval.high)))"
    }
}

extension WilsonInterval {
    /// A bound as written: one decimal always (`50.0`, `100.0`).
    static func tenth(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        return "\(scaled / 10).\(scaled % 10)"
    }
}
