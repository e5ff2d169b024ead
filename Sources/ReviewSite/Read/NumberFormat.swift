/// Formats a number the same way everywhere (errors, figures.json, pages):
/// integers without a decimal point, others with at most six decimals, no
/// trailing zeros, so that 4.3000000000000007 prints as 4.3.
public func formatNumber(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return value.description }
    // Whole numbers are most of the data: ages, counts, months.
    if value == value.rounded(.towardZero) { return String(Int64(value)) }
    let scaled = Int64((abs(value) * 1_000_000).rounded())
    let whole = scaled / 1_000_000
    let fraction = scaled % 1_000_000
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard fraction != 0 else { return "\(sign)\(whole)" }
    var digits = String(fraction)
    digits = String(repeating: "0", count: 6 - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(sign)\(whole).\(digits)"
}
