/// The valid treatment steps of each patient, grouped by the patient's
/// number in patients.keys (rows whose patient is not there are left out).
struct PatientSteps {
    /// Rows of the step table, grouped: patient n's are `rows[starts[n]..<starts[n + 1]]`, in file order.
    var starts: [Int]
    var rows: [Int]
    /// Each group's steps, sorted, for `contains`.
    var sortedSteps: [Int]

    func group(_ number: Int) -> Range<Int> { starts[number]..<starts[number + 1] }

    func contains(_ number: Int, step: Int) -> Bool {
        let range = group(number)
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if sortedSteps[middle] < step { low = middle + 1 } else { high = middle }
        }
        return low < range.upperBound && sortedSteps[low] == step
    }
}

extension DatasetValidator {
    /// Steps of a patient are 1, 2, … n, each once; every patient has one.
    /// Returns the steps by patient for `checkAdverseEvents`.
    func checkSteps(_ treatments: TableRows, patients: TableRows) -> PatientSteps {
        let stepRows = StepRows(treatments)
        let steps = groupSteps(stepRows, patients: patients)
        // Errors are sorted by line in the end, and each line here belongs
        // to one patient, so patients are taken in number order.
        // A patient id given to two rows may group two patients' steps:
        // the duplicate is the one error, reported with the patients.
        for number in 0..<patients.keys.count where !steps.group(number).isEmpty && !patients.duplicatedKeys.contains(number) {
            let group = steps.rows[steps.group(number)]
            let patientID = stepRows.patients[group.first!] ?? ""
            guard treatments.invalidOwners.isEmpty || !treatments.invalidOwners.contains(patientID) else { continue }
            checkPatientSteps(group, stepRows, patientID)
        }
        let ids = patients.table.texts(patients.table.columns.firstIndex { $0.type == .id } ?? 0)
        for (index, number) in patients.rowKeys.enumerated() where number < 0 || steps.group(number).isEmpty {
            let patientID = ids[index] ?? ""
            guard treatments.invalidOwners.isEmpty || !treatments.invalidOwners.contains(patientID) else { continue }
            fail(patients.table.fileName, patients.lines[index], patients.table.idName, "patient \(Echo.quoted(patientID)) has no treatment step in \(source(treatments.table))")
        }
        return steps
    }

    /// Groups the steps by patient; steps of unknown patients are reported with the references.
    private func groupSteps(_ treatments: StepRows, patients: TableRows) -> PatientSteps {
        var lookup = KeyLookup(patients.keys)
        var numbers = [Int](repeating: -1, count: treatments.count)
        var starts = [Int](repeating: 0, count: patients.keys.count + 1)
        for index in 0..<treatments.count {
            guard let number = lookup.number(of: treatments.patients[index] ?? "") else { continue }
            numbers[index] = number
            starts[number + 1] += 1
        }
        for number in 0..<patients.keys.count { starts[number + 1] += starts[number] }
        var next = starts
        var rows = [Int](repeating: 0, count: starts.last!)
        var sortedSteps = [Int](repeating: 0, count: starts.last!)
        for (index, number) in numbers.enumerated() where number >= 0 {
            rows[next[number]] = index
            sortedSteps[next[number]] = treatments.step(index)
            next[number] += 1
        }
        for number in 0..<patients.keys.count where starts[number + 1] - starts[number] > 1 {
            sortedSteps[starts[number]..<starts[number + 1]].sort()
        }
        return PatientSteps(starts: starts, rows: rows, sortedSteps: sortedSteps)
    }

    /// One patient's steps in file order: each once, then no gap from 1.
    private func checkPatientSteps(_ group: ArraySlice<Int>, _ treatments: StepRows, _ patientID: String) {
        let file = treatments.file
        let rows = group
        func step(_ index: Int) -> Int { treatments.step(rows[index]) }
        func line(_ index: Int) -> Int { treatments.lines[rows[index]] }
        // A patient has a few steps: look back along them, or use a
        // dictionary when there are many.
        let many = rows.count > 16
        var seen: [Int: Int] = [:]
        var duplicates = false
        for index in rows.indices {
            let earlier = many ? seen[step(index)] : (rows.startIndex..<index).first { step($0) == step(index) }.map(line)
            if let earlier {
                duplicates = true
                fail(file, line(index), treatments.stepColumn, "step \(step(index)) of patient \(Echo.quoted(patientID)) appears twice (first \(directory.earlier(file, earlier)))")
            } else if many {
                seen[step(index)] = line(index)
            }
        }
        guard !duplicates else { return }
        // With no step twice, a gap below the count means a step above it.
        guard let largest = rows.indices.lazy.map(step).max(), largest > rows.count else { return }
        let present = many ? Set(seen.keys) : []
        let gap = (1...rows.count).first { gap in many ? !present.contains(gap) : !rows.indices.contains { step($0) == gap } }!
        let next = rows.indices.filter { step($0) > gap }.min { step($0) < step($1) }!
        fail(file, line(next), treatments.stepColumn, "'\(step(next))' skips step \(gap) of patient \(Echo.quoted(patientID)) (expected consecutive steps from 1)")
    }

    func checkAdverseEvents(_ events: TableRows, patients: TableRows, treatments: TableRows, steps: PatientSteps) {
        let eventRows = StepRows(events)
        var lookup = KeyLookup(patients.keys)
        for index in 0..<eventRows.count {
            let patientID = eventRows.patients[index] ?? "", step = eventRows.step(index)
            // A patient that is not in the patient table is reported with the references.
            guard let number = lookup.number(of: patientID) else { continue }
            if !steps.contains(number, step: step) && (treatments.invalidOwners.isEmpty || !treatments.invalidOwners.contains(patientID)) {
                fail(eventRows.file, eventRows.lines[index], eventRows.stepColumn, "'\(step)' is not a step of patient \(Echo.quoted(patientID)) in \(source(treatments.table))")
            }
        }
    }
}

/// The key's first two columns of the step or event table: the patient and the step.
struct StepRows {
    let file: String
    /// The step number's column, for messages.
    let stepColumn: String?
    let patients: [String?]
    let steps: OptionalColumn<Int>
    let lines: [Int]

    init(_ rows: TableRows) {
        file = rows.table.fileName
        patients = rows.table.ownerColumn.flatMap(rows.table.index).map(rows.table.texts) ?? []
        steps = rows.table.numberColumn.flatMap(rows.table.index).map(rows.table.integers) ?? OptionalColumn()
        stepColumn = rows.table.numberColumn
        lines = rows.lines
    }

    var count: Int { lines.count }

    func step(_ index: Int) -> Int { steps[index] ?? 0 }
}
