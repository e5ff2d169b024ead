import Foundation
import Testing
@testable import ReviewSite

/// Codes are spelled as the team chooses (levels I–V, 1a/1b): letters of
/// either case. A refused code is one error, with no follow-on error about
/// the part of the codebook it belongs to.
@Suite("Codes of any case")
struct CodeCaseTests {
    static let example = repositoryRoot.appendingPathComponent("examples/traineau-2019/data").path

    /// The example's Oxford levels renamed 1a → IA … 5 → V, in the codebook and the studies.
    static let roman = [("1a", "IA"), ("1b", "IB"), ("1c", "IC"), ("2a", "IIA"), ("2b", "IIB"), ("2c", "IIC"),
                        ("3a", "IIIA"), ("3b", "IIIB"), ("\"4\"", "IV"), ("\"5\"", "V")]

    static func romanLevels(_ fixture: DatasetFixture) throws {
        try fixture.remove("published.yaml")  // its figures are the example's, not the default catalogue's
        var codebook = try fixture.read("codebook.yaml")
        for (old, new) in roman { codebook = codebook.replacingOccurrences(of: "{code: \(old), label:", with: "{code: \(new), label:") }
        try fixture.write("codebook.yaml", codebook)
        var studies = try fixture.read("studies.csv")
        for (old, new) in roman { studies = studies.replacingOccurrences(of: ",\(old.replacingOccurrences(of: "\"", with: "")),constructed", with: ",\(new),constructed") }
        try fixture.write("studies.csv", studies)
    }

    @Test func romanNumeralLevelsAreCodes() throws {
        let fixture = try DatasetFixture(from: Self.example)
        defer { fixture.delete() }
        try Self.romanLevels(fixture)
        let dataset = try loadDataset(fixture.path)
        #expect(dataset.codebook.appraisal.levels.map(\.code) == ["IA", "IB", "IC", "IIA", "IIB", "IIC", "IIIA", "IIIB", "IV", "V"])
        let studies = try #require(dataset.tables.first { $0.name == "studies" })
        let level = try #require(studies.index(of: "evidence_level"))
        let used = Set((0..<studies.count).compactMap { studies.code(level, $0) })
        #expect(used.isSubset(of: ["IA", "IB", "IC", "IIA", "IIB", "IIC", "IIIA", "IIIB", "IV", "V"]) && used.contains("IV"))
    }

    /// A lower-case cell is not the upper-case code: codes are matched exactly.
    @Test func aCodeIsMatchedExactly() throws {
        let errors = try errorsAfter(from: Self.example) { fixture in
            try Self.romanLevels(fixture)
            let studies = try fixture.read("studies.csv")
            let line = try #require(studies.split(separator: "\n").firstIndex { $0.contains(",IV,") })
            try fixture.edit("studies.csv", line: line + 1, ",IV,", ",iv,")
        }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("'iv'") == true, "\(errors)")
    }

    @Test func aRefusedLevelIsOneErrorWithoutAFollowOn() throws {
        let errors = try errorsAfter(from: Self.example) { fixture in
            try fixture.remove("published.yaml")
            try fixture.write("codebook.yaml", try fixture.read("codebook.yaml").replacingOccurrences(of: "{code: 1a, label: SR of RCTs}", with: "{code: 1-a, label: SR of RCTs}"))
        }
        #expect(errors == ["data/codebook.yaml:171:14: key 'appraisal.levels[1].code': '1-a' is not a code (expected letters, digits and _)"])
    }

    /// Every level refused: the level column is not also told that no scale was declared.
    @Test func aScaleOfRefusedCodesIsNotAMissingScale() throws {
        let errors = try errorsAfter(from: Self.example) { fixture in
            try fixture.remove("published.yaml")
            var codebook = try fixture.read("codebook.yaml")
            for (old, _) in Self.roman { codebook = codebook.replacingOccurrences(of: "{code: \(old), label:", with: "{code: \"\(old.replacingOccurrences(of: "\"", with: ""))-x\", label:") }
            try fixture.write("codebook.yaml", codebook)
        }
        #expect(errors.count == 10)
        #expect(errors.allSatisfy { $0.contains("is not a code (expected letters, digits and _)") }, "\(errors)")
    }
}
