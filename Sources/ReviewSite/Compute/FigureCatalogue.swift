import Dispatch

/// Every figure of docs/figures.yaml, in its order, with its definition in
/// its words. A test holds this list and the YAML to the same ids, kinds
/// and definitions.
public enum FigureCatalogue {
    public static let all: [FigureDefinition] = selection + quality + characteristics + modalities
        + outcomes + pain + adverse + lesions

    public static let byID: [String: FigureDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// Each figure's fields, by id.
    public static let fields: [String: [String]] = byID.mapValues(\.kind.fields)

    /// Computes every figure, in catalogue order.
    public static func compute(_ facts: ReviewFacts) -> [Figure] {
        let context = FigureContext(facts)
        var figures = [Figure?](repeating: nil, count: all.count)
        // Each figure is written to its own slot: the result does not depend on the threads.
        figures.withUnsafeMutableBufferPointer { slots in
            let slots = Slots(slots)
            DispatchQueue.concurrentPerform(iterations: all.count) { index in
                slots.buffer[index] = all[index].compute(context)
            }
        }
        return figures.map { $0! }
    }

    /// The result buffer, shared by the threads that each fill their own slots.
    private struct Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Figure?>
        init(_ buffer: UnsafeMutableBufferPointer<Figure?>) { self.buffer = buffer }
    }

    // ---- study selection (prisma.yaml, studies.csv)
    static let selection: [FigureDefinition] = [
        .count("prisma.records_databases", "databases.records_identified", prisma: { $0.databases.recordsIdentified }),
        .count("prisma.records_other_methods", "other_methods.records_identified", prisma: { $0.otherMethods.recordsIdentified }),
        .count("prisma.reports_excluded", "reports excluded at eligibility, both columns", prisma: { $0.reportsExcluded }),
        .count("prisma.reports_excluded.duplicate_patients", "reports_excluded entries with code duplicate_patients, both columns",
               prisma: { $0.reportsExcluded(code: "duplicate_patients") }),
        .count("prisma.reports_excluded.insufficient_data", "reports_excluded entries with code insufficient_data, both columns",
               prisma: { $0.reportsExcluded(code: "insufficient_data") }),
        .count("studies.included", "rows of studies.csv", studies: { $0.studies { _ in true } }),
    ]

    // ---- quality assessment
    static let quality: [FigureDefinition] = [
        .count("studies.design.pilot_rct", "studies with design pilot_rct and publication article",
               studies: { $0.studies { $0.study.design == .pilotRCT && $0.study.publication == .article } }),
        .count("studies.design.case_series", "studies with design case_series and publication article",
               studies: { $0.studies { $0.study.design == .caseSeries && $0.study.publication == .article } }),
        .count("studies.design.case_report", "studies with design case_report and publication article",
               studies: { $0.studies { $0.study.design == .caseReport && $0.study.publication == .article } }),
        .count("studies.conference_abstracts", "studies with publication conference_abstract",
               studies: { $0.studies { $0.study.publication == .conferenceAbstract } }),
        .count("studies.control_group", "studies with control_group yes", studies: { $0.studies { $0.study.controlGroup == .yes } }),
        .count("rob.low", "studies whose overall risk of bias is low", studies: { $0.studies { $0.riskOfBias == .low } }),
        .count("rob.moderate", "studies whose overall risk of bias is moderate", studies: { $0.studies { $0.riskOfBias == .moderate } }),
        .count("rob.high", "studies whose overall risk of bias is high", studies: { $0.studies { $0.riskOfBias == .high } }),
    ]

    // ---- patients' characteristics
    static let characteristics: [FigureDefinition] = [
        .count("patients.total", "rows of patients.csv", patients: { $0.all }),
        .range("patients.age", "age_years over patients who report it", { $0.patientValues($0.all) { $0.patient.age } }),
        .count("patients.sex.male", "sex m", patients: { $0.patients { $0.patient.sex == .m } }),
        .count("patients.sex.female", "sex f", patients: { $0.patients { $0.patient.sex == .f } }),
        .count("patients.sex.not_reported", "sex empty", patients: { $0.patients { $0.patient.sex == nil } }),
        .count("patients.diagnosis.ssc", "diagnosis ssc", patients: { $0.patients { $0.patient.diagnosis == .ssc } }),
        .count("patients.diagnosis.dm_jdm", "diagnosis dm or jdm",
               patients: { $0.patients { $0.patient.diagnosis == .dm || $0.patient.diagnosis == .jdm } }),
        .count("patients.diagnosis.overlap", "diagnosis overlap", patients: { $0.patients { $0.patient.diagnosis == .overlap } }),
        .range("patients.symptom_months", "symptom_months over patients who report it",
               { $0.patientValues($0.all) { $0.patient.symptomMonths } }),
    ]

    // ---- treatment modalities
    static let modalities: [FigureDefinition] = [
        vehicle(.coldCream, "treated(top_sts) patients with a step of variant cold_cream"),
        vehicle(.zincOxide, "same, zinc_oxide"),
        vehicle(.gel, "same, gel"),
        vehicle(.petrolatum, "same, petrolatum"),
        vehicle(.lotion, "same, lotion"),
        vehicle(.compress, "same, compress"),
        topicalConcentration(10, "top_sts steps of treated(top_sts) patients with concentration 10"),
        topicalConcentration(20, "same, concentration 20"),
        topicalConcentration(25, "same, concentration 25"),
        intralesionalConcentration(0.1, "patients (monotherapy or combined) with an il_sts step of concentration 0.1"),
        intralesionalConcentration(40, "same, concentration 40"),
        intralesionalConcentration(150, "same, concentration 150"),
        intralesionalConcentration(250, "same, concentration 250"),
        .range("il_sts.dose_mg", "dose_mg over il_sts steps", { $0.stepValues(.ilSTS) { $0.doseMG } }),
        .range("eswl.shock_waves", "shock_waves over eswl steps", { $0.stepValues(.eswl) { $0.shockWaves.map(Double.init) } }),
        .range("eswl.energy_mj_mm2", "energy_mj_mm2 over eswl steps", { $0.stepValues(.eswl) { $0.energy } }),
        .count("laser.multi_session", "treated(laser) patients with more than one session in total",
               patients: { $0.filter($0.treated(.laser)) { $0.sessions > 1 } }),
        .count("combined.patients", "combined patients", patients: { $0.combined }),
        .meanRange("top_sts.duration_months",
                   "duration_months of treated(top_sts) patients (sum of their top_sts steps); mean imputation fills the missing when review.yaml says so",
                   of: { $0.treated(.topSTS) }, { $0.topSTSDuration }),
    ]

    static func vehicle(_ variant: Variant, _ definition: String) -> FigureDefinition {
        .count("top_sts.vehicle.\(variant.rawValue)", definition, patients: { context in
            context.filter(context.treated(.topSTS)) { patient in
                context.hasStep(patient) { $0.modality == .topSTS && $0.variant == variant }
            }
        })
    }

    static func topicalConcentration(_ percent: Double, _ definition: String) -> FigureDefinition {
        .count("top_sts.concentration.\(formatNumber(percent))", definition, steps: { context in
            context.stepValues(.topSTS, of: context.treated(.topSTS)) { $0.concentration == percent ? percent : nil }
        })
    }

    static func intralesionalConcentration(_ mgPerML: Double, _ definition: String) -> FigureDefinition {
        .count("il_sts.concentration.\(formatNumber(mgPerML))", definition, patients: { context in
            context.patients { patient in
                context.hasStep(patient) { $0.modality == .ilSTS && $0.concentration == mgPerML }
            }
        })
    }

    // ---- outcomes
    static let monotherapyResponses: [FigureDefinition] = [
        .proportion("outcome.top_sts.response", "responded / treated(top_sts)", of: { $0.treated(.topSTS) }, where: \.responded),
        .proportion("outcome.il_sts.response", "responded / treated(il_sts)", of: { $0.treated(.ilSTS) }, where: \.responded),
        .proportion("outcome.eswl.response", "responded / treated(eswl)", of: { $0.treated(.eswl) }, where: \.responded),
        .proportion("outcome.laser.response", "responded / treated(laser)", of: { $0.treated(.laser) }, where: \.responded),
    ]

    static let outcomes: [FigureDefinition] = monotherapyResponses + [
        .rangeOfPercents("outcome.monotherapy.response", "the four percents above (min and max; n = 4)", monotherapyResponses,
                         rows: { $0.patients { $0.monotherapy != nil } }),
        .proportion("outcome.combined.partial", "response partial / combined", of: { $0.combined }, where: { $0.patient.response == .partial }),
        .proportion("outcome.laser.complete", "response complete / treated(laser)", of: { $0.treated(.laser) }, where: { $0.patient.response == .complete }),
        .proportion("outcome.il_sts.complete", "response complete / treated(il_sts)", of: { $0.treated(.ilSTS) }, where: { $0.patient.response == .complete }),
        .proportion("outcome.eswl.partial", "response partial / treated(eswl)", of: { $0.treated(.eswl) }, where: { $0.patient.response == .partial }),
        .proportion("outcome.eswl.complete", "response complete / treated(eswl)", of: { $0.treated(.eswl) }, where: { $0.patient.response == .complete }),
        .proportion("outcome.idiopathic_iatrogenic.complete",
                    "response complete / patients (any treatment) with cc_type idiopathic or iatrogenic",
                    of: { $0.patients { $0.patient.ccType == .idiopathic || $0.patient.ccType == .iatrogenic } },
                    where: { $0.patient.response == .complete }),
    ]

    // ---- pain
    static let pain: [FigureDefinition] = [
        .proportion("pain.eswl.free", "pain_outcome free / treated(eswl) patients with a pain_outcome",
                    of: { $0.filter($0.treated(.eswl)) { $0.patient.painOutcome != nil } }, where: { $0.patient.painOutcome == .free }),
        .proportion("pain.eswl.reduced", "pain_outcome reduced / same denominator",
                    of: { $0.filter($0.treated(.eswl)) { $0.patient.painOutcome != nil } }, where: { $0.patient.painOutcome == .reduced }),
        .proportion("pain.laser.free", "pain_outcome free / treated(laser) patients with a pain_outcome",
                    of: { $0.filter($0.treated(.laser)) { $0.patient.painOutcome != nil } }, where: { $0.patient.painOutcome == .free }),
        .proportion("pain.laser.reduced", "pain_outcome reduced / same denominator",
                    of: { $0.filter($0.treated(.laser)) { $0.patient.painOutcome != nil } }, where: { $0.patient.painOutcome == .reduced }),
        .medianRange("pain.eswl.vas_reduction", "reduction over treated(eswl)", { $0.patientValues($0.treated(.eswl)) { $0.vasReduction } }),
        .medianRange("pain.il_sts.vas_reduction", "reduction over treated(il_sts)", { $0.patientValues($0.treated(.ilSTS)) { $0.vasReduction } }),
        .medianRange("pain.eswl_il_sts.vas_reduction", "reduction over combined patients whose modalities are exactly eswl and il_sts",
                     { $0.patientValues($0.filter($0.combined) { $0.modalities == [.ilSTS, .eswl] }) { $0.vasReduction } }),
    ]

    // ---- adverse effects and recurrence
    static let adverse: [FigureDefinition] = [
        .proportion("adverse.il_sts.infection", "treated(il_sts) patients with an infection / treated(il_sts)",
                    of: { $0.treated(.ilSTS) }, where: { $0.had(.infection) }),
        .proportion("adverse.co2.infection", "co2 patients with an infection / co2", of: { $0.co2 }, where: { $0.had(.infection) }),
        .count("adverse.other_laser.infection", "treated(laser) patients not in co2 with an infection",
               patients: { $0.filter($0.treated(.laser)) { !$0.co2Only && $0.had(.infection) } }),
        .proportion("adverse.il_sts.injection_pain", "treated(il_sts) patients with injection_pain / treated(il_sts)",
                    of: { $0.treated(.ilSTS) }, where: { $0.had(.injectionPain) }),
        .proportion("adverse.co2.scarring_hyperkeratosis", "co2 patients with scarring or hyperkeratosis / co2",
                    of: { $0.co2 }, where: { $0.had(.scarring) || $0.had(.hyperkeratosis) }),
        .count("adverse.eswl.fever", "treated(eswl) patients with fever", patients: { $0.filter($0.treated(.eswl)) { $0.had(.fever) } }),
        .proportion("recurrence.total", "recurrence yes / all patients", of: { $0.all }, where: { $0.patient.recurrence == .yes }),
        .proportion("recurrence.co2", "co2 patients with recurrence yes / co2", of: { $0.co2 }, where: { $0.patient.recurrence == .yes }),
        .count("recurrence.top_sts", "treated(top_sts) patients with recurrence yes",
               patients: { $0.filter($0.treated(.topSTS)) { $0.patient.recurrence == .yes } }),
    ]

    // ---- lesion size
    static let lesions: [FigureDefinition] = [
        .range("lesion.complete_max_cm", "lesion_cm over patients with response complete (max is quoted)",
               { $0.patientValues($0.patients { $0.patient.response == .complete }) { $0.patient.lesionCM } }),
        .range("lesion.laser_complete_max_cm", "lesion_cm over treated(laser) patients with response complete",
               { $0.patientValues($0.filter($0.treated(.laser)) { $0.patient.response == .complete }) { $0.patient.lesionCM } }),
        .range("lesion.eswl_max_cm", "lesion_cm over treated(eswl) patients", { $0.patientValues($0.treated(.eswl)) { $0.patient.lesionCM } }),
    ]
}
