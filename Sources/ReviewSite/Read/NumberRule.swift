/// What a numeric cell must hold, and how to say so in an error.
struct NumberRule: Sendable {
    var minimum: Double?
    var minimumIncluded = true
    var maximum: Double?
    var maximumIncluded = true
    var integer = false

    static let any = NumberRule()
    static let positiveInteger = NumberRule(minimum: 1, integer: true)
    /// A review's year of publication: a typo such as 20211 is caught.
    static let publicationYear = NumberRule(minimum: 1900, maximum: 2100, integer: true)

    var expected: String {
        let noun = integer ? "an integer" : "a number"
        switch (minimum, maximum) {
        case let (low?, high?) where minimumIncluded && maximumIncluded:
            return "\(noun) from \(formatNumber(low)) to \(formatNumber(high))"
        case let (low?, high?):
            return "\(noun) \(minimumIncluded ? "≥" : ">") \(formatNumber(low)) and \(maximumIncluded ? "≤" : "<") \(formatNumber(high))"
        case let (low?, nil): return "\(noun) \(minimumIncluded ? "≥" : ">") \(formatNumber(low))"
        case let (nil, high?): return "\(noun) \(maximumIncluded ? "≤" : "<") \(formatNumber(high))"
        case (nil, nil): return noun
        }
    }

    /// The value, or the reason it is not acceptable.
    func check(_ text: String) -> Result<Double, NumberProblem> {
        var text = text
        return text.withUTF8 { check($0) }
    }

    /// The same for a cell's UTF-8 bytes; a String is made only for a message.
    func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Double, NumberProblem> {
        guard let value = parseDecimal(bytes) else {
            let hint = integer ? "" : ", with . as the decimal separator"
            return .failure(NumberProblem("\(Echo.quoted(text(bytes))) is not \(integer ? "an integer" : "a number") (expected \(expected)\(hint))"))
        }
        // Beyond these, Int conversion would trap and sums could overflow.
        if !value.isFinite || abs(value) > (integer ? 999_999_999_999 : 1e15) {
            return .failure(NumberProblem("\(Echo.quoted(text(bytes))) is too large (expected \(expected))"))
        }
        if integer && value.rounded() != value {
            return .failure(NumberProblem("\(Echo.quoted(text(bytes))) is not a whole number (expected \(expected))"))
        }
        let belowMinimum = minimum.map { minimumIncluded ? value < $0 : value <= $0 } ?? false
        let aboveMaximum = maximum.map { maximumIncluded ? value > $0 : value >= $0 } ?? false
        if belowMinimum || aboveMaximum {
            return .failure(NumberProblem("\(Echo.quoted(text(bytes))) is out of range (expected \(expected))"))
        }
        return .success(value)
    }

    private func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

extension NumberRule {
    /// A codebook column's bounds.
    init(_ bounds: Codebook.Bounds, integer: Bool) {
        self.init(minimum: bounds.min, minimumIncluded: !bounds.minExclusive, maximum: bounds.max,
                  maximumIncluded: !bounds.maxExclusive, integer: integer)
    }
}

struct NumberProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Parses `-?digits(.digits)?` only: no exponents, spaces, commas, inf or nan.
/// The value is `Double(text)`'s, correctly rounded.
func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var sawDigit = false
    var sawPoint = false
    var digitsAfterPoint = 0
    var digits = 0
    var mantissa: UInt64 = 0
    let negative = bytes.first == UInt8(ascii: "-")
    for byte in bytes[(negative ? 1 : 0)...] {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            sawDigit = true
            if sawPoint { digitsAfterPoint += 1 }
            // Leading zeros add nothing; 19 digits cannot overflow.
            if mantissa != 0 || byte != UInt8(ascii: "0") {
                digits += 1
                if digits <= 19 { mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0")) }
            }
        case UInt8(ascii: "."):
            if sawPoint || !sawDigit { return nil }
            sawPoint = true
        default:
            return nil
        }
    }
    guard sawDigit, !sawPoint || digitsAfterPoint > 0 else { return nil }
    // Both operands exact (mantissa ≤ 2^53, 10^k for k ≤ 22): one division
    // is correctly rounded, so the result is strtod's. Otherwise ask strtod.
    guard digits <= 19, mantissa <= 1 << 53, digitsAfterPoint < powersOfTen.count else {
        return Double(String(decoding: bytes, as: UTF8.self))
    }
    let value = Double(mantissa) / powersOfTen[digitsAfterPoint]
    return negative ? -value : value
}

private let powersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
}
