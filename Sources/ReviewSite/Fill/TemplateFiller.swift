/// Fills a Markdown template: every `{{figure.id}}` becomes the figure's text
/// linked to its entry on the catalogue page; `{{review.key}}` becomes the
/// review's metadata, escaped for Markdown. An unknown name or field is an
/// error with the template's line and column, never an empty string.
public struct TemplateFiller {
    let figures: [String: Figure]
    let review: Review
    /// The ids of charts.yaml, which `{{chart ID}}` places.
    let charts: Set<String>
    let figuresFile: String

    /// `figuresFile`: the review's figures.yaml, which a message about an unknown figure names.
    public init(figures: [Figure], review: Review, charts: [String] = [], figuresFile: String = "figures.yaml") {
        self.figures = Dictionary(figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.review = review
        self.charts = Set(charts)
        self.figuresFile = figuresFile
    }

    /// Review metadata a template may quote.
    static let reviewKeys = ["review.title", "review.authors", "review.journal", "review.year", "review.doi",
                             "review.registration", "review.databases", "review.languages", "review.imputation"]

    public func fill(_ template: String, file: String) -> Result<String, TemplateErrors> {
        let (placeholders, scanErrors) = PlaceholderScanner.scan(template, file: file)
        var errors = scanErrors
        let bytes = Array(template.utf8)
        var out = ""
        var cursor = 0
        for placeholder in placeholders {
            out += String(decoding: bytes[cursor..<placeholder.range.lowerBound], as: UTF8.self)
            cursor = placeholder.range.upperBound
            if Self.isChart(placeholder) {
                switch chartLine(placeholder, in: bytes) {
                case .success(let line): out += line
                case .failure(var problem):
                    problem.file = file
                    errors.add(problem)
                }
                continue
            }
            switch resolve(placeholder) {
            case .success(let text): out += text
            case .failure(let problem):
                errors.add(TemplateError(file: file, line: placeholder.line, column: placeholder.column, message: problem.message))
            }
        }
        out += String(decoding: bytes[cursor...], as: UTF8.self)
        return errors.isEmpty ? .success(out) : .failure(TemplateErrors(errors))
    }

    private func resolve(_ placeholder: Placeholder) -> Result<String, FillProblem> {
        if let figure = figures[placeholder.name] {
            guard let text = figure.text(placeholder.field) else {
                return .failure(FillProblem("\(Echo.quoted(placeholder.field ?? "")) is not a field of \(figure.id) (expected one of \(figure.textFields.joined(separator: ", ")))"))
            }
            // Figure text is made of numbers and `%()/–;=`, none of which opens markup inside link text.
            return .success("[\(text)](figures.html#\(Escape.fragment(figure.id)))")
        }
        if Self.reviewKeys.contains(placeholder.name) {
            guard placeholder.field == nil else {
                return .failure(FillProblem("'\(placeholder.name)' takes no field"))
            }
            return .success(Escape.markdown(reviewText(placeholder.name)))
        }
        return .failure(FillProblem("\(Echo.quoted(placeholder.name)) is not a figure of \(figuresFile) nor one of \(Self.reviewKeys.joined(separator: ", "))"))
    }

    private func reviewText(_ key: String) -> String {
        switch key {
        case "review.title": review.title
        case "review.authors": ListText.join(review.authors)
        case "review.journal": review.journal ?? "not reported"
        case "review.year": review.year.map(String.init) ?? "not reported"
        case "review.doi": review.doi ?? "not reported"
        case "review.registration": review.registration ?? "not registered"
        case "review.databases": ListText.join(review.databases)
        case "review.imputation": review.imputation == .mean
            ? "filled with the mean of the reported values (mean imputation)"
            : "left out of the statistics (no imputation)"
        default: ListText.join(review.languages)
        }
    }
}

private struct FillProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
