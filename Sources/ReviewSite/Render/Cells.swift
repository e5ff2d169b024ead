/// Cell texts shared by the tables, so a number reads the same everywhere.
enum Cells {
    static func number(_ value: Double?) -> String { value.map(formatNumber) ?? "–" }

    /// A link to a figure of the catalogue page around `text`.
    static func figureLink(_ id: String, _ text: String) -> String {
        "<a href=\"figures.html#\(Escape.fragment(id))\">\(text)</a>"
    }

    /// One step's regimen: `IL-STS 250 mg/ml, 250 mg, 4 sessions`.
    /// Written as bytes for the patient table's million rows. Every piece
    /// is a label (escaped once, in `CodeLabels`), a unit or a number.
    static func step(_ steps: [TreatmentStep], _ index: Int, _ labels: CodeLabels, into html: inout HTMLBytes) {
        let modality = steps[index].modality
        html.raw(labels.shortHTML(modality))
        if let variant = steps[index].variant {
            html.raw(" (")
            html.raw(labels.html(variant))
            html.raw(")")
        }
        func measure(_ value: Double?, _ unit: String) {
            guard let value else { return }
            html.raw(", ")
            html.number(value)
            html.raw(unit)
        }
        measure(steps[index].concentration, labels.concentrationUnit(modality))
        measure(steps[index].doseMG, " mg")
        if let value = steps[index].sessions {
            html.raw(", ")
            html.int(value)
            html.raw(value == 1 ? " session" : " sessions")
        }
        measure(steps[index].durationMonths, " months")
        if let value = steps[index].shockWaves {
            html.raw(", ")
            html.int(value)
            html.raw(" shock waves")
        }
        measure(steps[index].energy, " mJ/mm²")
        if let value = steps[index].anaesthesia, value != .none {
            html.raw(", ")
            html.raw(value.rawValue)
            html.raw(" anaesthesia")
        }
    }
}
