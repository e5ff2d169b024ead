/// Table 2: one row per treatment option, every cell from the figure engine's groups.
enum TreatmentTable {
    static func page(_ facts: ReviewFacts, _ figures: [Figure]) -> Page {
        var html = """
        <h1>Table 2. Summary of the treatment options</h1>
        <p>Each monotherapy counts the patients whose every treatment step used it; laser is then split by laser type, and each combination of treatments has its own row. Percentages use all patients of the row as the denominator, unknown outcomes included. Where a cell is a figure of the report, it links to the rows behind it.</p>
        <div class="table-scroll">
        <table class="sortable">
        <caption>Local, non-systemic and minimally invasive treatment options for calcinosis cutis</caption>
        <thead>
        <tr><th scope="col">Treatment</th><th scope="col">Patients (studies)</th><th scope="col">Regimen</th><th scope="col">Response</th><th scope="col">Responded</th><th scope="col">Pain outcome</th><th scope="col">VAS reduction, median (range; n)</th><th scope="col">Adverse effects (patients)</th><th scope="col">Recurrence</th></tr>
        </thead>
        <tbody>

        """
        for (option, patients) in facts.treatmentGroups() {
            html += row(option, GroupSummary(facts, patients), responseFigure(patients, facts, figures))
        }
        return Page(file: "table-2.html", title: "Table 2", body: html + "</tbody>\n</table>\n</div>", sortable: true)
    }

    static func label(_ option: TreatmentOption) -> (text: String, subgroup: Bool) {
        switch option {
        case .monotherapy(let modality): (modality.label, false)
        case .laser(let variants): (variants.map { $0?.label ?? "type not reported" }.joined(separator: " then ") + " laser", true)
        case .combined(let modalities): ("Combined: " + modalities.map(\.shortLabel).joined(separator: " then "), false)
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

    static func row(_ option: TreatmentOption, _ summary: GroupSummary, _ figure: String?) -> String {
        let (name, subgroup) = label(option)
        let n = summary.count
        let responses = Response.allCases.map { response in
            let share = summary.share(response)
            return "\(response.label) \(share.count) (\(share.percent.map { "\($0)%" } ?? "n/a"))"
        }.joined(separator: "<br>")
        var responded = Cells.share(summary.responded.count, of: n)
        if let figure { responded = Cells.figureLink(figure, responded) }
        let painReported = summary.painOutcomes.values.reduce(0, +)
        let pain = painReported == 0 ? "not reported"
            : PainOutcome.allCases.map { "\($0.rawValue) \(summary.painOutcomes[$0] ?? 0)" }.joined(separator: ", ") + " (of \(painReported) reported)"
        let vas = summary.vasReduction.n == 0 ? "not reported"
            : "\(Cells.number(summary.vasReduction.median)) (\(Cells.rangeText(summary.vasReduction)); n = \(summary.vasReduction.n))"
        let events = AdverseEventType.allCases.compactMap { type in summary.adverseEvents[type].map { "\(type.label) \($0)" } }
        let recurrence = summary.recurrences.reported == 0 ? "not reported"
            : "\(summary.recurrences.yes) of \(summary.recurrences.reported) reported"
        return """
        <tr\(subgroup ? " class=\"subgroup\"" : "")><th scope="row">\(Escape.html(name))</th>\
        <td class="num" data-sort="\(n)">\(n) (\(summary.studyCount))</td>\
        <td class="wide">\(summary.regimens.map(Cells.regimen).joined(separator: "<br>"))</td>\
        <td class="wide">\(responses)</td>\
        <td class="num" data-sort="\(summary.responded.percent.map(String.init) ?? "")">\(responded)</td>\
        <td>\(pain)</td>\
        <td data-sort="\(summary.vasReduction.median.map(formatNumber) ?? "")">\(vas)</td>\
        <td>\(events.isEmpty ? "none reported" : events.joined(separator: ", "))</td>\
        <td>\(recurrence)</td></tr>

        """
    }
}
