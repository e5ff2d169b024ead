import Foundation
@testable import ReviewSite

/// The generic tables of a built dataset, shaped by the default codebook as
/// the loader would shape them from CSV files: the database and the pages
/// read these, not the typed rows.
extension Build {
    static let codebook = try! Codebook.read(folder: defaultDataPath)

    /// A cell as the builder writes it, before it takes its column's shape.
    enum Cell {
        case text(String?), integer(Int?), number(Double?), code(String?), codes([String])
    }

    static func tables(studies: [Study], answers: [RiskOfBiasAnswer], patients: [Patient], steps: [TreatmentStep],
                       events: [AdverseEvent]) -> [DataTable] {
        [
            table("studies", studies) { study, name in
                switch name {
                case "study_id": .text(study.id)
                case "ref": .integer(study.ref)
                case "first_author": .text(study.firstAuthor)
                case "year": .integer(study.year)
                case "title": .text(study.title)
                case "design": .code(study.design.rawValue)
                case "publication": .code(study.publication.rawValue)
                case "language": .code(study.language.rawValue)
                case "control_group": .code(study.controlGroup.rawValue)
                case "rob_tool": .code(study.robTool.rawValue)
                default: .text(study.sourceNote)
                }
            },
            table("risk_of_bias", answers) { answer, name in
                switch name {
                case "study_id": .text(answer.studyID)
                case "question": .integer(answer.question)
                default: .code(answer.answer.rawValue)
                }
            },
            table("patients", patients) { patient, name in
                let p = patient
                return switch name {
                case "patient_id": .text(p.id)
                case "study_id": .text(p.studyID)
                case "age_years": .number(p.age)
                case "sex": .code(p.sex?.rawValue)
                case "diagnosis": .code(p.diagnosis?.rawValue)
                case "diagnosis_detail": .text(p.diagnosisDetail)
                case "cc_type": .code(p.ccType?.rawValue)
                case "symptom_months": .number(p.symptomMonths)
                case "sites": .codes(p.sites.map(\.rawValue))
                case "lesion_cm": .number(p.lesionCM)
                case "ulceration": .code(p.ulceration?.rawValue)
                case "infection": .code(p.infection?.rawValue)
                case "pain": .code(p.pain?.rawValue)
                case "limited_mobility": .code(p.limitedMobility?.rawValue)
                case "previous_treatment": .text(p.previousTreatment)
                case "response": .code(p.response.rawValue)
                case "pain_outcome": .code(p.painOutcome?.rawValue)
                case "vas_before": .number(p.vasBefore)
                case "vas_after": .number(p.vasAfter)
                case "follow_up_months": .number(p.followUpMonths)
                case "recurrence": .code(p.recurrence?.rawValue)
                default: .text(p.recurrenceNote)
                }
            },
            table("treatments", steps) { step, name in
                switch name {
                case "patient_id": .text(step.patientID)
                case "step": .integer(step.step)
                case "modality": .code(step.modality.rawValue)
                case "variant": .code(step.variant?.rawValue)
                case "concentration": .number(step.concentration)
                case "dose_mg": .number(step.doseMG)
                case "sessions": .integer(step.sessions)
                case "duration_months": .number(step.durationMonths)
                case "shock_waves": .integer(step.shockWaves)
                case "energy_mj_mm2": .number(step.energy)
                case "anaesthesia": .code(step.anaesthesia?.rawValue)
                default: .text(step.aftercare)
                }
            },
            table("adverse_events", events) { event, name in
                switch name {
                case "patient_id": .text(event.patientID)
                case "step": .integer(event.step)
                case "event": .code(event.event.rawValue)
                case "transient": .code(event.transient?.rawValue)
                default: .text(event.detail)
                }
            },
        ]
    }

    private static func table<Row>(_ name: String, _ rows: [Row], _ cell: (Row, String) -> Cell) -> DataTable {
        let plan = TablePlan(codebook.table(name)!, codebook: codebook)
        let codes = plan.columns.map { $0.codes?.names ?? [] }
        let values: [DataColumn] = plan.columns.enumerated().map { index, rule in
            let cells = rows.map { cell($0, rule.column.name) }
            func code(_ text: String?) -> Int32 { text.flatMap { codes[index].firstIndex(of: $0) }.map(Int32.init) ?? -1 }
            switch rule.kind {
            case .id, .text: return .text(cells.map { if case .text(let v) = $0 { v } else { nil } })
            case .integer: return .integers(OptionalColumn(cells.map { (cell: Cell) -> Int? in if case .integer(let v) = cell { v } else { nil } }))
            case .number: return .numbers(OptionalColumn(cells.map { (cell: Cell) -> Double? in if case .number(let v) = cell { v } else { nil } }))
            case .code: return .codes(cells.map { if case .code(let v) = $0 { code(v) } else { -1 } })
            case .codeList: return .codeLists(CodeLists(cells.map { (cell: Cell) -> [Int32] in if case .codes(let v) = cell { v.map(code) } else { [] } }))
            }
        }
        return DataTable(name: name, columns: plan.columns.map(\.column), codes: codes, values: values, lines: rows.indices.map { $0 + 2 },
                         role: plan.table.role, key: plan.table.key, file: plan.table.fileName)
    }
}
