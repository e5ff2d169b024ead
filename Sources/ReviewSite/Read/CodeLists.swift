/// A code list column: each row's codes (indexes into the column's codes)
/// end to end in one array. A list per row as its own array took a heap
/// block of about 48 bytes for each non-empty cell.
public struct CodeLists: RandomAccessCollection, Sendable {
    private var codes: [Int32] = []
    /// Where each row's codes end in `codes`.
    private var ends: [Int] = []

    public init() {}

    public init(_ lists: some Sequence<[Int32]>) {
        for list in lists { append(list) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    /// A row's codes in the order the cell gives them.
    public subscript(row: Int) -> ArraySlice<Int32> {
        codes[(row == 0 ? 0 : ends[row - 1])..<ends[row]]
    }

    mutating func append(_ list: [Int32]) {
        codes.append(contentsOf: list)
        ends.append(codes.count)
    }

    mutating func reserveCapacity(_ count: Int) {
        ends.reserveCapacity(count)
    }

    mutating func removeLast() {
        ends.removeLast()
        codes.removeLast(codes.count - (ends.last ?? 0))
    }
}
