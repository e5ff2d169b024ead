/// The mapping from the dataset to the database, column by column: the one
/// place that knows both. Rows go in by prepared INSERTs in one transaction,
/// in key order (the facts keep every table sorted by its key).
extension ReviewDatabase {
    static let rowsForSharing = 2_000_000

    convenience init(_ facts: ReviewFacts) throws(DatabaseError) {
        // Up to a few million rows a second thread gets a copy, which loads
        // fastest; above, a shared store, which costs no second copy in memory.
        let rows = facts.patients.count * 2 + facts.studies.count * 2 + facts.answers.count + facts.steps.count + facts.events.count
        let database = try Database(shared: rows >= Self.rowsForSharing)
        try database.execute("PRAGMA journal_mode = MEMORY")
        try database.execute(Self.tables)
        try database.execute("BEGIN")
        var loaded = 0
        loaded += try Self.insert(database, "studies", 11, facts.studies) { row, fact in
            let study = fact.study
            row.text(study.id); row.integer(study.ref); row.text(study.firstAuthor); row.integer(study.year)
            row.text(study.title); row.code(study.design); row.code(study.publication); row.code(study.language)
            row.code(study.controlGroup); row.code(study.robTool); row.text(study.sourceNote)
        }
        loaded += try Self.insert(database, "risk_of_bias", 3, facts.answers) { row, answer in
            row.text(answer.studyID); row.integer(answer.question); row.code(answer.answer)
        }
        loaded += try Self.insert(database, "patients", 21, facts.patients) { row, fact in
            let patient = fact.patient
            row.text(patient.id); row.text(patient.studyID); row.real(patient.age); row.code(patient.sex)
            row.code(patient.diagnosis); row.text(patient.diagnosisDetail); row.code(patient.ccType)
            row.real(patient.symptomMonths); row.real(patient.lesionCM); row.code(patient.ulceration)
            row.code(patient.infection); row.code(patient.pain); row.code(patient.limitedMobility)
            row.text(patient.previousTreatment); row.code(patient.response); row.code(patient.painOutcome)
            row.real(patient.vasBefore); row.real(patient.vasAfter); row.real(patient.followUpMonths)
            row.code(patient.recurrence); row.text(patient.recurrenceNote)
        }
        let sites = facts.patients.lazy.flatMap { fact in fact.patient.sites.lazy.map { (fact.id, $0) } }
        loaded += try Self.insert(database, "patients_sites", 2, sites) { row, site in
            row.text(site.0); row.code(site.1)
        }
        loaded += try Self.insert(database, "treatments", 12, facts.steps) { row, step in
            row.text(step.patientID); row.integer(step.step); row.code(step.modality); row.code(step.variant)
            row.real(step.concentration); row.real(step.doseMG); row.integer(step.sessions); row.real(step.durationMonths)
            row.integer(step.shockWaves); row.real(step.energy); row.code(step.anaesthesia); row.text(step.aftercare)
        }
        loaded += try Self.insert(database, "adverse_events", 5, facts.events) { row, event in
            row.text(event.patientID); row.integer(event.step); row.code(event.event); row.code(event.transient); row.text(event.detail)
        }
        try Self.insertPrisma(database, facts.prisma)
        try database.execute(Self.derived)
        try Self.insertSummaries(database, facts)
        _ = try Self.insert(database, "study_appraisal", 5, facts.studies) { row, study in
            row.text(study.id); row.integer(study.yesShare.yes); row.integer(study.yesShare.applicable)
            row.real(study.yesShare.applicable > 0 ? Double(study.yesShare.yes) / Double(study.yesShare.applicable) : nil)
            row.text(study.riskOfBias.rawValue)
        }
        try database.execute(Self.views)
        try database.execute("COMMIT")
        try database.guardReads(workLimit: 10_000_000 + 200 * loaded)
        self.init(database: database, rowCount: loaded, keyLists: ["patient_id": facts.patientKeys, "study_id": facts.studyKeys])
    }

    /// Prepared INSERTs of many rows each (one step inserts a batch), the
    /// last rows one by one; the number of rows.
    private static func insert<Rows: Collection>(_ database: Database, _ table: String, _ columns: Int, _ rows: Rows,
                                                 _ bind: (inout RowBinder, Rows.Element) -> Void) throws(DatabaseError) -> Int {
        func statement(_ count: Int) throws(DatabaseError) -> Statement {
            let values = (0..<count).map { row in "(" + (1...columns).map { "?\(row * columns + $0)" }.joined(separator: ", ") + ")" }
            return try database.prepare("INSERT INTO \(table) VALUES \(values.joined(separator: ", "))")
        }
        let total = rows.count, perBatch = max(1, 600 / columns)
        let batch = total >= perBatch ? try statement(perBatch) : nil
        let single = try statement(1)
        var row = RowBinder(statement: single)
        var done = 0, inBatch = 0
        for element in rows {
            if inBatch == 0 { row.use(batch != nil && total - done >= perBatch ? batch! : single) }
            bind(&row, element)
            inBatch += 1
            done += 1
            if inBatch == perBatch || row.statement === single {
                try row.run()
                inBatch = 0
            }
        }
        return total
    }

    private static func insertPrisma(_ database: Database, _ prisma: Prisma) throws(DatabaseError) {
        let d = prisma.databases, o = prisma.otherMethods
        let flows: [(String, Int, [Int?], Int)] = [
            ("databases", d.recordsIdentified, [d.registersRecords, d.removedDuplicates, d.removedAutomation, d.removedOther, d.recordsExcluded],
             d.reportsNotRetrieved),
            ("other_methods", o.recordsIdentified, [nil, nil, nil, nil, nil], o.reportsNotRetrieved),
        ]
        _ = try insert(database, "prisma_flow", 8, flows) { row, flow in
            row.text(flow.0); row.integer(flow.1)
            for count in flow.2 { row.integer(count) }
            row.integer(flow.3)
        }
        let sources = d.bySource.map { ("databases", $0.name, Optional($0.records)) } + o.sources.map { ("other_methods", $0, nil) }
        _ = try insert(database, "prisma_sources", 3, sources) { row, source in
            row.text(source.0); row.text(source.1); row.integer(source.2)
        }
        let excluded = d.reportsExcluded.map { ("databases", $0) } + o.reportsExcluded.map { ("other_methods", $0) }
        _ = try insert(database, "prisma_reports_excluded", 4, excluded) { row, entry in
            row.text(entry.0); row.text(entry.1.code); row.text(entry.1.reason); row.integer(entry.1.count)
        }
        _ = try insert(database, "prisma_included", 2, [prisma]) { row, prisma in
            row.integer(prisma.includedStudies); row.integer(prisma.includedReports)
        }
    }

    /// patient_summary, row for row with patients: sets as `;`-lists in
    /// text order (from bit sets of the codes, no set of strings per
    /// patient), sums in step order.
    private static func insertSummaries(_ database: Database, _ facts: ReviewFacts) throws(DatabaseError) {
        let modalities = textOrder(Modality.allCases.map { ($0.caseIndex, $0.rawValue) })
        let variants = textOrder(Variant.allCases.map { ($0.caseIndex, $0.rawValue) } + [(Variant.allCases.count, "NR")])
        let events = textOrder(AdverseEventType.allCases.map { ($0.caseIndex, $0.rawValue) })
        _ = try insert(database, "patient_summary", 10, facts.patients) { row, fact in
            var sequence = ""
            var modalityBits: UInt64 = 0, variantBits: UInt64 = 0
            var sessions = 0
            var duration: Double? = 0
            for step in facts.steps[fact.steps] {
                if !sequence.isEmpty { sequence += ";" }
                sequence += step.modality.rawValue
                modalityBits |= 1 << step.modality.caseIndex
                variantBits |= 1 << (step.variant?.caseIndex ?? Variant.allCases.count)
                sessions += step.sessions ?? 0
                duration = step.durationMonths.flatMap { value in duration.map { $0 + value } }
            }
            row.text(fact.id); row.integer(fact.steps.count); row.text(sequence.isEmpty ? nil : sequence)
            row.text(list(modalities, modalityBits))
            row.text(modalityBits.nonzeroBitCount == 1 ? list(modalities, modalityBits) : nil)
            row.integer(modalityBits.nonzeroBitCount > 1 ? 1 : 0)
            row.integer(sessions); row.real(fact.steps.isEmpty ? nil : duration); row.text(list(variants, variantBits))
            row.text(list(events, UInt64(fact.eventBits)))
        }
    }

    /// Codes by bit, in byte order of their text.
    private static func textOrder(_ codes: [(index: Int, text: String)]) -> [(bit: UInt64, text: String)] {
        codes.sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }.map { (1 << UInt64($0.index), $0.text) }
    }

    /// The codes of a bit set as a `;`-list; nil for none.
    private static func list(_ order: [(bit: UInt64, text: String)], _ bits: UInt64) -> String? {
        guard bits != 0 else { return nil }
        var text = ""
        for code in order where bits & code.bit != 0 {
            if !text.isEmpty { text += ";" }
            text += code.text
        }
        return text
    }
}

/// Binds rows' values to an INSERT, column after column, and runs it. The
/// rows' text is gathered in one buffer that SQLite reads without copying.
struct RowBinder {
    private(set) var statement: Statement
    private var index: Int32 = 1
    private var bytes: [UInt8] = []
    private var texts: [(index: Int32, start: Int, end: Int)] = []

    init(statement: Statement) {
        self.statement = statement
        bytes.reserveCapacity(1024)
    }

    /// The next rows go to this statement.
    mutating func use(_ statement: Statement) {
        self.statement = statement
    }

    mutating func text(_ value: String?) {
        if let value {
            let start = bytes.count
            bytes.append(contentsOf: value.utf8)
            texts.append((index, start, bytes.count))
        } else {
            statement.bind(.null, at: index)
        }
        index += 1
    }

    mutating func code<C: Code>(_ value: C?) { text(value?.rawValue) }

    mutating func integer(_ value: Int?) {
        statement.bind(value.map { .integer(Int64($0)) } ?? .null, at: index)
        index += 1
    }

    mutating func real(_ value: Double?) {
        statement.bind(value.map { .real($0) } ?? .null, at: index)
        index += 1
    }

    /// Binds the rows' text, inserts them, and starts the next rows.
    mutating func run() throws(DatabaseError) {
        let statement = statement, texts = texts
        let result: Result<Void, DatabaseError> = bytes.withUnsafeBufferPointer { buffer in
            for text in texts { statement.bindUncopied(UnsafeBufferPointer(rebasing: buffer[text.start..<text.end]), at: text.index) }
            do throws(DatabaseError) {
                _ = try statement.step()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        statement.rewind()
        index = 1
        bytes.removeAll(keepingCapacity: true)
        self.texts.removeAll(keepingCapacity: true)
        try result.get()
    }
}
