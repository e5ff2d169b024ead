/// The rows of patient_summary and study_appraisal (DatabaseSchema.derived),
/// worked out once from the validated tables: SQL would redo the grouping
/// for every figure, and a view of it for every row.
struct DerivedRows {
    let tables: [DataTable]
    let codebook: Codebook

    private func table(_ role: Codebook.Role) -> DataTable? {
        tables.table(for: role)
    }

    /// The owners' ids of a step, event or answer table's rows.
    private func owners(_ table: DataTable) -> [String?] {
        table.ownerColumn.flatMap(table.texts) ?? []
    }

    /// patient_summary, row for row with patients (file order).
    func summaries() -> ColumnRows? {
        guard let patients = table(.patient), let ids = patients.idName.flatMap(patients.texts) else { return nil }
        let index = IDIndex(ids.map { $0 ?? "" })
        let steps = table(.step)
        let stepGroups = steps.map { RowGroups(owners: index.positions(of: owners($0).lazy.map { $0 ?? "" }),
                                               count: ids.count, order: $0.numberColumn.flatMap($0.integers)) }
        let events = table(.event)
        let eventGroups = events.map { RowGroups(owners: index.positions(of: owners($0).lazy.map { $0 ?? "" }),
                                                 count: ids.count) }
        let treatment = steps.flatMap { steps in codebook.summary.treatment.flatMap { steps.index(of: $0) } }
        let event = events.flatMap { events in codebook.summary.events.flatMap { events.index(of: $0) } }
        let declared = codebook.summary.columns.map { column in
            SummaryColumn(rule: column.rule, steps: steps, column: steps?.index(of: column.source), capacity: ids.count)
        }
        var counts: [Int?] = [], combined: [Int?] = []
        counts.reserveCapacity(ids.count)
        combined.reserveCapacity(ids.count)
        let sequence = TextCodes(capacity: ids.count), treatments = TextCodes(capacity: ids.count)
        let monotherapy = TextCodes(capacity: ids.count), eventLists = TextCodes(capacity: ids.count)
        for patient in ids.indices {
            let mine = stepGroups?.members(patient) ?? []
            counts.append(mine.count)
            if let steps, let treatment {
                let codes = mine.map { steps.code(treatment, $0) ?? "" }
                let distinct = Self.distinct(codes)
                sequence.append(codes.isEmpty ? nil : codes.joined(separator: ";"))
                treatments.append(distinct.isEmpty ? nil : distinct.joined(separator: ";"))
                monotherapy.append(distinct.count == 1 ? distinct[0] : nil)
                combined.append(distinct.count > 1 ? 1 : 0)
            } else {
                sequence.append(nil); treatments.append(nil); monotherapy.append(nil); combined.append(0)
            }
            if let events, let event, let groups = eventGroups {
                let distinct = Self.distinct(groups.members(patient).compactMap { events.code(event, $0) })
                eventLists.append(distinct.isEmpty ? nil : distinct.joined(separator: ";"))
            } else {
                eventLists.append(nil)
            }
            for column in declared { column.append(mine) }
        }
        let fixed: [ColumnRows.Column] = [.text(ids), .integers(OptionalColumn(counts)), sequence.column, treatments.column, monotherapy.column,
                                          .integers(OptionalColumn(combined)), eventLists.column]
        return ColumnRows(columns: fixed + declared.map(\.values), count: ids.count)
    }

    /// A declared column of patient_summary, filled patient by patient.
    private final class SummaryColumn {
        let rule: Codebook.SummaryColumn.Rule
        let steps: DataTable?
        let column: Int?
        var integers: [Int?] = [], numbers: [Double?] = []
        let texts: TextCodes

        init(rule: Codebook.SummaryColumn.Rule, steps: DataTable?, column: Int?, capacity: Int) {
            self.rule = rule
            self.steps = steps
            self.column = column
            texts = TextCodes(capacity: capacity)
        }

        /// One patient's value from its steps.
        func append(_ mine: [Int]) {
            guard let steps, let column else { return texts.append(nil) }
            switch (rule, steps.values[column]) {
            case (.sum(_, let zero), .integers(let values)):
                integers.append(DerivedRows.sum(mine.map { values[$0] }, missingAsZero: zero))
            case (.sum(_, let zero), .numbers(let values)):
                numbers.append(DerivedRows.sum(mine.map { values[$0] }, missingAsZero: zero))
            case (.sequence(_, let missing), _):
                let codes = mine.compactMap { steps.code(column, $0) ?? missing }
                texts.append(codes.isEmpty ? nil : codes.joined(separator: ";"))
            case (.codes(_, let missing), _):
                let distinct = DerivedRows.distinct(mine.compactMap { steps.code(column, $0) ?? missing })
                texts.append(distinct.isEmpty ? nil : distinct.joined(separator: ";"))
            default:
                texts.append(nil)
            }
        }

        /// Whichever kind of value the rule gave.
        var values: ColumnRows.Column {
            if !integers.isEmpty { return .integers(OptionalColumn(integers)) }
            if !numbers.isEmpty { return .numbers(OptionalColumn(numbers)) }
            return texts.column
        }
    }

    /// The steps' values added up: a missing one counts 0, or makes the
    /// total nil; no steps give 0, or nil.
    fileprivate static func sum<Value: AdditiveArithmetic>(_ values: [Value?], missingAsZero: Bool) -> Value? {
        var total: Value? = missingAsZero || !values.isEmpty ? .zero : nil
        for value in values { total = value.map { value in total.map { $0 + value } } ?? (missingAsZero ? total : nil) }
        return total
    }

    /// Each text once, in byte order.
    fileprivate static func distinct(_ texts: [String]) -> [String] {
        guard texts.count > 1 else { return texts }
        return Set(texts).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// study_appraisal, row for row with studies: the share of met answers
    /// among the applicable ones and the overall judgement by the study's
    /// checklist, and its level of evidence.
    func appraisal() -> ColumnRows? {
        guard let studies = table(.study), let ids = studies.idName.flatMap(studies.texts) else { return nil }
        let appraisal = codebook.appraisal
        let checklistColumn = studies.columns.firstIndex { $0.type == .checklist }
        let levelColumn = studies.columns.firstIndex { $0.type == .level }
        // Each study's answer codes, for its checklist's rule.
        var given = [[String]](repeating: [], count: ids.count)
        if let answers = table(.appraisal), let column = answers.columns.firstIndex(where: { $0.type == .answer }),
           case let owners = owners(answers), !owners.isEmpty {
            let index = IDIndex(ids.map { $0 ?? "" })
            let positions = index.positions(of: owners.lazy.map { $0 ?? "" })
            for (row, study) in positions.enumerated() where study >= 0 {
                if let code = answers.code(column, row) { given[study].append(code) }
            }
        }
        var columns: [ColumnRows.Column] = [.text(ids)]
        if !appraisal.checklists.isEmpty {
            let codes = TextCodes(capacity: ids.count), judgements = TextCodes(capacity: ids.count)
            var met = [Int](repeating: 0, count: ids.count), applicable = met
            var scores = [Double?](repeating: nil, count: ids.count)
            for study in ids.indices {
                let code = checklistColumn.flatMap { studies.code($0, study) }
                codes.append(code)
                guard let checklist = code.flatMap(appraisal.checklist) else {
                    judgements.append("high")
                    continue
                }
                let verdict = checklist.verdict(given[study])
                (met[study], applicable[study]) = (verdict.met, verdict.applicable)
                if case .score = checklist.overall { scores[study] = verdict.score }
                judgements.append(checklist.judgements.isEmpty ? "high" : checklist.judgements[verdict.judgement].code)
            }
            let shares = ids.indices.map { applicable[$0] > 0 ? Double(met[$0]) / Double(applicable[$0]) : nil }
            columns += [codes.column, .integers(OptionalColumn(met)), .integers(OptionalColumn(applicable)), .numbers(OptionalColumn(shares)), judgements.column]
            if appraisal.hasScores { columns.append(.numbers(OptionalColumn(scores))) }
        }
        if !appraisal.levels.isEmpty {
            let levels = TextCodes(capacity: ids.count)
            for study in ids.indices { levels.append(levelColumn.flatMap { studies.code($0, study) }) }
            columns.append(levels.column)
        }
        return ColumnRows(columns: columns, count: ids.count)
    }
}
