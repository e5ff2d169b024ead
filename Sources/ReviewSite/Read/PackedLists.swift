/// Lists of values end to end in one array, with where each list ends: a
/// list per row as its own array takes a heap block (about 48 bytes) for
/// every non-empty one. A code list column's codes (`CodeLists`), a
/// declared table's cell texts.
public struct PackedLists<Element: Sendable>: RandomAccessCollection, Sendable {
    private var elements: [Element] = []
    /// Where each list ends in `elements`.
    private var ends: [Int] = []

    public init() {}

    public init(_ lists: some Sequence<[Element]>) {
        for list in lists { append(list) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(list: Int) -> ArraySlice<Element> {
        elements[(list == 0 ? 0 : ends[list - 1])..<ends[list]]
    }

    mutating func append(_ list: some Collection<Element>) {
        elements.append(contentsOf: list)
        ends.append(elements.count)
    }

    mutating func reserveCapacity(_ count: Int) {
        ends.reserveCapacity(count)
    }

    mutating func removeLast() {
        ends.removeLast()
        elements.removeLast(elements.count - (ends.last ?? 0))
    }
}

/// A code list column: each row's codes (indexes into the column's codes) in the order the cell gives them.
public typealias CodeLists = PackedLists<Int32>
