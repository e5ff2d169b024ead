/// The rows of patient_summary and study_appraisal (DatabaseSchema.derived),
/// worked out once from the validated tables: SQL would redo the grouping
/// for every figure, and a view of it for every row.
struct DerivedRows {
    let tables: [DataTable]
    let codebook: Codebook

    private func table(_ name: String) -> DataTable? {
        tables.first { $0.name == name }
    }

    /// patient_summary, row for row with patients (file order).
    func insertSummaries(_ database: Database) throws(DatabaseError) -> Int {
        guard let patients = table("patients"), let ids = patients.texts("patient_id") else { return 0 }
        let index = IDIndex(ids.map { $0 ?? "" })
        let steps = table("treatments")
        let stepGroups = steps.map { RowGroups(owners: index.positions(of: ($0.texts("patient_id") ?? []).lazy.map { $0 ?? "" }),
                                               count: ids.count, order: $0.integers("step")) }
        let events = table("adverse_events")
        let eventGroups = events.map { RowGroups(owners: index.positions(of: ($0.texts("patient_id") ?? []).lazy.map { $0 ?? "" }),
                                                 count: ids.count) }
        let treatment = steps.flatMap { steps in codebook.summary.treatment.flatMap { steps.index(of: $0) } }
        let event = events.flatMap { events in codebook.summary.events.flatMap { events.index(of: $0) } }
        let declared = codebook.summary.columns.map { column in (column.rule, steps?.index(of: column.source)) }
        let width = Codebook.Summary.fixed.count + declared.count
        return try ReviewDatabase.insert(database, "patient_summary", width, 0..<ids.count) { row, patient in
            let mine = stepGroups?.members(patient) ?? []
            row.text(ids[patient])
            row.integer(mine.count)
            if let steps, let treatment {
                let codes = mine.map { steps.code(treatment, $0) ?? "" }
                let distinct = Self.distinct(codes)
                row.text(codes.isEmpty ? nil : codes.joined(separator: ";"))
                row.text(distinct.isEmpty ? nil : distinct.joined(separator: ";"))
                row.text(distinct.count == 1 ? distinct[0] : nil)
                row.integer(distinct.count > 1 ? 1 : 0)
            } else {
                row.text(nil); row.text(nil); row.text(nil); row.integer(0)
            }
            if let events, let event, let groups = eventGroups {
                let distinct = Self.distinct(groups.members(patient).compactMap { events.code(event, $0) })
                row.text(distinct.isEmpty ? nil : distinct.joined(separator: ";"))
            } else {
                row.text(nil)
            }
            for (rule, column) in declared {
                guard let steps, let column else { row.text(nil); continue }
                Self.bind(rule, steps, column, mine, into: &row)
            }
        }
    }

    /// A declared column of patient_summary for one patient's steps.
    private static func bind(_ rule: Codebook.SummaryColumn.Rule, _ steps: DataTable, _ column: Int, _ mine: [Int], into row: inout RowBinder) {
        switch (rule, steps.values[column]) {
        case (.sum(_, let zero), .integers(let values)):
            row.integer(sum(mine.map { values[$0] }, missingAsZero: zero))
        case (.sum(_, let zero), .numbers(let values)):
            row.real(sum(mine.map { values[$0] }, missingAsZero: zero))
        case (.sequence(_, let missing), _):
            let codes = mine.compactMap { steps.code(column, $0) ?? missing }
            row.text(codes.isEmpty ? nil : codes.joined(separator: ";"))
        case (.codes(_, let missing), _):
            let distinct = distinct(mine.compactMap { steps.code(column, $0) ?? missing })
            row.text(distinct.isEmpty ? nil : distinct.joined(separator: ";"))
        default:
            row.text(nil)
        }
    }

    /// The steps' values added up: a missing one counts 0, or makes the
    /// total nil; no steps give 0, or nil.
    private static func sum<Value: AdditiveArithmetic>(_ values: [Value?], missingAsZero: Bool) -> Value? {
        var total: Value? = missingAsZero || !values.isEmpty ? .zero : nil
        for value in values { total = value.map { value in total.map { $0 + value } } ?? (missingAsZero ? total : nil) }
        return total
    }

    /// Each text once, in byte order.
    private static func distinct(_ texts: [String]) -> [String] {
        guard texts.count > 1 else { return texts }
        return Set(texts).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// study_appraisal, row for row with studies: the share of met answers
    /// among the applicable ones and the overall judgement by the study's
    /// checklist, and its level of evidence.
    func insertAppraisal(_ database: Database) throws(DatabaseError) -> Int {
        guard let studies = table("studies"), let ids = studies.texts("study_id") else { return 0 }
        let appraisal = codebook.appraisal
        let checklistColumn = studies.columns.firstIndex { $0.type == .checklist }
        let levelColumn = studies.columns.firstIndex { $0.type == .level }
        var met = [Int](repeating: 0, count: ids.count), applicable = met
        if let answers = table("risk_of_bias"), let column = answers.columns.firstIndex(where: { $0.type == .answer }),
           let owners = answers.texts("study_id") {
            let index = IDIndex(ids.map { $0 ?? "" })
            let positions = index.positions(of: owners.lazy.map { $0 ?? "" })
            for (row, study) in positions.enumerated() where study >= 0 {
                let checklist = checklistColumn.flatMap { studies.code($0, study) }.flatMap(appraisal.checklist)
                guard let code = answers.code(column, row), let answer = checklist?.answers.first(where: { $0.code == code }) else { continue }
                if answer.applicable { applicable[study] += 1 }
                if answer.met && answer.applicable { met[study] += 1 }
            }
        }
        let width = 1 + (appraisal.checklists.isEmpty ? 0 : 5) + (appraisal.levels.isEmpty ? 0 : 1)
        return try ReviewDatabase.insert(database, "study_appraisal", width, 0..<ids.count) { row, study in
            row.text(ids[study])
            if !appraisal.checklists.isEmpty {
                let code = checklistColumn.flatMap { studies.code($0, study) }
                row.text(code)
                row.integer(met[study])
                row.integer(applicable[study])
                row.real(applicable[study] > 0 ? Double(met[study]) / Double(applicable[study]) : nil)
                let rule = code.flatMap(appraisal.checklist)?.overall ?? Codebook.OverallRule(lowAbove: 100, highBelow: 0)
                row.text(Self.judgement(met: met[study], applicable: applicable[study], rule))
            }
            if !appraisal.levels.isEmpty {
                row.text(levelColumn.flatMap { studies.code($0, study) })
            }
        }
    }

    /// Low above `lowAbove` % met, high below `highBelow` % (or with no
    /// applicable answer), moderate between; compared exactly in integers' terms.
    static func judgement(met: Int, applicable: Int, _ rule: Codebook.OverallRule) -> String {
        let share = Double(met) * 100, whole = Double(applicable)
        if applicable == 0 || share < rule.highBelow * whole { return "high" }
        if share > rule.lowAbove * whole { return "low" }
        return "moderate"
    }
}
