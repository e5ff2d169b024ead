import Foundation
import Testing
@testable import ReviewSite

/// DatasetLoader.readCodebook keeps the codebooks read last: a codebook
/// read again is the one reading it afresh gives, and so are its errors.
struct CodebookMemoTests {
    @Test func aCodebookReadAgainIsTheCodebookReadAfresh() throws {
        for folder in ["data", "releases/1.0/data", "examples/traineau-2019/data"] {
            let path = repositoryRoot.appendingPathComponent(folder).path
            let text = try String(contentsOfFile: "\(path)/codebook.yaml", encoding: .utf8)
            let fresh = try Codebook.read(yaml: text, file: "\(path)/codebook.yaml")
            for _ in 0..<2 {
                #expect(DatasetLoader.readCodebook(DataDirectory(path), ErrorSink()) == fresh, "\(folder)")
            }
        }
    }

    @Test func errorsReadAgainAreTheErrorsFoundAfresh() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.write("codebook.yaml", "tables:\n  patients: {}\nbogus: 1\n")
        let text = try fixture.read("codebook.yaml")
        let fresh: [String]
        do throws(CodebookErrors) {
            _ = try Codebook.read(yaml: text, file: "\(fixture.path)/codebook.yaml")
            fresh = []
        } catch {
            fresh = error.errors.map(\.dataError.description)
        }
        #expect(!fresh.isEmpty)
        for _ in 0..<2 {
            let sink = ErrorSink()
            #expect(DatasetLoader.readCodebook(DataDirectory(fixture.path), sink) == nil)
            #expect(sink.list.errors.map(\.description) == fresh)
        }
    }
}
