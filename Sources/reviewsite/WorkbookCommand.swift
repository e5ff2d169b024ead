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
        bounds, a note on every header and a codes sheet. Put it in the dataset folder in place of the CSV \
        files: reviewsite reads it as it reads them.
        """
    )

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: ArgumentHelp("The workbook to write.", valueName: "file"))
    var out = "extraction.xlsx"

    func run() throws {
        let written: (bytes: [UInt8], sheets: Int, rows: Int)
        do {
            written = try WorkbookWriter.workbook(fromDataset: options.data)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        do {
            try Data(written.bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            printError("\(out): cannot be written (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        print("\(out): \(written.sheets) sheets, \(written.rows) rows from \(options.data)/.")
    }
}
