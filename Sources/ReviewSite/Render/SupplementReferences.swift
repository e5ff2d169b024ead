/// The supplement's eReferences: each included study with its reference,
/// from the columns of the studies table that the codebook marks with
/// `citation:`, in the order of the review's reference numbers when it
/// gives them. A study with no more than its number is listed by it.
enum SupplementReferences {
    /// `shown`: the studies listed, from the first (site.yaml's `rows:`); every one by default.
    static func html(_ report: Report, shown: Int = Int.max) -> String {
        guard let studies = report.tables.table(for: .study), let key = studies.columns.firstIndex(where: { $0.type == .id }) else {
            return "<p>The review's data have no table of studies.</p>\n"
        }
        let declared = report.codebook.table(for: .study)?.citationColumns ?? []
        let columns = Dictionary(declared.compactMap { part, name in studies.index(of: name).map { (part, $0) } }, uniquingKeysWith: { a, _ in a })
        func value(_ part: Codebook.CitationPart, _ row: Int) -> String? {
            guard let column = columns[part] else { return nil }
            switch studies.values[column] {
            case .text(let texts): return texts[row].flatMap { $0.isEmpty ? nil : $0 }
            case .integers(let numbers): return numbers[row].map(String.init)
            default: return nil
            }
        }
        var rows = Array(0..<studies.count)
        if let number = columns[.number], case .integers(let numbers) = studies.values[number] {
            rows.sort { (numbers[$0] ?? Int.max, $0) < (numbers[$1] ?? Int.max, $1) }
        }
        let details: [Codebook.CitationPart] = [.authors, .title, .journal, .year, .doi]
        let described = rows.filter { row in details.contains { value($0, row) != nil } }.count
        var html = "<p>The \(studies.count) included studies"
        if described < studies.count {
            let what = columns[.number] == nil ? "by their label in the review" : "by their label and their number in the review's reference list"
            html += described == 0 ? ", \(what): the review's data give no other details of their references"
                : "; \(studies.count - described) of them \(what) only, as the review's data give no other details"
            if let doi = report.review.doi { html += " (the published review, doi:\(Escape.html(doi)), lists them in full)" }
        }
        if rows.count > shown {
            html += "; the first \(grouped(shown)) are listed here, every one is in the review's downloads"
            rows.removeLast(rows.count - shown)
        }
        html += ".</p>\n<ul class=\"study-references\">\n"
        for row in rows {
            let label = studies.text(key, row) ?? ""
            var parts: [String] = []
            if let authors = value(.authors, row) { parts.append(Escape.html(authors)) }
            if let title = value(.title, row) { parts.append(Escape.html(title)) }
            if let journal = value(.journal, row) { parts.append("<cite>\(Escape.html(journal))</cite>") }
            if let year = value(.year, row) { parts.append(year) }
            var text = parts.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: ". ")
            if !text.isEmpty { text += "." }
            if let doi = value(.doi, row) { text += " doi:\(Escape.html(doi))" }
            if let number = value(.number, row) { text = "Reference \(number) of the review." + (text.isEmpty ? "" : " " + text) }
            html += "<li id=\"study-\(Escape.html(label))\"><strong>\(Escape.html(label))</strong>\(text.isEmpty ? "" : " " + text)</li>\n"
        }
        return html + "</ul>\n"
    }
}
