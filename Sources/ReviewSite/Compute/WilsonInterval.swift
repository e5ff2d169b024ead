import Foundation

/// The 95 % Wilson score interval of a proportion, in percent to one
/// decimal (rounded half up), as `figures.json` and the `ci` filter give it.
/// Unlike the normal approximation it stays within 0–100 % and is fair for
/// the small counts of case series.
enum WilsonInterval {
    /// The 0.975 quantile of the standard normal distribution.
    static let z = 1.959963984540054

    /// nil when the denominator is 0.
    static func percent(_ numerator: Int, _ denominator: Int) -> (low: Double, high: Double)? {
        guard denominator > 0, numerator >= 0, numerator <= denominator else { return nil }
        let n = Double(denominator), p = Double(numerator) / n
        let scale = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / scale
        let half = z / scale * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        // At 0/n and n/n a bound is exactly 0 or 100; floating point would
        // leave it a hair away (or print -0.0).
        let low = numerator == 0 ? 0 : Statistics.roundToTenth(100 * (centre - half))
        let high = numerator == denominator ? 100 : Statistics.roundToTenth(100 * (centre + half))
        return (low, high)
    }
}
