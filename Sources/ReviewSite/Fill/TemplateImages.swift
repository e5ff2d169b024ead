import Foundation

/// The images a text page shows must be files the site carries: a file of
/// the templates folder (copied with the site) or a diagram the build
/// draws. An address elsewhere (`/proc/self/environ`, `http://…`) would be
/// read or fetched when the supplement is printed and embedded in it, and
/// on the site it is an image that a reader's browser fetches from
/// another server.
enum TemplateImages {
    /// The images of one template's text (as written, before it is filled)
    /// that the site may carry, and a located error for each other.
    static func check(_ text: String, file: String, folder: String, generated: Set<String>) -> (names: [String], errors: [TemplateError]) {
        var names: [String] = [], errors: [TemplateError] = []
        for image in Markdown.images(text) {
            let target = image.target
            func fail(_ why: String) {
                errors.append(TemplateError(file: file, line: image.line, column: image.column, message: "image \(Echo.quoted(target)) \(why)"))
            }
            if generated.contains(target) { continue }
            if target.isEmpty || target.contains(":") || target.hasPrefix("//") {
                fail("is not a file of the templates folder (expected a relative path such as images/logo.png; the site and the supplement show only their own files)")
            } else if let problem = TemplateAssets.pathProblem(target) {
                fail(problem)
            } else {
                switch RegularFile.opened(target, in: folder) {
                case .success(let opened):
                    close(opened.descriptor)
                    names.append(target)
                case .failure(let problem):
                    fail("cannot be shown: \(folder)/\(target) \(problem.message(inputs: "the templates"))")
                }
            }
        }
        return (names, errors)
    }
}
