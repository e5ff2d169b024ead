import Testing
import Foundation
@testable import ReviewSite

/// Transitional: data/codebook.yaml declares exactly the codes of the Swift
/// enums of Read/Codes.swift and the columns of Read/TableColumns.swift that
/// the typed rows (the projection the pages use) compile in. Labels, bounds
/// and units now come from the codebook alone; the committed site holds them.
/// Once the enums give way to the codebook, this test goes with them.
@Suite("Default codebook reproduces the compiled contract")
struct CodebookContractTests {
    let codebook: Codebook

    init() throws {
        codebook = try Codebook.read(folder: defaultDataPath)
    }

    /// The codes of a column, with their labels, in the codebook's order.
    func codes(_ table: String, _ column: String) -> [Codebook.Code] {
        codebook.table(table)?.column(column).flatMap(codebook.codes)?.codes ?? []
    }

    func expectCodes<C: Code>(_ table: String, _ column: String, _ type: C.Type) {
        #expect(codes(table, column).map(\.code) == C.allCases.map(\.rawValue), "\(table).\(column)")
    }

    @Test func codesAndLabels() {
        expectCodes("studies", "design", Design.self)
        expectCodes("studies", "publication", Publication.self)
        expectCodes("studies", "language", Language.self)
        expectCodes("patients", "sex", Sex.self)
        expectCodes("patients", "diagnosis", Diagnosis.self)
        expectCodes("patients", "cc_type", CalcinosisType.self)
        expectCodes("patients", "sites", Site.self)
        expectCodes("patients", "response", Response.self)
        expectCodes("patients", "pain_outcome", PainOutcome.self)
        expectCodes("treatments", "modality", Modality.self)
        expectCodes("treatments", "variant", Variant.self)
        expectCodes("treatments", "anaesthesia", Anaesthesia.self)
        expectCodes("adverse_events", "event", AdverseEventType.self)
    }

    @Test func variantsBelongToTheirModality() {
        #expect(codebook.codeList("variant")?.within == "modality")
        #expect(codes("treatments", "variant").map(\.of) == Variant.allCases.map(\.modality.rawValue))
    }

    @Test func respondedCodes() {
        let responded = codes("patients", "response").filter(\.responded).map(\.code)
        #expect(responded == Response.allCases.filter { [.complete, .partial].contains($0) }.map(\.rawValue))
        #expect(codebook.codeLists.allSatisfy { $0.codes.allSatisfy { !$0.notReported } })
    }

    @Test func checklistsAndAnswers() {
        let checklists = codebook.appraisal.checklists
        #expect(checklists.map(\.code) == RiskOfBiasTool.allCases.map(\.rawValue))
        #expect(checklists.map(\.questions) == RiskOfBiasTool.allCases.map(\.questions))
        for checklist in checklists {
            #expect(checklist.answers.map(\.code) == Answer.allCases.map(\.rawValue))
            #expect(checklist.answers.filter(\.met).map(\.code) == ["yes"])
            #expect(checklist.answers.filter { !$0.applicable }.map(\.code) == [Answer.notApplicable.rawValue])
        }
        #expect(codebook.appraisal.levels.isEmpty)
    }

    /// The codebook's thresholds give RiskLevel's verdict for every share.
    @Test func overallRuleAgreesWithRiskLevel() throws {
        let rule = try #require(codebook.appraisal.checklists.first?.overall)
        #expect(codebook.appraisal.checklists.allSatisfy { $0.overall == rule })
        for applicable in 0...200 {
            for yes in 0...applicable {
                let percent = applicable == 0 ? 0 : 100 * Double(yes) / Double(applicable)
                let verdict: RiskLevel = percent > rule.lowAbove ? .low : percent < rule.highBelow ? .high : .moderate
                #expect(RiskLevel(yes: yes, applicable: applicable) == verdict, "\(yes) of \(applicable)")
            }
        }
    }

    /// Every study of data/ was appraised with the checklist its design names.
    @Test func designsNameTheStudiesChecklists() throws {
        let dataset = try loadDataset(defaultDataPath)
        let checklist = Dictionary(uniqueKeysWithValues: codes("studies", "design").map { ($0.code, $0.checklist) })
        #expect(Design.allCases.allSatisfy { checklist[$0.rawValue] != nil })
        for study in dataset.studies {
            #expect(checklist[study.design.rawValue] == study.robTool.rawValue, "\(study.id)")
        }
    }

    func expectColumns<C: TableColumn>(_ table: String, _ type: C.Type) {
        let columns = codebook.table(table)?.columns ?? []
        #expect(codebook.table(table)?.fileName == C.fileName)
        #expect(columns.map(\.name) == C.allCases.map(\.rawValue), "\(table) columns")
        #expect(Set(columns.filter(\.required).map(\.name)) == Set(C.required.map(\.rawValue)), "\(table) required")
        #expect(codebook.table(table)?.extra.isEmpty == true)
    }

    @Test func columnsAndRequired() {
        expectColumns("studies", StudyColumn.self)
        expectColumns("risk_of_bias", RiskOfBiasColumn.self)
        expectColumns("patients", PatientColumn.self)
        expectColumns("treatments", TreatmentColumn.self)
        expectColumns("adverse_events", AdverseEventColumn.self)
    }

    /// The rules DatasetLoader+Tables.swift applies, column by column.
    static let numberRules: [String: NumberRule] = [
        "studies.ref": .positiveInteger, "studies.year": .anyInteger, "risk_of_bias.question": .positiveInteger,
        "patients.age_years": .nonNegative, "patients.symptom_months": .nonNegative, "patients.lesion_cm": .positive,
        "patients.vas_before": .vas, "patients.vas_after": .vas, "patients.follow_up_months": .nonNegative,
        "treatments.step": .positiveInteger, "treatments.concentration": .positive, "treatments.dose_mg": .positive,
        "treatments.sessions": .positiveInteger, "treatments.duration_months": .positive,
        "treatments.shock_waves": .positiveInteger, "treatments.energy_mj_mm2": .positive,
        "adverse_events.step": .positiveInteger,
    ]

    @Test func boundsMatchTheNumberRules() {
        var numeric: [String] = []
        for table in codebook.tables {
            for column in table.columns where column.type == .integer || column.type == .number {
                let name = "\(table.name).\(column.name)"
                numeric.append(name)
                guard let rule = Self.numberRules[name] else { continue }
                let bounds = column.bounds
                #expect(bounds.min == rule.minimum && bounds.minExclusive == !rule.minimumIncluded, "\(name) min")
                #expect(bounds.max == rule.maximum && !bounds.maxExclusive, "\(name) max")
                #expect((column.type == .integer) == rule.integer, "\(name) integer")
            }
        }
        #expect(Set(numeric) == Set(Self.numberRules.keys))
    }

    @Test func typesOfTheOtherColumns() {
        func names(_ type: Codebook.ColumnType) -> [String] {
            codebook.tables.flatMap { table in table.columns.filter { $0.type == type }.map { "\(table.name).\($0.name)" } }
        }
        #expect(names(.yesNo) == ["studies.control_group", "patients.ulceration", "patients.infection", "patients.pain",
                                  "patients.limited_mobility", "patients.recurrence", "adverse_events.transient"])
        #expect(names(.text) == ["studies.first_author", "studies.title", "studies.source_note", "patients.diagnosis_detail",
                                 "patients.previous_treatment", "patients.recurrence_note", "treatments.aftercare", "adverse_events.detail"])
        #expect(names(.codeList) == ["patients.sites"])
        #expect(names(.checklist) == ["studies.rob_tool"] && names(.answer) == ["risk_of_bias.answer"])
        #expect(names(.id) == ["studies.study_id", "patients.patient_id"])
    }

    /// Shock waves and energy are for ESWL steps only; concentration's unit follows the modality.
    @Test func columnsThatDependOnTheModality() throws {
        let treatments = try #require(codebook.table("treatments"))
        let onlyFor = treatments.columns.filter { $0.onlyFor != nil }
        #expect(onlyFor.map(\.name) == ["shock_waves", "energy_mj_mm2"])
        #expect(onlyFor.allSatisfy { $0.onlyFor == Codebook.Condition(column: "modality", codes: [Modality.eswl.rawValue]) })
        let concentration = try #require(treatments.column("concentration"))
        #expect(concentration.unitBy == "modality")
        #expect(concentration.units == [Modality.topSTS.rawValue: "%", Modality.ilSTS.rawValue: "mg/ml"])
    }
}
