// The question columns' headings and the key of the questions' wording,
// when the codebook gives the checklists' questions as texts.

extension AppraisalTable {
    /// `Q1` for each question column; with the wording as its title and as
    /// text for screen readers when the codebook gives it (named by its
    /// checklist when the review has several).
    var questionHeadings: String {
        let worded = codebook.appraisal.checklists.filter { !$0.questionTexts.isEmpty }
        return (1...questions).map { number in
            let texts = worded.filter { number <= $0.questionTexts.count }
            guard !texts.isEmpty else { return "<th scope=\"col\">Q\(number)</th>" }
            let wording = codebook.appraisal.checklists.count == 1 ? texts[0].questionTexts[number - 1]
                : texts.map { "\($0.label): \($0.questionTexts[number - 1])" }.joined(separator: "; ")
            let text = Escape.html(wording)
            return "<th scope=\"col\"><abbr title=\"\(text)\">Q\(number)</abbr><span class=\"visually-hidden\"> \(text)</span></th>"
        }.joined()
    }

    /// Each worded checklist's questions, under the table.
    var questionKey: String {
        let worded = codebook.appraisal.checklists.filter { !$0.questionTexts.isEmpty }
        guard checklist != nil, !worded.isEmpty else { return "" }
        var html = "<section class=\"question-key\" aria-labelledby=\"question-key\">\n"
        html += "<h2 id=\"question-key\">The checklists' questions</h2>\n"
        for list in worded {
            html += "<h3>\(Escape.html(list.label))</h3>\n<dl>\n"
            for (index, text) in list.questionTexts.enumerated() {
                html += "<dt>Q\(index + 1)</dt><dd>\(Escape.html(text))</dd>\n"
            }
            html += "</dl>\n"
        }
        return html + "</section>\n"
    }
}
