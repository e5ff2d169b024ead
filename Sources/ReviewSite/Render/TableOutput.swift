/// Where the rows of Table 1 and Table 2 are written: the page's HTML
/// (HTMLBytes) or the plain text of each cell that `reviewsite diff`
/// compares (TableText). One row function writes both, so the page and the
/// compared cells cannot drift apart.
protocol TableOutput {
    /// Opens a row; `id` is its anchor, `subgroup` its class.
    mutating func startRow(id: String?, subgroup: Bool)
    /// Opens the row heading (`<th scope="row">`) or a data cell.
    mutating func startCell(heading: Bool, style: StaticString?, sort: SortKey?)
    mutating func endCell(heading: Bool)
    mutating func endRow()
    /// Markup with no text of its own: in the HTML only.
    mutating func markup(_ html: StaticString)
    /// Text known to hold no markup characters (labels, formatted numbers).
    mutating func raw(_ text: StaticString)
    mutating func raw(_ text: String)
    /// Data: escaped in the HTML.
    mutating func text(_ text: String)
    mutating func text(_ utf8: ArraySlice<UInt8>)
    mutating func int(_ value: Int)
    mutating func number(_ value: Double)
    /// A line break inside a cell: `<br>`, `; ` in the text.
    mutating func lineBreak()
    /// A study's id after its heading: `<span class="key">id</span>`, ` id` in the text.
    mutating func key(_ id: String)
    /// `text` (data, escaped in the HTML) linked to a figure of the catalogue.
    mutating func figureLink(_ id: String, _ text: String)
}

/// A cell's `data-sort` value for sort.js; nil values sort as empty.
enum SortKey {
    case int(Int?)
    case text(String)
    /// Text already in UTF-8 (a declared table's).
    case utf8(ArraySlice<UInt8>)
}
