/// figures.json: `{"figures": [{"id", "kind", <fields>, "rows", ...}]}` with
/// sorted keys and no timestamps, so the same data give the same bytes.
public enum FiguresJSON {
    public static func render(_ figures: [Figure]) -> String {
        var out = "{\n  \"figures\": ["
        for (index, figure) in figures.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            var members: [(String, String)] = [("id", quoted(figure.id)), ("kind", quoted(figure.kind.rawValue)),
                                               ("rows", list(figure.rows))]
            for field in figure.kind.fields {
                members.append((field, figure[field].map(formatNumber) ?? "null"))
            }
            if let numeratorRows = figure.numeratorRows { members.append(("numerator_rows", list(numeratorRows))) }
            members.sort { $0.0 < $1.0 }
            out += "    {\n"
            out += members.map { "      \(quoted($0.0)): \($0.1)" }.joined(separator: ",\n")
            out += "\n    }"
        }
        return out + "\n  ]\n}\n"
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// A JSON string literal (RFC 8259 escaping).
    static func quoted(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"\(text)\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
