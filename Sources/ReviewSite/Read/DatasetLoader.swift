import Dispatch

/// Reads a dataset folder (dataset.md) into typed, validated values: the
/// codebook first, then every table as the codebook declares it.
public enum DatasetLoader {
    /// Loads and checks every file and every rule; throws all problems at once.
    /// `figureFields` names the figures published.yaml may quote and their
    /// fields: those of figures.yaml (`FigureFile.fields`), asked for only
    /// when published.yaml is read, last, so that figures.yaml can be read meanwhile.
    /// `history`: whether prisma.yaml's `previous_version` is counted from
    /// the folder's versions.yaml and the frozen releases beside it; false
    /// for a copy of a dataset (a diff's baseline), which has neither.
    /// `memo`: the tables of an earlier load of this folder (a preview's); a file read again only when its bytes or the codebook changed.
    public static func load(from path: String, figureFields: @autoclosure () -> [String: [String]], history: Bool = true,
                            memo: DataFileMemo? = nil) throws(DatasetErrors) -> Dataset {
        var folder = DataDirectory(path)
        guard folder.exists else {
            throw DatasetErrors([DataError(file: folder.path, line: nil, message: "no such folder (expected the review's data folder, with codebook.yaml, review.yaml, prisma.yaml and its tables)")])
        }
        let sink = ErrorSink()
        let errorsBefore = sink.count
        folder.workbook = openWorkbook(folder, sink)
        folder.workbookUnreadable = folder.workbook == nil && sink.count > errorsBefore
        let directory = folder
        // Without a usable codebook the rows cannot be checked; the other files still are.
        var codebookText: [UInt8]?
        let codebook = Stopwatch.time("load: codebook") { readCodebook(directory, sink, text: { codebookText = Array($0.utf8) }) }
        // The memo of a folder's CSV files, not of a workbook's sheets.
        let kept = folder.workbook == nil && !folder.workbookUnreadable ? codebookText.flatMap { text in memo.map { $0.scope(codebook: text) } } : nil
        let plans = codebook.map { codebook in codebook.tables.map { TablePlan($0, codebook: codebook) } } ?? []
        func plan(_ role: Codebook.Role) -> TablePlan? { plans.first { $0.table.role == role } }
        // The patients' file, the largest, is read on a second core meanwhile.
        let patientPlan = plan(.patient)
        let patientsRead = Background { () -> (TableRows?, ErrorList<DataError>) in
            let sink = ErrorSink()
            let rows = Stopwatch.time("load: read patients (second thread)") { patientPlan.flatMap { readTable($0, in: directory, sink: sink, memo: kept) } }
            return (rows, sink.list)
        }
        let review = Stopwatch.time("load: review.yaml") { readReview(directory, sink) }
        let prisma = Stopwatch.time("load: prisma.yaml") { readPrisma(directory, sink) }
        let search = Stopwatch.time("load: search.yaml") { readSearch(directory, sink) }
        let published = Stopwatch.time("load: published.yaml") { readPublished(directory, sink, fields: figureFields()) }
        var tables: [String: TableRows] = [:]
        for plan in plans where plan !== patientPlan {
            tables[plan.table.name] = Stopwatch.time("load: read \(plan.table.name)") { readTable(plan, in: directory, sink: sink, memo: kept) }
        }
        let (patients, patientErrors) = Stopwatch.time("load: waiting for patients") { patientsRead.result() }
        sink.add(patientErrors)
        if let patientPlan { tables[patientPlan.table.name] = patients }

        // A file the codebook does not declare would otherwise go unchecked.
        if let codebook { checkUndeclared(codebook, directory, sink) }
        let validator = DatasetValidator(directory: directory, sink: sink)
        if let codebook {
            Stopwatch.time("load: checks between files") { validator.check(tables, plans: plans, codebook: codebook) }
        }
        var update: Prisma.Update?
        if let (prisma, lines) = prisma {
            let studies = plan(.study).flatMap { tables[$0.table.name] }
            let source = studies.map { validator.source($0.table) } ?? codebook?.table(for: .study)?.fileName ?? "the study table"
            // An update's included count is its new studies: checked against the previous version, not the rows.
            validator.checkPrisma(prisma, lines, studyCount: prisma.previousVersion == nil ? studies?.recordCount : nil, in: source)
            if history {
                let key = plan(.study).flatMap { plan in plan.key.map { plan.columns[$0].column.name } }
                let whole = studies.flatMap { $0.recordCount == $0.count ? $0.table : nil }
                update = validator.prismaUpdate(prisma, lines, studies: key.flatMap { key in whole.map { ($0, key, source) } })
            }
            if let (search, searchLines) = search { checkSearch(search, lines: searchLines, prisma, directory, sink) }
        }
        let complete = plans.allSatisfy { tables[$0.table.name] != nil }
        guard sink.isEmpty, let codebook, complete, let review, let (prisma, _) = prisma, let published else {
            throw DatasetErrors(directory.sheets.locate(sink.list))
        }
        let validated = plans.map { tables[$0.table.name]!.table }
        var flow = prisma
        flow.update = update
        var dataset = Dataset(review: review, prisma: flow, published: published, files: directory.read.all,
                              codebook: codebook, tables: validated)
        dataset.search = search?.0
        dataset.notes = directory.workbook.map { workbook in
            workbook.hiddenSheets.map { "\(workbook.file): sheet \(Echo.quoted($0)) is hidden and was not read (unhide it if it holds rows of a table)" }
        } ?? []
        return dataset
    }

    /// `codebook.yaml`, its problems reported with the data's, each at its line and character.
    /// `text` is given the codebook's text when it is UTF-8.
    static func readCodebook(_ directory: DataDirectory, _ sink: ErrorSink, text given: (String) -> Void = { _ in }) -> Codebook? {
        let file = directory.display(Codebook.fileName)
        guard let bytes = directory.bytes(Codebook.fileName, sink: sink, expected: "expected the review's codebook: its tables, columns and codes") else {
            return nil
        }
        guard let text = String(validating: TextEncoding.withoutByteOrderMark(bytes), as: UTF8.self) else {
            sink.add(file: file, line: nil, "invalid UTF-8 (expected a UTF-8 text file)")
            return nil
        }
        given(text)
        // Read once a build though loading and comparing releases ask for it again.
        let read = Codebook.memo.value(text, context: file) { text in Result { () throws(CodebookErrors) in try Codebook.read(yaml: text, file: file) } }
        switch read {
        case .success(let codebook): return codebook
        case .failure(let error):
            for problem in error.errors { sink.add(problem.dataError) }
            return nil
        }
    }
}

/// A computation running on another thread; `result()` waits for it.
final class Background<Value>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// May be asked more than once.
    func result() -> Value {
        done.wait()
        defer { done.signal() }
        return value!
    }

    /// The result, asked once: the value is not kept here after.
    func take() -> Value {
        done.wait()
        defer { value = nil }
        return value!
    }
}
