/// What a numeric cell must hold, and how to say so in an error.
struct NumberRule: Sendable {
    var minimum: Double?
    var minimumIncluded = true
    var maximum: Double?
    var integer = false

    static let nonNegative = NumberRule(minimum: 0)
    static let positive = NumberRule(minimum: 0, minimumIncluded: false)
    static let vas = NumberRule(minimum: 0, maximum: 10)
    static let any = NumberRule()
    static let positiveInteger = NumberRule(minimum: 1, integer: true)
    static let anyInteger = NumberRule(integer: true)

    var expected: String {
        let noun = integer ? "an integer" : "a number"
        switch (minimum, maximum) {
        case let (low?, high?): return "\(noun) from \(formatNumber(low)) to \(formatNumber(high))"
        case let (low?, nil): return "\(noun) \(minimumIncluded ? "≥" : ">") \(formatNumber(low))"
        case let (nil, high?): return "\(noun) ≤ \(formatNumber(high))"
        case (nil, nil): return noun
        }
    }

    /// The value, or the reason it is not acceptable.
    func check(_ text: String) -> Result<Double, NumberProblem> {
        guard let value = parseDecimal(text) else {
            let hint = integer ? "" : ", with . as the decimal separator"
            return .failure(NumberProblem("'\(text)' is not \(integer ? "an integer" : "a number") (expected \(expected)\(hint))"))
        }
        // Beyond these, Int conversion would trap and sums could overflow.
        if !value.isFinite || abs(value) > (integer ? 999_999_999_999 : 1e15) {
            return .failure(NumberProblem("'\(text)' is too large (expected \(expected))"))
        }
        if integer && value.rounded() != value {
            return .failure(NumberProblem("'\(text)' is not a whole number (expected \(expected))"))
        }
        let belowMinimum = minimum.map { minimumIncluded ? value < $0 : value <= $0 } ?? false
        let aboveMaximum = maximum.map { value > $0 } ?? false
        if belowMinimum || aboveMaximum {
            return .failure(NumberProblem("'\(text)' is out of range (expected \(expected))"))
        }
        return .success(value)
    }
}

struct NumberProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Parses `-?digits(.digits)?` only: no exponents, spaces, commas, inf or nan.
func parseDecimal(_ text: String) -> Double? {
    var sawDigit = false
    var sawPoint = false
    var digitsAfterPoint = 0
    for (index, byte) in text.utf8.enumerated() {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            sawDigit = true
            if sawPoint { digitsAfterPoint += 1 }
        case UInt8(ascii: "."):
            if sawPoint || !sawDigit { return nil }
            sawPoint = true
        case UInt8(ascii: "-") where index == 0:
            continue
        default:
            return nil
        }
    }
    guard sawDigit, !sawPoint || digitsAfterPoint > 0 else { return nil }
    return Double(text)
}
