import Foundation
import Testing
@testable import ReviewSite

/// The site offers the dataset files as the build read them, copied from
/// the folder in pieces rather than kept in memory: a file changed between
/// reading and writing fails the build instead of publishing other data.
@Suite("The dataset downloads")
struct DatasetDownloadTests {
    @Test func theDownloadsAreTheFilesAsRead() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        // The fixture has no search.yaml: an optional file the dataset lacks is not offered.
        #expect(site.files["data/search.yaml"] == nil)
        let files = SiteBuilder.datasetFiles(try loadReport(defaultDataPath).codebook)
        #expect(files.count == 10)
        for file in files where file != "search.yaml" {
            let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(defaultDataPath)/\(file)")))
            #expect(site.files["data/\(file)"] == original, "\(file)")
        }
    }

    @Test(arguments: [("append", "patients.csv"), ("same size", "studies.csv"), ("shorter", "review.yaml")])
    func aFileChangedSinceItWasReadFailsTheBuild(change: String, file: String) throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        let report = try loadReport(fixture.path)
        var text = try fixture.read(file)
        switch change {
        case "append": text += "\n"
        case "same size":
            let index = text.firstIndex(of: "a")!
            text.replaceSubrange(index...index, with: "b")
        default: text.removeLast(5)
        }
        try fixture.write(file, text)
        let how = change == "same size" ? "its bytes are not those that were read"
            : "\(try fixture.read(file).utf8.count + (change == "append" ? -1 : 5)) bytes were read, \(text.utf8.count) are there now"
        do {
            _ = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build(report)
            Issue.record("the build went on with \(file) changed")
        } catch {
            #expect(error.description == "\(fixture.path)/\(file) changed while the site was being built (\(how)): build again")
        }
    }

    /// The hash that checks a copy is the same whether the bytes come whole or in pieces of any size.
    @Test func theHashOfPiecesIsTheHashOfTheWhole() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 63, 64, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = ByteHash(bytes)
            for _ in 0..<20 {
                var hash = ByteHash()
                var start = 0
                while start < length {
                    let end = min(length, start + Int.random(in: 1...17, using: &generator))
                    bytes[start..<end].withUnsafeBytes { hash.add($0) }
                    start = end
                }
                #expect(hash.value == whole.value && hash.length == length)
            }
            if length > 0 {
                var changed = bytes
                changed[length / 2] ^= 1
                #expect(ByteHash(changed).value != whole.value)
                #expect(ByteHash(bytes + [0]).value != whole.value)
            }
        }
    }
}
