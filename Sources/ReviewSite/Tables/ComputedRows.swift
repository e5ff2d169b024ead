/// A declared table's computed rows, held compactly: every cell's text
/// end to end in one buffer, its sort value and figure link beside it.
/// Table 1 of a review of a million patients has three million cells; as
/// a String, a value and an optional String each, they took about 300 MB.
/// The rows of a part run on another connection are joined after these,
/// and rows read out of order are put in order, without copying any cell.
struct ComputedRows: Sendable {
    /// Cells per row.
    let width: Int
    /// All rows, these and the later parts'.
    private(set) var count = 0
    private var storedKeys: [String] = []
    private var storedSubgroups: [Bool] = []
    /// The stored row shown at each place, when they were read out of order.
    private var order: [Int32]?
    /// Rows computed apart (a part of the table on another connection), after these.
    private var later: [ComputedRows] = []
    /// Every cell's text, row after row.
    private var texts = PackedLists<UInt8>()
    /// Each cell's sort value: what kind it is, and the integer or the
    /// number of its text among `sortTexts`.
    private var sortKinds: [SortKind] = []
    private var sortValues: [Int] = []
    private var sortTexts = PackedLists<UInt8>()
    /// Each cell's link, as an index into `linkIDs`; -1 for none.
    private var links: [Int32] = []
    private var linkIDs: [String] = []
    private var linkNumbers: [String: Int32] = [:]

    enum SortKind: UInt8, Sendable {
        case none, integer, text
    }

    init(width: Int) {
        self.width = width
    }

    /// Whether any cell links to a figure.
    var hasLinks: Bool { !linkIDs.isEmpty || later.contains(where: \.hasLinks) }

    // MARK: Adding a row, cell by cell

    mutating func startRow(key: String, subgroup: Bool) {
        precondition(later.isEmpty && order == nil, "rows are added before parts are joined or rows ordered")
        storedKeys.append(key)
        storedSubgroups.append(subgroup)
        count += 1
    }

    /// A cell: its text's bytes, its sort value and its link.
    mutating func addCell(text: UnsafeBufferPointer<UInt8>, sort: Sort, link: String?) {
        texts.append(text)
        switch sort {
        case .none:
            sortKinds.append(.none)
            sortValues.append(0)
        case .integer(let value):
            sortKinds.append(.integer)
            sortValues.append(value)
        case .text(let bytes):
            sortKinds.append(.text)
            sortValues.append(sortTexts.count)
            sortTexts.append(bytes)
        }
        links.append(link.map { linkNumber($0) } ?? -1)
    }

    /// A cell's sort value as it is added.
    enum Sort {
        case none
        case integer(Int)
        case text(UnsafeBufferPointer<UInt8>)
    }

    // MARK: Reading a cell

    func key(_ row: Int) -> String {
        let (part, stored) = place(row)
        return part < 0 ? storedKeys[stored] : later[part].key(stored)
    }

    func subgroup(_ row: Int) -> Bool {
        let (part, stored) = place(row)
        return part < 0 ? storedSubgroups[stored] : later[part].subgroup(stored)
    }

    /// Every row's key, in order.
    var keys: [String] { (0..<count).map(key) }

    func text(_ row: Int, _ column: Int) -> ArraySlice<UInt8> {
        let (part, stored) = place(row)
        return part < 0 ? texts[stored * width + column] : later[part].text(stored, column)
    }

    func sort(_ row: Int, _ column: Int) -> SortKey? {
        let (part, stored) = place(row)
        guard part < 0 else { return later[part].sort(stored, column) }
        let cell = stored * width + column
        switch sortKinds[cell] {
        case .none: return nil
        case .integer: return .int(sortValues[cell])
        case .text: return .utf8(sortTexts[sortValues[cell]])
        }
    }

    func link(_ row: Int, _ column: Int) -> String? {
        let (part, stored) = place(row)
        guard part < 0 else { return later[part].link(stored, column) }
        let number = links[stored * width + column]
        return number < 0 ? nil : linkIDs[Int(number)]
    }

    /// Where a row is: in a later part (its index) at a row of its own,
    /// or among these rows (-1) at the row where it is stored.
    private func place(_ row: Int) -> (part: Int, row: Int) {
        if row < storedKeys.count { return (-1, order.map { Int($0[row]) } ?? row) }
        var rest = row - storedKeys.count
        for index in later.indices {
            let size = later[index].count
            if rest < size { return (index, rest) }
            rest -= size
        }
        preconditionFailure("row \(row) is past the table's \(count) rows")
    }

    // MARK: Whole rows

    /// Shows the rows in the order of their `numbers` (one per row, as added).
    mutating func order(by numbers: [Int]) {
        precondition(later.isEmpty && numbers.count == storedKeys.count)
        guard zip(numbers, numbers.dropFirst()).contains(where: { $0 > $1 }) else { return }
        order = numbers.indices.sorted { numbers[$0] < numbers[$1] }.map { Int32($0) }
    }

    /// These rows, then the rows of `other` (a later part of the same
    /// table), which are kept as they are rather than copied.
    mutating func append(contentsOf other: ComputedRows) {
        later.append(other)
        count += other.count
    }

    private mutating func linkNumber(_ link: String) -> Int32 {
        if let number = linkNumbers[link] { return number }
        let number = Int32(linkIDs.count)
        linkIDs.append(link)
        linkNumbers[link] = number
        return number
    }
}

/// The rows one by one as values, for looking at a few (tests, checks):
/// each is made when it is asked for.
extension ComputedRows: RandomAccessCollection {
    struct Row {
        let key: String
        let subgroup: Bool
        let cells: [Cell]
    }

    struct Cell {
        let text: String
        let sort: SortKey?
        let link: String?
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(row: Int) -> Row {
        Row(key: key(row), subgroup: subgroup(row), cells: (0..<width).map { column in
            Cell(text: String(decoding: text(row, column), as: UTF8.self), sort: sort(row, column), link: link(row, column))
        })
    }
}
