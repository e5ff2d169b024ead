import ArgumentParser
import Foundation
import ReviewSite

/// `reviewsite workbook`: the extraction workbook of the dataset, for the
/// team to extract into (docs/dataset.md, "The workbook").
struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Write the extraction workbook (.xlsx) from the codebook and the current rows.",
        discussion: """
        One sheet per table with a drop-down list on every code column, number checks with the codebook's \
        bounds, a note on every header and a codes sheet. The rows are read as check reads them: from the \
        dataset folder's workbook, or its CSV files. x_ columns are kept; the workbook's other sheets are \
        carried over as text (cell values only, no formatting or formulas); its codes sheet is written anew. \
        A hidden sheet, or a cell whose value has no text (a date), is refused, named, rather than dropped.

        The new workbook is written to a temporary file beside FILE, then renamed into place. It is never \
        written over the workbook it is read from, into the dataset or templates folder, or through a link, \
        even with --force; an existing file is replaced only with --force. To update the dataset's workbook, \
        write a new one elsewhere, compare, then move it in place yourself.
        """
    )

    @OptionGroup var options: DataOptions
    @OptionGroup var templates: TemplatesOption

    @Option(name: .long, help: ArgumentHelp("The workbook to write (a new file outside the dataset and templates folders).", valueName: "file"))
    var out = "extraction.xlsx"

    @Flag(name: .long, help: "Replace FILE if it exists (never the workbook read, nor a dataset or template file, nor a link).")
    var force = false

    func run() throws {
        let review: WorkbookWriter.Review
        let bytes: [UInt8]
        do {
            review = try WorkbookWriter.review(options.data)
            bytes = try WorkbookWriter.workbook(of: review, file: options.data)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        if let refusal = WorkbookOutput.refusal(out, force: force, data: options.data, templates: templatesPath,
                                                workbook: review.workbook) {
            printError(refusal)
            throw ExitCode(2)
        }
        do {
            try WorkbookOutput.write(bytes, to: out, replace: force)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        print("\(out): \(review.sheetCount) sheets, \(review.rowCount) rows from \(review.source).")
    }

    private var templatesPath: String { templates.templates(for: options.data) }
}
