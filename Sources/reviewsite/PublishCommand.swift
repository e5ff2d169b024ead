import ArgumentParser
import Foundation
import ReviewSite

/// `reviewsite publish`: the supplement PDF and the Word file for the journal.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write the supplement (supplement.pdf) and the Word file (manuscript.docx) for the journal.",
        discussion: """
        Made from the same data and templates as the site: Chromium prints the supplement and pandoc writes \
        the text pages, the PRISMA diagram and the tables as a Word file. Both run without network and show \
        only the review's own files. In the output folder, publish replaces only files it wrote (or a site's).
        """
    )

    @OptionGroup var options: DataOptions

    @OptionGroup var templatesOption: TemplatesOption

    var templates: String { templatesOption.templates(for: options.data) }

    @Option(name: .long, help: ArgumentHelp("The folder to write the two files into (made when missing).", valueName: "dir"))
    var out = "site"

    func run() throws {
        do {
            let written = try Publisher(dataPath: options.data, templatesPath: templates).publish(to: out)
            print(written.joined(separator: " and ") + " written from \(options.data)/ and \(templates)/.")
        } catch {
            printError(error.description)
            if case .refused = error { throw ExitCode(2) }
            throw ExitCode(1)
        }
    }
}
