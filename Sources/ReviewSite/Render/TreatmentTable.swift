/// Table 2: one row per treatment option, every cell from the figure engine's groups.
enum TreatmentTable {
    static let title = "Table 2. Summary of the treatment options"
    static let introduction = "Each monotherapy counts the patients whose every treatment step used it; laser is then split by laser type, and each combination of treatments has its own row. Percentages use all patients of the row as the denominator, unknown outcomes included."
    static let caption = "Local, non-systemic and minimally invasive treatment options for calcinosis cutis"

    /// `table-2.md`.
    static func markdown(_ facts: ReviewFacts, _ figures: [Figure]) -> [UInt8] {
        MarkdownTable.bytes(title: title, introduction: introduction, caption: caption, data(facts, figures))
    }

    static func page(_ facts: ReviewFacts, _ figures: [Figure]) -> Page {
        let html = """
        <h1>\(title)</h1>
        <p>\(introduction) Where a cell is a figure of the report, it links to the rows behind it. The table is also available as <a href="table-2.md">Markdown</a>.</p>
        <div class="table-scroll">
        <table class="sortable">
        <caption>\(caption)</caption>
        <thead>
        \(StudyTable.columnRow(columns))
        </thead>
        <tbody>

        """
        var rows = HTMLBytes(capacity: 16_384)
        for (option, patients) in facts.treatmentGroups() {
            row(option, GroupSummary(facts, patients), responseFigure(patients, facts, figures), into: &rows)
        }
        return Page(file: "table-2.html", title: "Table 2", body: html, sortable: true, rows: rows.bytes, end: "</tbody>\n</table>\n</div>")
    }

    static let columns = ["Treatment", "Patients (studies)", "Regimen", "Response", "Responded", "Pain outcome",
                          "VAS reduction, median (range; n)", "Adverse effects (patients)", "Recurrence"]

    /// The table as text, for comparisons: the cells of the page's rows.
    static func data(_ facts: ReviewFacts, _ figures: [Figure]) -> TableData {
        var text = TableText(capacity: 16_384)
        for (option, patients) in facts.treatmentGroups() {
            row(option, GroupSummary(facts, patients), responseFigure(patients, facts, figures), into: &text)
        }
        return text.data(columns: columns)
    }

    static func label(_ option: TreatmentOption, _ labels: CodeLabels) -> (text: String, subgroup: Bool) {
        switch option {
        case .monotherapy(let modality): (labels[modality], false)
        case .laser(let variants): (variants.map { $0.map { labels[$0] } ?? "type not reported" }.joined(separator: " then ") + " laser", true)
        case .combined(let modalities): ("Combined: " + modalities.map(labels.short).joined(separator: " then "), false)
        }
    }

    /// The figure of figures.yaml that computes a row's responded cell, when
    /// there is one: the first proportion whose rows are the row's patients
    /// and whose numerator rows are those who responded.
    static func responseFigure(_ patients: [Int], _ facts: ReviewFacts, _ figures: [Figure]) -> String? {
        let group = patients.map { Int32($0) }
        let responded = patients.filter { [.complete, .partial].contains(facts.patients[$0].patient.response) }.map { Int32($0) }
        return figures.first { figure in
            guard figure.kind == .proportion, figure.rows.count == group.count, let numerator = figure.numeratorRows,
                  figure.rows.keys === facts.patientKeys, numerator.keys === facts.patientKeys else { return false }
            return numerator.positions == responded && figure.rows.positions == group
        }?.id
    }

    static func row(_ option: TreatmentOption, _ summary: GroupSummary, _ figure: String?, into out: inout some TableOutput) {
        let (name, subgroup) = label(option, summary.labels)
        let n = summary.count
        out.startRow(id: nil, subgroup: subgroup)
        out.startCell(heading: true, style: nil, sort: nil)
        out.text(name)
        out.endCell(heading: true)
        out.startCell(heading: false, style: "num", sort: .int(n))
        out.raw("\(n) (\(summary.studyCount))")
        out.endCell(heading: false)
        out.startCell(heading: false, style: "wide", sort: nil)
        for (index, regimen) in summary.regimens.enumerated() {
            if index > 0 { out.lineBreak() }
            Cells.regimen(regimen, summary.labels, into: &out)
        }
        out.endCell(heading: false)
        out.startCell(heading: false, style: "wide", sort: nil)
        for (index, response) in Response.allCases.enumerated() {
            if index > 0 { out.lineBreak() }
            let share = summary.share(response)
            out.text("\(summary.labels[response]) \(share.count) (\(share.percent.map { "\($0)%" } ?? "n/a"))")
        }
        out.endCell(heading: false)
        out.startCell(heading: false, style: "num", sort: .int(summary.responded.percent))
        let responded = Cells.share(summary.responded.count, of: n)
        if let figure { out.figureLink(figure, responded) } else { out.raw(responded) }
        out.endCell(heading: false)
        let painReported = summary.painOutcomes.values.reduce(0, +)
        cell(painReported == 0 ? "not reported"
            : PainOutcome.allCases.map { "\($0.rawValue) \(summary.painOutcomes[$0] ?? 0)" }.joined(separator: ", ") + " (of \(painReported) reported)")
        cell(summary.vasReduction.n == 0 ? "not reported"
            : "\(Cells.number(summary.vasReduction.median)) (\(Cells.rangeText(summary.vasReduction)); n = \(summary.vasReduction.n))",
             sort: .text(summary.vasReduction.median.map(formatNumber) ?? ""))
        let events = AdverseEventType.allCases.compactMap { type in summary.adverseEvents[type].map { "\(summary.labels[type]) \($0)" } }
        cell(events.isEmpty ? "none reported" : events.joined(separator: ", "))
        cell(summary.recurrences.reported == 0 ? "not reported" : "\(summary.recurrences.yes) of \(summary.recurrences.reported) reported")
        out.endRow()

        /// A cell of labels (from the codebook, so escaped) and numbers.
        func cell(_ text: String, sort: SortKey? = nil) {
            out.startCell(heading: false, style: nil, sort: sort)
            out.text(text)
            out.endCell(heading: false)
        }
    }
}
