/// `{{ figure.id }}` or `{{ figure.id | field }}` in a template, with where it stands.
struct Placeholder {
    var name: String
    var field: String?
    /// The whole `{{…}}` in the template's UTF-8 bytes.
    var range: Range<Int>
    var line: Int
    var column: Int
}

/// Splits a template into text and placeholders, or says where it is malformed.
enum PlaceholderScanner {
    static func scan(_ text: String, file: String) -> (placeholders: [Placeholder], errors: ErrorList<TemplateError>) {
        let bytes = Array(text.utf8)
        var placeholders: [Placeholder] = []
        var errors = ErrorList<TemplateError>()
        var line = 1, index = 0
        // Columns count characters from the last one counted, not from the
        // line's start, so that many placeholders on a line cost linear time.
        var counted = 0, countedColumn = 1
        func column(_ at: Int) -> Int {
            countedColumn += String(decoding: bytes[counted..<at], as: UTF8.self).count
            counted = at
            return countedColumn
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                counted = index + 1
                countedColumn = 1
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let start = index
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")), bytes[end] != UInt8(ascii: "\n") {
                end += 1
            }
            guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "}") else {
                errors.add(TemplateError(file: file, line: line, column: column(start), message: "'{{' is not closed by '}}' on the same line"))
                index = end
                continue
            }
            let inside = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
            let parts = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                .map { String($0).trimmedOfSpaces() }
            if parts[0].isEmpty || parts.count == 2 && parts[1].isEmpty {
                errors.add(TemplateError(file: file, line: line, column: column(start),
                                         message: "empty placeholder \(Echo.quoted("{{\(inside)}}")) (expected {{figure.id}} or {{figure.id | field}})"))
            } else {
                placeholders.append(Placeholder(name: parts[0], field: parts.count == 2 ? parts[1] : nil, range: start..<(end + 2),
                                                line: line, column: column(start)))
            }
            index = end + 2
        }
        return (placeholders, errors)
    }
}

private extension String {
    func trimmedOfSpaces() -> String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
