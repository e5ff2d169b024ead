/// The individual patients' data: where every figure's patient rows link to.
struct PatientTable: Sendable {
    let links: RowLinks

    var pageCount: Int { Paging.count(links.facts.patients.count) }

    func page(_ number: Int) -> Page {
        let facts = links.facts
        let pages = pageCount, page = number
        let patients = facts.patients[(number * Paging.size)..<min(facts.patients.count, (number + 1) * Paging.size)]
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
        var rows = HTMLBytes(capacity: patients.count * 512)
        for patient in patients {
            Self.row(patient, facts.steps[patient.steps], facts.events[patient.events], links, into: &rows)
        }
        html += rows.string
        html += "</tbody>\n</table>\n</div>"
        return Page(file: Paging.file("patients", page: page), title: "Patients", body: html, sortable: true)
    }

    private static func row(_ facts: PatientFacts, _ steps: ArraySlice<TreatmentStep>, _ events: ArraySlice<AdverseEvent>,
                            _ links: RowLinks, into html: inout HTMLBytes) {
        let patient = facts.patient
        func cell(_ value: String?) {
            html.raw("<td>")
            if let value { html.text(value) } else { html.raw("–") }
            html.raw("</td>")
        }
        func number(_ value: Double?) {
            html.raw("<td class=\"num\">")
            html.raw(Cells.number(value))
            html.raw("</td>")
        }
        html.raw("<tr id=\"")
        html.text(patient.id)
        html.raw("\"><th scope=\"row\">")
        html.text(patient.id)
        html.raw("</th><td>")
        html.raw(links.study(at: facts.study))
        html.raw("</td>")
        number(patient.age)
        cell(patient.sex?.rawValue)
        switch (patient.diagnosis?.label, patient.diagnosisDetail) {
        case let (label?, detail?): cell(label + ": " + detail)
        case let (label, detail): cell(label ?? detail)
        }
        cell(patient.ccType?.rawValue)
        if patient.sites.isEmpty {
            cell(nil)
        } else {
            html.raw("<td>")
            for (index, site) in patient.sites.enumerated() {
                if index > 0 { html.raw(", ") }
                html.raw(site.label)
            }
            html.raw("</td>")
        }
        number(patient.lesionCM)
        html.raw("<td>")
        for (index, step) in steps.enumerated() {
            if index > 0 { html.raw("<br>") }
            html.int(step.step)
            html.raw(". ")
            html.text(Cells.step(step))
        }
        html.raw("</td><td>")
        html.raw(patient.response.label)
        html.raw("</td>")
        cell(patient.painOutcome?.rawValue)
        html.raw("<td class=\"num\">")
        if patient.vasBefore == nil && patient.vasAfter == nil {
            html.raw("–")
        } else {
            html.raw(Cells.number(patient.vasBefore))
            html.raw(" → ")
            html.raw(Cells.number(patient.vasAfter))
        }
        html.raw("</td>")
        number(patient.followUpMonths)
        switch (patient.recurrence?.rawValue, patient.recurrenceNote) {
        case let (value?, note?): cell(value + ": " + note)
        case let (value, note): cell(value ?? note)
        }
        html.raw("<td>")
        if events.isEmpty { html.raw("–") }
        for (index, event) in events.enumerated() {
            if index > 0 { html.raw("<br>") }
            var text = event.event.label
            if event.transient == .yes { text += ", transient" }
            if let detail = event.detail { text += ", " + detail }
            html.text(text)
        }
        html.raw("</td></tr>\n")
    }
}
