// One conversion per CSV file: cells to typed rows, every cell checked.

extension DatasetLoader {
    static func readStudies(_ directory: DataDirectory, _ sink: ErrorSink) -> TableRows<Study>? {
        readTable(StudyColumn.self, in: directory, sink: sink, key: .studyID) { row in
            Study(
                id: row.requiredText(.studyID),
                ref: row.integer(.ref, .positiveInteger) ?? 0,
                firstAuthor: row.text(.firstAuthor),
                year: row.integer(.year, .anyInteger),
                title: row.text(.title),
                design: row.requiredCode(.design, .caseReport),
                publication: row.requiredCode(.publication, .article),
                language: row.requiredCode(.language, .en),
                controlGroup: row.requiredCode(.controlGroup, .no),
                robTool: row.requiredCode(.robTool, .caseReport),
                sourceNote: row.text(.sourceNote)
            )
        }
    }

    static func readRiskOfBias(_ directory: DataDirectory, _ sink: ErrorSink) -> TableRows<RiskOfBiasAnswer>? {
        readTable(RiskOfBiasColumn.self, in: directory, sink: sink, owner: .studyID) { row in
            RiskOfBiasAnswer(
                studyID: row.requiredText(.studyID),
                question: row.integer(.question, .positiveInteger) ?? 0,
                answer: row.requiredCode(.answer, .unclear)
            )
        }
    }

    static func readPatients(_ directory: DataDirectory, _ sink: ErrorSink) -> TableRows<Patient>? {
        readTable(PatientColumn.self, in: directory, sink: sink, key: .patientID) { row in
            Patient(
                id: row.requiredText(.patientID),
                studyID: row.requiredText(.studyID),
                age: row.number(.ageYears, .nonNegative),
                sex: row.code(.sex),
                diagnosis: row.code(.diagnosis),
                diagnosisDetail: row.text(.diagnosisDetail),
                ccType: row.code(.ccType),
                symptomMonths: row.number(.symptomMonths, .nonNegative),
                sites: row.list(.sites),
                lesionCM: row.number(.lesionCM, .positive),
                ulceration: row.code(.ulceration),
                infection: row.code(.infection),
                pain: row.code(.pain),
                limitedMobility: row.code(.limitedMobility),
                previousTreatment: row.text(.previousTreatment),
                response: row.requiredCode(.response, .unknown),
                painOutcome: row.code(.painOutcome),
                vasBefore: row.number(.vasBefore, .vas),
                vasAfter: row.number(.vasAfter, .vas),
                followUpMonths: row.number(.followUpMonths, .nonNegative),
                recurrence: row.code(.recurrence),
                recurrenceNote: row.text(.recurrenceNote)
            )
        }
    }

    static func readTreatments(_ directory: DataDirectory, _ sink: ErrorSink) -> TableRows<TreatmentStep>? {
        readTable(TreatmentColumn.self, in: directory, sink: sink, owner: .patientID) { row in
            let modality = row.code(.modality, Modality.self)
            let step = TreatmentStep(
                patientID: row.requiredText(.patientID),
                step: row.integer(.step, .positiveInteger) ?? 0,
                modality: modality ?? .topSTS,
                variant: row.code(.variant),
                concentration: row.number(.concentration, .positive),
                doseMG: row.number(.doseMG, .positive),
                sessions: row.integer(.sessions, .positiveInteger),
                durationMonths: row.number(.durationMonths, .positive),
                shockWaves: row.integer(.shockWaves, .positiveInteger),
                energy: row.number(.energy, .positive),
                anaesthesia: row.code(.anaesthesia),
                aftercare: row.text(.aftercare)
            )
            if let modality { checkModalityColumns(step, modality, row) }
            return step
        }
    }

    /// A variant belongs to its modality; ESWL settings only to ESWL steps.
    private static func checkModalityColumns(_ step: TreatmentStep, _ modality: Modality, _ row: RowReader<TreatmentColumn>) {
        if let variant = step.variant, variant.modality != modality {
            let allowed = Variant.allCases.filter { $0.modality == modality }.map(\.rawValue)
            let expected = allowed.isEmpty
                ? "\(modality.rawValue) steps take no variant (expected empty)"
                : "is not a variant of \(modality.rawValue) (expected one of \(allowed.joined(separator: ", ")), or empty)"
            row.fail(.variant, allowed.isEmpty ? "'\(variant.rawValue)': \(expected)" : "'\(variant.rawValue)' \(expected)")
        }
        guard modality != .eswl else { return }
        for column in [TreatmentColumn.shockWaves, .energy] {
            if let value = row.rawText(column) {
                row.fail(column, "\(Echo.quoted(value)) is given for a \(modality.rawValue) step (\(column.rawValue) is for eswl steps only)")
            }
        }
    }

    static func readAdverseEvents(_ directory: DataDirectory, _ sink: ErrorSink) -> TableRows<AdverseEvent>? {
        readTable(AdverseEventColumn.self, in: directory, sink: sink) { row in
            AdverseEvent(
                patientID: row.requiredText(.patientID),
                step: row.integer(.step, .positiveInteger) ?? 0,
                event: row.requiredCode(.event, .other),
                transient: row.code(.transient),
                detail: row.text(.detail)
            )
        }
    }
}
