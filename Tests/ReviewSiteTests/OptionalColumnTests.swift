import Testing
@testable import ReviewSite

/// Columns of numbers hold a bit per row for whether it is reported: they
/// read back as the optionals they were made of, across the bits' words.
@Suite("Optional columns")
struct OptionalColumnTests {
    @Test(arguments: [0, 1, 63, 64, 65, 130])
    func valuesComeBackAsTheyWentIn(count: Int) {
        let values: [Int?] = (0..<count).map { $0 % 3 == 0 ? nil : $0 * 7 - 100 }
        let column = OptionalColumn(values)
        #expect(Array(column) == values)
        #expect(column.count == count)
        let zeros = OptionalColumn<Double>((0..<count).map { _ in 0.0 })
        #expect(zeros.allSatisfy { $0 == 0 })
    }

    @Test func removingTheLastValueForgetsWhetherItWasReported() {
        var column = OptionalColumn<Int>()
        for row in 0..<66 { column.append(row) }
        column.removeLast()
        column.removeLast()
        #expect(column.count == 64 && column.last == 63)
        column.append(nil)
        column.append(nil)
        #expect(Array(column.suffix(3)) == [63, nil, nil])
        column.removeLast()
        column.append(5)
        #expect(Array(column.suffix(2)) == [nil, 5])
    }
}

/// Code list columns hold every row's codes end to end.
@Suite("Code list columns")
struct CodeListsTests {
    @Test func listsComeBackAsTheyWentIn() {
        let lists: [[Int32]] = [[2, 0], [], [1], [], [0, 1, 2], []]
        var column = CodeLists(lists)
        #expect(column.map(Array.init) == lists)
        column.removeLast()
        column.removeLast()
        #expect(column.map(Array.init) == Array(lists.prefix(4)))
        column.append([3])
        #expect(column.map(Array.init) == [[2, 0], [], [1], [], [3]])
        #expect(CodeLists().isEmpty)
    }
}

/// The setting that keeps a large build's freed blocks from staying in the process.
@Suite("Process memory")
struct ProcessMemoryTests {
    @Test func theCLibraryTakesTheSetting() {
        #if canImport(Glibc)
        #expect(ProcessMemory.returnLargeBlocks())
        #endif
    }
}
