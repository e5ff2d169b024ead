import ArgumentParser
import Foundation
import ReviewSite

/// `reviewsite figures`: every figure of figures.yaml as figures.json.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Print every figure of figures.yaml, with the rows it came from, as JSON."
    )

    @OptionGroup var options: DataOptions

    @OptionGroup var templates: TemplatesOption

    func run() throws {
        let report = try loadOrExit(options.data, templates: templates.templates(for: options.data))
        // In pieces: with a million patients the JSON is hundreds of megabytes.
        FiguresJSON.write(report.figures, inPiecesOf: 1 << 20) { FileHandle.standardOutput.write(Data($0)) }
    }
}

/// `--templates DIR`: where figures.yaml (and the page templates) are.
struct TemplatesOption: ParsableArguments {
    @Option(name: [.customLong("templates")], help: ArgumentHelp("The folder of templates: figures.yaml, the Markdown templates and assets (default: the templates folder beside the data folder).", valueName: "dir"))
    var given: String?

    /// The folder given, or the one beside the data folder (`review/data` → `review/templates`).
    func templates(for data: String) -> String {
        templatesFolder(given, data: data)
    }
}

/// `--templates`, or `templates` beside the dataset folder when there is one
/// there, so that `--data my-review/data` finds `my-review/templates`.
func templatesFolder(_ given: String?, data: String) -> String {
    if let given { return given }
    // By hand: Foundation's deletingLastPathComponent traps on `.` and `data/`.
    var path = data
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    let parent: String
    if path == "." || path == ".." || path.hasSuffix("/.") || path.hasSuffix("/..") {
        parent = path + "/.."
    } else if let slash = path.lastIndex(of: "/") {
        parent = slash == path.startIndex ? "" : String(path[..<slash])
    } else {
        parent = path == "/" ? "/.." : ""
    }
    let beside = parent.isEmpty ? (path.hasPrefix("/") ? "/templates" : "templates") : "\(parent)/templates"
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: beside, isDirectory: &isFolder) && isFolder.boolValue ? beside : "templates"
}

/// Loads the dataset and computes its figures; on invalid data or figure
/// definitions prints every error and exits 1.
func loadOrExit(_ path: String, templates: String) throws -> Report {
    do {
        return try Report.load(from: path, figures: FigureFile.path(inTemplates: templates))
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}
