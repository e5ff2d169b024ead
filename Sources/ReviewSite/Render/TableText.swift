/// Writes rows as the plain text of each cell, for `TableData`: markup
/// dropped, data unescaped, line breaks as `; `.
struct TableText: TableOutput {
    private var out: HTMLBytes
    private var cellEnds: [Int] = []

    init(capacity: Int) {
        out = HTMLBytes(capacity: capacity)
    }

    func data(columns: [String]) -> TableData {
        TableData(columns: columns, bytes: out.bytes, cellEnds: cellEnds)
    }

    mutating func startRow(id: String?, subgroup: Bool) {}
    mutating func startCell(heading: Bool, style: StaticString?, sort: SortKey?) {}
    mutating func endCell(heading: Bool) { cellEnds.append(out.bytes.count) }
    mutating func endRow() {}
    mutating func markup(_ html: StaticString) {}
    mutating func raw(_ text: StaticString) { out.raw(text) }
    mutating func raw(_ text: String) { out.raw(text) }
    mutating func text(_ text: String) { out.raw(text) }
    mutating func text(_ utf8: ArraySlice<UInt8>) { out.raw(utf8) }
    mutating func int(_ value: Int) { out.int(value) }
    mutating func number(_ value: Double) { out.number(value) }
    mutating func lineBreak() { out.raw("; ") }

    mutating func key(_ id: String) {
        out.raw(" ")
        out.raw(id)
    }

    mutating func figureLink(_ id: String, _ text: String) { out.raw(text) }
}
