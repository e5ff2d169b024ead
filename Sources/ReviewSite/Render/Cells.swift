/// Cell texts shared by the tables, so a number reads the same everywhere.
enum Cells {
    static func number(_ value: Double?) -> String { value.map(formatNumber) ?? "–" }

    /// A link to a figure of the catalogue page around `text`.
    static func figureLink(_ id: String, _ text: String) -> String {
        "<a href=\"figures.html#\(Escape.fragment(id))\">\(text)</a>"
    }

    /// The box a wide table scrolls in: a region named after the table that
    /// takes keyboard focus, so arrow keys scroll it (WCAG 2.1.1). `label` is escaped HTML.
    static func scrollBox(_ label: String) -> String {
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(label)\">"
    }
}
