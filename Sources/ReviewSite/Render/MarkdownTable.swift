/// The Markdown twin of a table page (`table-1.md`): its title, its
/// introduction, its caption and a GFM pipe table of the cells' text, so a
/// table can go to a manuscript through any Markdown tool. Written as bytes:
/// Table 1 of a large review has hundreds of thousands of rows.
enum MarkdownTable {
    static func markdown(title: String, introduction: String, caption: String, _ data: TableData) -> String {
        String(decoding: bytes(title: title, introduction: introduction, caption: caption, data), as: UTF8.self)
    }

    /// `heading`: the title's Markdown heading mark (`##` where the table is a section of a document).
    static func bytes(title: String, introduction: String, caption: String, _ data: TableData, heading: String = "#") -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.bytes.count + data.cellEnds.count * 4 + 1024)
        out += Array((heading + " ").utf8)
        escape(title.utf8, into: &out)
        out += Array("\n\n".utf8)
        escape(introduction.utf8, into: &out)
        out += Array("\n\n**".utf8)
        escape(caption.utf8, into: &out)
        out += Array("**\n\n".utf8)
        row(data.columns.map { Array($0.utf8)[...] }, into: &out)
        out += Array("|".utf8) + Array(repeating: Array(" --- |".utf8), count: data.columns.count).flatMap { $0 } + [10]
        for index in 0..<data.rowCount {
            row(data.columns.indices.map { data.bytes[data.range(index, $0)] }, into: &out)
        }
        return out
    }

    private static func row(_ cells: [ArraySlice<UInt8>], into out: inout [UInt8]) {
        out += [UInt8(ascii: "|"), UInt8(ascii: " ")]
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += Array(" | ".utf8) }
            escape(cell, into: &out)
        }
        out += Array(" |\n".utf8)
    }

    /// Data as literal text: Markdown's punctuation backslash-escaped (a `|`
    /// would end the cell, a `<` start markup), line breaks as spaces.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text.utf8, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func escape(_ bytes: some Sequence<UInt8>, into out: inout [UInt8]) {
        var afterCR = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "!"),
                 UInt8(ascii: "~"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 13:
                out.append(UInt8(ascii: " "))
            case 10:
                // CRLF is one break: its CR already became the space.
                if !afterCR { out.append(UInt8(ascii: " ")) }
            default:
                out.append(byte)
            }
            afterCR = byte == 13
        }
    }
}
