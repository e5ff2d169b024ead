// `{{chart ID}}` in a template: a chart of charts.yaml, on a line of its own.

extension TemplateFiller {
    /// Whether a placeholder asks for a chart (`chart` and a name).
    static func isChart(_ placeholder: Placeholder) -> Bool {
        placeholder.name == "chart" || placeholder.name.hasPrefix("chart ")
    }

    /// The line the filled Markdown keeps for the chart (ChartSet places
    /// it), or why the placeholder is wrong.
    func chartLine(_ placeholder: Placeholder, in bytes: [UInt8]) -> Result<String, TemplateError> {
        func problem(_ message: String) -> Result<String, TemplateError> {
            .failure(TemplateError(file: "", line: placeholder.line, column: placeholder.column, message: message))
        }
        let id = String(placeholder.name.dropFirst("chart".count).drop { $0 == " " || $0 == "\t" })
        guard !id.isEmpty, placeholder.field == nil else {
            return problem("a chart placeholder is {{chart ID}} with the id of a chart of charts.yaml, without a field")
        }
        guard charts.contains(id) else {
            let known = charts.isEmpty ? "charts.yaml declares none" : "expected one of \(charts.sorted().joined(separator: ", "))"
            return problem("\(Echo.quoted(id)) is not a chart of charts.yaml (\(known))")
        }
        // Only spaces may share the line: the chart is a block of the page.
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        var start = placeholder.range.lowerBound, end = placeholder.range.upperBound
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") {
            guard blank(bytes[start - 1]) else { return problem("{{chart \(id)}} must stand on a line of its own") }
            start -= 1
        }
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
            guard blank(bytes[end]) else { return problem("{{chart \(id)}} must stand on a line of its own") }
            end += 1
        }
        return .success(ChartSet.line(id))
    }
}
