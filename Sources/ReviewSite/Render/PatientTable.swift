/// The individual patients' data: where every figure's patient rows link to.
enum PatientTable {
    static func pages(_ facts: ReviewFacts, _ links: RowLinks, _ emit: (Page) throws -> Void) rethrows {
        var eventsByPatient: [String: [AdverseEvent]] = [:]
        for event in facts.dataset.adverseEvents { eventsByPatient[event.patientID, default: []].append(event) }
        let pages = Paging.count(facts.patients.count)
        for page in 0..<pages {
            let rows = facts.patients[(page * Paging.size)..<min(facts.patients.count, (page + 1) * Paging.size)]
            try emit(self.page(rows, facts: facts, events: eventsByPatient, links: links, page: page, of: pages))
        }
    }

    static func page(_ patients: ArraySlice<PatientFacts>, facts: ReviewFacts, events eventsByPatient: [String: [AdverseEvent]],
                     links: RowLinks, page: Int, of pages: Int) -> Page {
        var html = """
        <h1>Patients</h1>
        <p>One row per patient as extracted (see the note on where the data come from below). Treatment steps are listed in the order given.</p>
        \(Paging.navigation("patients", pages: pages, current: page))<div class="table-scroll">
        <table class="sortable patients">
        <caption>Individual data of the \(facts.patients.count) patients\(pages > 1 ? ", page \(page + 1) of \(pages)" : "")</caption>
        <thead>
        <tr><th scope="col">Patient</th><th scope="col">Study</th><th scope="col">Age</th><th scope="col">Sex</th><th scope="col">Diagnosis</th><th scope="col">Calcinosis</th><th scope="col">Sites</th><th scope="col">Largest lesion, cm</th><th scope="col">Treatment steps</th><th scope="col">Response</th><th scope="col">Pain</th><th scope="col">VAS before → after</th><th scope="col">Follow-up, months</th><th scope="col">Recurrence</th><th scope="col">Adverse events</th></tr>
        </thead>
        <tbody>

        """
        for patient in patients {
            html += row(patient, facts.steps[patient.steps], eventsByPatient[patient.id] ?? [], links)
        }
        return Page(file: Paging.file("patients", page: page), title: "Patients", body: html + "</tbody>\n</table>\n</div>", sortable: true)
    }

    private static func row(_ facts: PatientFacts, _ steps: ArraySlice<TreatmentStep>, _ events: [AdverseEvent], _ links: RowLinks) -> String {
        let patient = facts.patient
        func text(_ value: String?) -> String { Escape.html(value ?? "–") }
        let diagnosis = [patient.diagnosis?.label, patient.diagnosisDetail].compactMap { $0 }.joined(separator: ": ")
        let vas = patient.vasBefore == nil && patient.vasAfter == nil ? "–" : "\(Cells.number(patient.vasBefore)) → \(Cells.number(patient.vasAfter))"
        let stepList = steps.map { "\($0.step). \(Escape.html(Cells.step($0)))" }.joined(separator: "<br>")
        let eventList = events.map { event in
            Escape.html([event.event.label, event.transient == .yes ? "transient" : nil, event.detail].compactMap { $0 }.joined(separator: ", "))
        }
        return """
        <tr id="\(Escape.html(patient.id))"><th scope="row">\(Escape.html(patient.id))</th>\
        <td>\(links.study(patient.studyID))</td>\
        <td class="num">\(Cells.number(patient.age))</td><td>\(text(patient.sex?.rawValue))</td>\
        <td>\(text(diagnosis.isEmpty ? nil : diagnosis))</td><td>\(text(patient.ccType?.rawValue))</td>\
        <td>\(text(patient.sites.isEmpty ? nil : patient.sites.map(\.label).joined(separator: ", ")))</td>\
        <td class="num">\(Cells.number(patient.lesionCM))</td><td>\(stepList)</td>\
        <td>\(patient.response.label)</td><td>\(text(patient.painOutcome?.rawValue))</td><td class="num">\(vas)</td>\
        <td class="num">\(Cells.number(patient.followUpMonths))</td>\
        <td>\(text([patient.recurrence?.rawValue, patient.recurrenceNote].compactMap { $0 }.joined(separator: ": ").nilIfEmpty))</td>\
        <td>\(eventList.isEmpty ? "–" : eventList.joined(separator: "<br>"))</td></tr>

        """
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
