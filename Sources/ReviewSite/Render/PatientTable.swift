/// The individual patients' data: where every figure's patient rows link to.
struct PatientTable: Sendable {
    let links: RowLinks

    var pageCount: Int { Paging.count(links.facts.patients.count) }

    func page(_ number: Int) -> Page {
        let facts = links.facts
        let pages = pageCount, page = number
        let patients = facts.patients[(number * Paging.size)..<min(facts.patients.count, (number + 1) * Paging.size)]
        let html = """
        <h1>Patients</h1>
        <p>One row per patient as extracted (see the note on where the data come from below). Treatment steps are listed in the order given.</p>
        \(Paging.navigation("patients", pages: pages, current: page))<div class="table-scroll">
        <table class="sortable patients">
        <caption>Individual data of the \(facts.patients.count) patients\(pages > 1 ? ", page \(page + 1) of \(pages)" : "")</caption>
        <thead>
        <tr><th scope="col">Patient</th><th scope="col">Study</th><th scope="col">Age</th><th scope="col">Sex</th><th scope="col">Diagnosis</th><th scope="col">Calcinosis</th><th scope="col">Sites</th><th scope="col">Largest lesion, cm</th><th scope="col">Treatment steps</th><th scope="col">Response</th><th scope="col">Pain</th><th scope="col">VAS before → after</th><th scope="col">Follow-up, months</th><th scope="col">Recurrence</th><th scope="col">Adverse events</th>\(facts.extraPatientColumns.headings.map { "<th scope=\"col\">\($0)</th>" }.joined())</tr>
        </thead>
        <tbody>

        """
        var rows = HTMLBytes(capacity: patients.count * 512)
        for (position, patient) in zip(patients.indices, patients) {
            Self.row(patient, facts.steps, facts.events[patient.events], links, into: &rows)
            // The codebook's extra columns, after the core ones.
            for column in facts.extraPatientColumns.cells {
                rows.raw("<td>")
                rows.raw(column[position] ?? "–")
                rows.raw("</td>")
            }
            rows.raw("</tr>\n")
        }
        return Page(file: Paging.file("patients", page: page), title: "Patients", body: html, sortable: true, rows: rows.bytes,
                    end: "</tbody>\n</table>\n</div>")
    }

    /// Reads fields through `facts` rather than copying whole Patient and
    /// TreatmentStep values, which would retain every string they hold.
    private static func row(_ facts: PatientFacts, _ steps: [TreatmentStep], _ events: ArraySlice<AdverseEvent>,
                            _ links: RowLinks, into html: inout HTMLBytes) {
        let labels = links.facts.labels
        func cell(_ value: String?) {
            html.raw("<td>")
            if let value { html.text(value) } else { html.raw("–") }
            html.raw("</td>")
        }
        func number(_ value: Double?) {
            html.raw("<td class=\"num\">")
            if let value { html.number(value) } else { html.raw("–") }
            html.raw("</td>")
        }
        /// `code: note` (diagnosis and its detail, recurrence and its note).
        func annotated(_ code: String?, _ note: String?) {
            guard let note else { return cell(code) }
            html.raw("<td>")
            if let code {
                html.raw(code)
                html.raw(": ")
            }
            html.text(note)
            html.raw("</td>")
        }
        html.raw("<tr id=\"")
        html.text(facts.patient.id)
        html.raw("\"><th scope=\"row\">")
        html.text(facts.patient.id)
        html.raw("</th><td>")
        html.raw(links.study(at: facts.study))
        html.raw("</td>")
        number(facts.patient.age)
        cell(facts.patient.sex?.rawValue)
        annotated(facts.patient.diagnosis.map(labels.html), facts.patient.diagnosisDetail)
        cell(facts.patient.ccType?.rawValue)
        if facts.patient.sites.isEmpty {
            cell(nil)
        } else {
            html.raw("<td>")
            for (index, site) in facts.patient.sites.enumerated() {
                if index > 0 { html.raw(", ") }
                html.raw(labels.html(site))
            }
            html.raw("</td>")
        }
        number(facts.patient.lesionCM)
        html.raw("<td>")
        for index in facts.steps {
            if index > facts.steps.lowerBound { html.raw("<br>") }
            html.int(steps[index].step)
            html.raw(". ")
            Cells.step(steps, index, labels, into: &html)
        }
        html.raw("</td><td>")
        html.raw(labels.html(facts.patient.response))
        html.raw("</td>")
        cell(facts.patient.painOutcome?.rawValue)
        html.raw("<td class=\"num\">")
        if facts.patient.vasBefore == nil && facts.patient.vasAfter == nil {
            html.raw("–")
        } else {
            if let value = facts.patient.vasBefore { html.number(value) } else { html.raw("–") }
            html.raw(" → ")
            if let value = facts.patient.vasAfter { html.number(value) } else { html.raw("–") }
        }
        html.raw("</td>")
        number(facts.patient.followUpMonths)
        annotated(facts.patient.recurrence?.rawValue, facts.patient.recurrenceNote)
        html.raw("<td>")
        if events.isEmpty { html.raw("–") }
        for (index, event) in events.enumerated() {
            if index > 0 { html.raw("<br>") }
            html.raw(labels.html(event.event))
            if event.transient == .yes { html.raw(", transient") }
            if let detail = event.detail {
                html.raw(", ")
                html.text(detail)
            }
        }
        html.raw("</td>")
    }
}
