/// A column of numbers that may be missing, held as the numbers and one
/// bit per row for whether each is reported: 8 bytes and a bit a cell
/// instead of the 16 of `[Int?]` (a million patients' columns of numbers
/// took over 100 MB more as optionals).
public struct OptionalColumn<Value: Numeric & Sendable>: RandomAccessCollection, Sendable {
    private var values: [Value] = []
    /// Bit `row % 64` of word `row / 64` is set when the row's value is reported.
    private var reported: [UInt64] = []

    public init() {}

    public init(_ values: some Sequence<Value?>) {
        for value in values { append(value) }
    }

    public init(_ values: some Sequence<Value>) {
        self.init(values.lazy.map(Optional.some))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }

    public subscript(row: Int) -> Value? {
        reported[row >> 6] & (1 << UInt64(row & 63)) != 0 ? values[row] : nil
    }

    mutating func append(_ value: Value?) {
        let row = values.count
        if row & 63 == 0 { reported.append(0) }
        if let value {
            values.append(value)
            reported[row >> 6] |= 1 << UInt64(row & 63)
        } else {
            values.append(.zero)
        }
    }

    mutating func reserveCapacity(_ count: Int) {
        values.reserveCapacity(count)
        reported.reserveCapacity((count + 63) / 64)
    }

    mutating func removeLast() {
        let row = values.count - 1
        values.removeLast()
        if row & 63 == 0 {
            reported.removeLast()
        } else {
            reported[row >> 6] &= ~(1 << UInt64(row & 63))
        }
    }
}
