import FuzzSupport
import ReviewSite

// Templates: the input, decoded as UTF-8 like a template file, is filled
// with the figures and review of the default dataset (PlaceholderScanner,
// TemplateFiller). Errors are expected; traps and broken promises are not.

nonisolated(unsafe) let filler = TemplateFiller(figures: defaultReport.figures, review: defaultReport.review)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let template = text(data, size)
    switch filler.fill(template, file: "templates/results.md") {
    case .success(let filled):
        // Text without a placeholder comes out as it went in.
        if !template.contains("{{") && filled != template {
            violated("a template without placeholders changed when filled", template)
        }
    case .failure(let failure):
        if failure.errors.isEmpty { violated("a failed fill reports no error", template) }
        for error in failure.errors {
            // Every error points into the template.
            guard let line = error.line, let column = error.column, line >= 1, column >= 1 else {
                violated("error without a line and column: \(error)", template)
            }
        }
        _ = failure.description
    }
    return 0
}
