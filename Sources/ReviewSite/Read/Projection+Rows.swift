// The default review's typed rows, column by column from its tables. A
// required field whose column does not fit gets a stand-in value; the
// projection is then refused as a whole (`Projection.problem`).

extension Projection {
    mutating func studies() -> [Study] {
        let ids = texts("study_id", .id, required: true), refs = integers("ref", required: true)
        let authors = texts("first_author"), years = integers("year"), titles = texts("title")
        let designs = codes("design", required: true, as: Design.self), publications = codes("publication", required: true, as: Publication.self)
        let languages = codes("language", required: true, as: Language.self)
        let controls = codes("control_group", .yesNo, required: true, as: YesNo.self)
        let tools = codes("rob_tool", .checklist, required: true, as: RiskOfBiasTool.self), notes = texts("source_note")
        return (0..<table.count).map { row in
            Study(id: ids[row] ?? "", ref: refs[row] ?? 0, firstAuthor: authors[row], year: years[row], title: titles[row],
                  design: designs[row] ?? .caseReport, publication: publications[row] ?? .article, language: languages[row] ?? .en,
                  controlGroup: controls[row] ?? .no, robTool: tools[row] ?? .caseReport, sourceNote: notes[row])
        }
    }

    mutating func answers() -> [RiskOfBiasAnswer] {
        let ids = texts("study_id", .reference, required: true), questions = integers("question", required: true)
        let answers = codes("answer", .answer, required: true, as: Answer.self)
        return (0..<table.count).map { row in
            RiskOfBiasAnswer(studyID: ids[row] ?? "", question: questions[row] ?? 0, answer: answers[row] ?? .unclear)
        }
    }

    mutating func patients() -> [Patient] {
        let ids = texts("patient_id", .id, required: true), studies = texts("study_id", .reference, required: true)
        let ages = numbers("age_years"), sexes = codes("sex", as: Sex.self), diagnoses = codes("diagnosis", as: Diagnosis.self)
        let details = texts("diagnosis_detail"), types = codes("cc_type", as: CalcinosisType.self), durations = numbers("symptom_months")
        let sites = lists("sites", as: Site.self), lesions = numbers("lesion_cm")
        let ulceration = codes("ulceration", .yesNo, as: YesNo.self), infection = codes("infection", .yesNo, as: YesNo.self)
        let pain = codes("pain", .yesNo, as: YesNo.self), mobility = codes("limited_mobility", .yesNo, as: YesNo.self)
        let previous = texts("previous_treatment"), responses = codes("response", required: true, as: Response.self)
        let painOutcomes = codes("pain_outcome", as: PainOutcome.self), before = numbers("vas_before"), after = numbers("vas_after")
        let followUp = numbers("follow_up_months"), recurrence = codes("recurrence", .yesNo, as: YesNo.self), notes = texts("recurrence_note")
        return (0..<table.count).map { row in
            Patient(id: ids[row] ?? "", studyID: studies[row] ?? "", age: ages[row], sex: sexes[row], diagnosis: diagnoses[row],
                    diagnosisDetail: details[row], ccType: types[row], symptomMonths: durations[row], sites: sites[row],
                    lesionCM: lesions[row], ulceration: ulceration[row], infection: infection[row], pain: pain[row],
                    limitedMobility: mobility[row], previousTreatment: previous[row], response: responses[row] ?? .unknown,
                    painOutcome: painOutcomes[row], vasBefore: before[row], vasAfter: after[row], followUpMonths: followUp[row],
                    recurrence: recurrence[row], recurrenceNote: notes[row])
        }
    }

    mutating func steps() -> [TreatmentStep] {
        let ids = texts("patient_id", .reference, required: true), steps = integers("step", required: true)
        let modalities = codes("modality", required: true, as: Modality.self), variants = codes("variant", as: Variant.self)
        let concentrations = numbers("concentration"), doses = numbers("dose_mg"), sessions = integers("sessions")
        let durations = numbers("duration_months"), shockWaves = integers("shock_waves"), energies = numbers("energy_mj_mm2")
        let anaesthesia = codes("anaesthesia", as: Anaesthesia.self), aftercare = texts("aftercare")
        return (0..<table.count).map { row in
            TreatmentStep(patientID: ids[row] ?? "", step: steps[row] ?? 0, modality: modalities[row] ?? .topSTS, variant: variants[row],
                          concentration: concentrations[row], doseMG: doses[row], sessions: sessions[row],
                          durationMonths: durations[row], shockWaves: shockWaves[row], energy: energies[row],
                          anaesthesia: anaesthesia[row], aftercare: aftercare[row])
        }
    }

    mutating func events() -> [AdverseEvent] {
        let ids = texts("patient_id", .reference, required: true), steps = integers("step", required: true)
        let types = codes("event", required: true, as: AdverseEventType.self), transient = codes("transient", .yesNo, as: YesNo.self)
        let details = texts("detail")
        return (0..<table.count).map { row in
            AdverseEvent(patientID: ids[row] ?? "", step: steps[row] ?? 0, event: types[row] ?? .other,
                         transient: transient[row], detail: details[row])
        }
    }
}
