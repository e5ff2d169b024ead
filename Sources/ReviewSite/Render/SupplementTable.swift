import Foundation

/// A table as the site's Markdown twin writes it (MarkdownTable: a title,
/// an introduction, a bold caption and a GFM pipe table whose cells are
/// backslash-escaped text), read back into plain strings so the supplement
/// prints the very table the site offers, whichever code made it.
struct SupplementTable {
    var title = ""
    var introduction = ""
    var caption = ""
    var header: [String] = []
    var rows: [[String]] = []

    init?(twin bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# ") && title.isEmpty {
                title = Self.unescape(line.dropFirst(2))
            } else if line.hasPrefix("|") {
                let cells = Self.cells(line)
                if header.isEmpty {
                    header = cells
                } else if !cells.allSatisfy({ $0 == "---" }) {
                    rows.append(cells)
                }
            } else if line.hasPrefix("**") && line.hasSuffix("**") && line.count > 4 {
                caption = Self.unescape(line.dropFirst(2).dropLast(2))
            } else if introduction.isEmpty {
                introduction = Self.unescape(line)
            }
        }
        guard !header.isEmpty else { return nil }
    }

    /// The cells of `| a | b \| c |`: split at the pipes no backslash escapes.
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in line.dropFirst() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        return cells
    }

    /// Markdown's backslash escapes removed: the text the reader sees.
    static func unescape(_ text: Substring) -> String {
        var out = "", escaped = false
        for character in text {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            out.append(character)
            escaped = false
        }
        return out
    }

    /// The table with a header that repeats on every printed page.
    var html: String {
        var html = "<h2>\(Escape.html(title))</h2>\n"
        if !introduction.isEmpty { html += "<p>\(Escape.html(introduction))</p>\n" }
        html += "<div class=\"table-scroll\">\n<table>\n"
        if !caption.isEmpty { html += "<caption>\(Escape.html(caption))</caption>\n" }
        html += "<thead>\n<tr>" + header.map { "<th scope=\"col\">\(Escape.html($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { index, cell in
                index == 0 ? "<th scope=\"row\">\(Escape.html(cell))</th>" : "<td>\(Escape.html(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }
}
