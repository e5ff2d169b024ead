/// Cell texts shared by the tables, so a number reads the same everywhere.
enum Cells {
    static func number(_ value: Double?) -> String { value.map(formatNumber) ?? "–" }

    /// A link to a figure of the catalogue page around `text`.
    static func figureLink(_ id: String, _ text: String) -> String {
        "<a href=\"figures.html#\(Escape.fragment(id))\">\(text)</a>"
    }
}
