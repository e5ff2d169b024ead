/// The Markdown twin of a table page (`table-1.md`): its title, its
/// introduction, its caption and a GFM pipe table of the cells' text, so a
/// table can go to a manuscript through any Markdown tool.
enum MarkdownTable {
    static func markdown(title: String, introduction: String, caption: String, _ data: TableData) -> String {
        var text = "# \(escape(title))\n\n\(escape(introduction))\n\n**\(escape(caption))**\n\n"
        text += "| " + data.columns.map(escape).joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: " --- |", count: data.columns.count) + "\n"
        for row in 0..<data.rowCount {
            text += "| " + data.cells(row).map(escape).joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// Data as literal text: Markdown's punctuation backslash-escaped (a `|`
    /// would end the cell, a `<` start markup), line breaks as spaces.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "&", "!", "~", "{", "}":
                escaped.append("\\")
                escaped.append(character)
            case "\n", "\r\n", "\r":
                escaped.append(" ")
            default:
                escaped.append(character)
            }
        }
        return escaped
    }
}
