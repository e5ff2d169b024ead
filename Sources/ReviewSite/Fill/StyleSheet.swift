/// The templates' style.css may name other files (`url(…)`, `@import`) only
/// as files of the site: Chromium prints the supplement with it, and must
/// read nothing from elsewhere on the machine or the network.
enum StyleSheet {
    static let file = "style.css"

    /// A located error for each address in `text` (the templates' style.css)
    /// that is not a relative path inside the site (a `#fragment` or `data:`
    /// address is kept in the file).
    static func problems(_ text: String, inTemplates folder: String) -> [TemplateError] {
        var errors: [TemplateError] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for target in addresses(in: line) {
                let value = String(target.text)
                let lower = value.lowercased()
                guard !value.hasPrefix("#"), !lower.hasPrefix("data:") else { continue }
                if value.contains(":") || value.hasPrefix("/") || value.hasPrefix("\\") || value.split(separator: "/").contains("..") || value.isEmpty {
                    let column = line.distance(from: line.startIndex, to: target.start) + 1
                    errors.append(TemplateError(file: "\(folder)/\(file)", line: number + 1, column: column,
                        message: "\(Echo.quoted(value)) is not a file of the site (expected a relative path such as images/logo.png; the site and the supplement show only their own files)"))
                }
            }
        }
        return errors
    }

    /// The addresses of `url(…)` and `@import "…"` in one line, unquoted.
    static func addresses(in line: Substring) -> [(text: Substring, start: Substring.Index)] {
        var found: [(Substring, Substring.Index)] = []
        var rest = line[...]
        while !rest.isEmpty {
            let lower = rest.lowercased()
            let starts = ["url(", "@import"].compactMap { lower.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
            guard let match = starts else { break }
            let skipped = lower.distance(from: lower.startIndex, to: match.upperBound)
            var value = rest[rest.index(rest.startIndex, offsetBy: skipped)...].drop { $0 == " " }
            rest = value
            if value.lowercased().hasPrefix("url(") { continue }  // @import url(…): the url( is read next
            var stops: Set<Character> = [")", " ", ";"]
            if let quote = value.first, quote == "\"" || quote == "'" {
                value = value.dropFirst()
                stops = [quote]
            }
            let end = value.firstIndex { stops.contains($0) } ?? value.endIndex
            found.append((value[..<end], value.startIndex))
            rest = value[end...]
        }
        return found
    }
}
