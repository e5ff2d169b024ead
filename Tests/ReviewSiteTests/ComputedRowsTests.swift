import Testing
@testable import ReviewSite

/// A declared table's rows are held as bytes and indexes: what goes in
/// comes out, in the order of their numbers and with parts joined.
@Suite("Computed rows")
struct ComputedRowsTests {
    /// Two rows of three cells: text with markup characters and non-ASCII
    /// letters, integer and text sort values, links and none.
    static func sample(_ first: String, _ second: String) -> ComputedRows {
        var rows = ComputedRows(width: 3)
        func add(_ text: String, _ sort: DatabaseValue, _ link: String?) {
            var text = text
            text.withUTF8 { bytes in
                switch sort {
                case .integer(let value): rows.addCell(text: bytes, sort: .integer(Int(value)), link: link)
                case .text(var value): value.withUTF8 { rows.addCell(text: bytes, sort: .text($0), link: link) }
                default: rows.addCell(text: bytes, sort: .none, link: link)
                }
            }
        }
        rows.startRow(key: first, subgroup: false)
        add("Müller 2020 <a&b>", .text("müller"), nil)
        add("12", .integer(12), "figure.one")
        add("", .null, nil)
        rows.startRow(key: second, subgroup: true)
        add("Ng 2019", .text("ng"), nil)
        add("3 (50%)", .integer(-3), "figure.two")
        add("**bold**\nline", .null, "figure.one")
        return rows
    }

    static func values(_ rows: ComputedRows) -> [[String]] {
        rows.map { row in
            [row.key, String(row.subgroup)] + row.cells.flatMap { cell in
                let sort: String
                switch cell.sort {
                case .int(let value)?: sort = "int \(value.map(String.init) ?? "nil")"
                case .text(let text)?: sort = "text \(text)"
                case .utf8(let bytes)?: sort = "utf8 \(String(decoding: bytes, as: UTF8.self))"
                case nil: sort = "none"
                }
                return [cell.text, sort, cell.link ?? "-"]
            }
        }
    }

    @Test func cellsComeOutAsTheyWentIn() {
        let rows = Self.sample("a", "b")
        #expect(rows.count == 2 && rows.hasLinks)
        #expect(Self.values(rows) == [
            ["a", "false", "Müller 2020 <a&b>", "utf8 müller", "-", "12", "int 12", "figure.one", "", "none", "-"],
            ["b", "true", "Ng 2019", "utf8 ng", "-", "3 (50%)", "int -3", "figure.two", "**bold**\nline", "none", "figure.one"],
        ])
        var plain = ComputedRows(width: 1)
        plain.startRow(key: "x", subgroup: false)
        plain.addCell(text: UnsafeBufferPointer(start: nil, count: 0), sort: .none, link: nil)
        #expect(!plain.hasLinks && plain[0].cells[0].text.isEmpty)
    }

    @Test func orderingAndJoiningKeepEveryCell() {
        let rows = Self.sample("a", "b")
        var swapped = rows
        swapped.order(by: [7, 3])
        #expect(Self.values(swapped) == Self.values(rows).reversed())
        var kept = rows
        kept.order(by: [3, 7])
        #expect(Self.values(kept) == Self.values(rows))
        // Parts joined after rows put in order, a part itself in order by its numbers.
        var joined = swapped
        var second = Self.sample("c", "d")
        second.order(by: [10, 9])
        joined.append(contentsOf: second)
        joined.append(contentsOf: Self.sample("e", "f"))
        let expected = Self.values(rows).reversed() + Self.values(Self.sample("c", "d")).reversed() + Self.values(Self.sample("e", "f"))
        #expect(Self.values(joined) == expected)
        #expect(joined.keys == ["b", "a", "d", "c", "e", "f"] && joined.count == 6)
        #expect(!ComputedRows(width: 1).hasLinks)
    }
}
