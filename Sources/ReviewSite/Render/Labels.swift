/// The words a reader sees for each code of the typed rows: the codebook's
/// labels (the code itself where it gives none), looked up by case index.
/// The codebook is the review's text, so every label is kept escaped for
/// HTML too: pages write it as bytes.
public struct CodeLabels: Sendable {
    private var labels: [ObjectIdentifier: Words] = [:]
    /// A unit per modality for `concentration`, as the codebook's `units` give it.
    private var concentrationUnits: [String: String] = [:]

    private struct Words: Sendable {
        var text: [String]
        var html: [String]
        var short: [String]
        var shortHTML: [String]
    }

    public init(_ codebook: Codebook) {
        func codes(_ table: String, _ column: String) -> [Codebook.Code] {
            codebook.table(table)?.column(column).flatMap(codebook.codes)?.codes ?? []
        }
        add(Design.self, codes("studies", "design"))
        add(Diagnosis.self, codes("patients", "diagnosis"))
        add(Site.self, codes("patients", "sites"))
        add(Response.self, codes("patients", "response"))
        add(Modality.self, codes("treatments", "modality"))
        add(Variant.self, codes("treatments", "variant"))
        add(AdverseEventType.self, codes("adverse_events", "event"))
        add(RiskOfBiasTool.self, codebook.appraisal.checklists.map { Codebook.Code(code: $0.code, label: $0.label) })
        add(Answer.self, codebook.appraisal.checklists.first?.answers ?? [])
        concentrationUnits = codebook.table("treatments")?.column("concentration")?.units ?? [:]
    }

    private mutating func add<C: Code>(_: C.Type, _ codes: [Codebook.Code]) {
        let found = C.allCases.map { value in codes.first { $0.code == value.rawValue } }
        let text = zip(C.allCases, found).map { value, code in code?.label ?? value.rawValue }
        let short = zip(text, found).map { label, code in code?.short ?? label }
        labels[ObjectIdentifier(C.self)] = Words(text: text, html: text.map(Escape.html), short: short, shortHTML: short.map(Escape.html))
    }

    private func words<C: Code>(_ code: C) -> Words? {
        labels[ObjectIdentifier(C.self)]
    }

    /// The code's label as text.
    public subscript<C: Code>(_ code: C) -> String {
        words(code)?.text[code.caseIndex] ?? code.rawValue
    }

    /// The code's label escaped for HTML.
    func html<C: Code>(_ code: C) -> String {
        words(code)?.html[code.caseIndex] ?? code.rawValue
    }

    /// The code's short label (its label when the codebook gives none) as text.
    func short<C: Code>(_ code: C) -> String {
        words(code)?.short[code.caseIndex] ?? code.rawValue
    }

    func shortHTML<C: Code>(_ code: C) -> String {
        words(code)?.shortHTML[code.caseIndex] ?? code.rawValue
    }

    /// The unit of `concentration` for a modality, as written after a number: `%` close, others after a space.
    func concentrationUnit(_ modality: Modality) -> String {
        guard let unit = concentrationUnits[modality.rawValue], !unit.isEmpty else { return "" }
        return unit == "%" ? unit : " " + unit
    }
}

extension Code {
    /// The case's position in `allCases`: a no-payload enum is stored as its case index.
    /// A test holds it to `allCases` for every code.
    var caseIndex: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}
