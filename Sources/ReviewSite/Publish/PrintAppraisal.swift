import Foundation

/// The appraisal page's table (each study's answers and overall risk of
/// bias) as a pandoc pipe table for the Word file, with a one-line key to
/// its symbols. Read from the page the build wrote, as the supplement
/// prints it: markup of the site's own renderers, cell by cell as text.
enum PrintAppraisal {
    /// The Markdown of the table under `heading`, or nil when the page has no table.
    static func markdown(page html: String, heading: String) -> String? {
        guard let table = Supplement.tableElement(Array(html.utf8)).map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        let rows = pieces(table, "<tr", "</tr>").map { row in
            pieces(row, "<t", "</t").map { Escape.markdown(text(of: $0)) }
        }.filter { !$0.isEmpty }
        guard let header = rows.first, header.count > 1 else { return nil }
        let caption = pieces(table, "<caption", "</caption>").first.map(text) ?? ""
        // One legend, or one per checklist when their answers differ.
        // A checklist's name (`RoB 2:`) runs into its first answer.
        let key = pieces(html, "<ul class=\"legend\"", "</ul>").map { legend in
            pieces(legend, "<li", "</li>").map(text).joined(separator: "; ").replacingOccurrences(of: ":; ", with: ": ")
        }.joined(separator: "; ")
        var out = "## \(Escape.markdown(heading))\n\n"
        if !key.isEmpty { out += Escape.markdown("Key: \(key); blank, not in the study's checklist.") + "\n\n" }
        if !caption.isEmpty { out += Escape.markdown(caption) + "\n\n" }
        out += "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
        for row in rows.dropFirst() { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    /// The parts of `text` from each `open` (its tag's name may go on: `<th`, `<td`) to the next `close`, without both.
    static func pieces(_ text: String, _ open: String, _ close: String) -> [String] {
        var found: [String] = [], rest = Substring(text)
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            // `<t` also begins `<table` and `<tbody>`, which hold no cell of their own here.
            let inside = rest[start.upperBound..<end.lowerBound]
            if open != "<t" || inside.hasPrefix("h") || inside.hasPrefix("d") { found.append(String(inside.drop { $0 != ">" }.dropFirst())) }
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// A cell's text: its tags dropped (a screen reader's note with them), its entities read.
    static func text(of cell: String) -> String {
        var cell = cell
        while let note = cell.range(of: "<span class=\"visually-hidden\">"), let end = cell[note.upperBound...].range(of: "</span>") {
            cell.removeSubrange(note.lowerBound..<end.upperBound)
        }
        var out = "", inTag = false
        for character in cell {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
