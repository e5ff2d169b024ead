import Foundation
import Testing

/// `--data .`, `data/` and `./`: the templates beside the data folder are
/// found without Foundation's path functions, which trapped on them.
@Suite("The data folder as the user types it")
struct DataFolderArgumentTests {
    @Test(arguments: [(".", "data"), ("./", "data"), ("data/", ""), ("./data/", ""), ("data//", "")])
    func theTemplatesBesideAreFound(_ data: String, _ folder: String) throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let directory = URL(fileURLWithPath: folder.isEmpty ? scratch.path : "\(scratch.path)/\(folder)")
        let result = try runReviewSite(["figures", "--data", data], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\"id\": \"studies.included\",\n      \"kind\": \"count\",\n      \"n\": 40,"))
    }
}
