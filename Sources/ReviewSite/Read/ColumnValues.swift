/// One column's values as they are read; only the array of its kind is used.
final class ColumnValues {
    let kind: ColumnRule.Kind
    // Appended to once per cell by one reader on one thread: the dynamic
    // exclusivity check of each access would cost more than the append.
    @exclusivity(unchecked) var texts: [String?] = []
    @exclusivity(unchecked) var integers = OptionalColumn<Int>()
    @exclusivity(unchecked) var numbers = OptionalColumn<Double>()
    @exclusivity(unchecked) var codes: [Int32] = []
    @exclusivity(unchecked) var lists = CodeLists()

    init(_ kind: ColumnRule.Kind) {
        self.kind = kind
    }

    func reserve(_ count: Int) {
        switch kind {
        case .id, .text: texts.reserveCapacity(count)
        case .integer: integers.reserveCapacity(count)
        case .number: numbers.reserveCapacity(count)
        case .code: codes.reserveCapacity(count)
        case .codeList: lists.reserveCapacity(count)
        }
    }

    func removeLast() {
        switch kind {
        case .id, .text: texts.removeLast()
        case .integer: integers.removeLast()
        case .number: numbers.removeLast()
        case .code: codes.removeLast()
        case .codeList: lists.removeLast()
        }
    }

    var column: DataColumn {
        switch kind {
        case .id, .text: .text(texts)
        case .integer: .integers(integers)
        case .number: .numbers(numbers)
        case .code: .codes(codes)
        case .codeList: .codeLists(lists)
        }
    }
}
