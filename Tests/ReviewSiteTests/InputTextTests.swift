import Foundation
import Testing
@testable import ReviewSite

/// What the text of the dataset may hold, and messages that name the real
/// cause of a file that cannot be read as text.
@Suite("Input text and its messages")
struct InputTextTests {
    static let control = "contains a control character"
    static let text = "(expected text without control characters; tab and line breaks are allowed)"
    static let id = "(expected an id without control characters)"
    static let utf16 = "the file is saved as UTF-16 (expected UTF-8: save it again as UTF-8, e.g. \"CSV UTF-8\" in a spreadsheet)"
    static let crOnly = "the lines end with a carriage return (CR) alone, as in old Mac files (expected LF or CRLF line endings: save it again with Unix or Windows line endings)"

    static let echoes: [ValidationCase] = [
        ValidationCase(name: "a long bad code is cut", change: { try $0.edit("patients.csv", line: 17, ",f,", ",\(String(repeating: "x", count: 200)),") },
                       expected: ["data/patients.csv:17: column 'sex': '\(String(repeating: "x", count: 80))…' is not one of f, m (empty when not reported)"]),
        ValidationCase(name: "an ESC in a bad code is shown escaped", change: { try $0.edit("patients.csv", line: 17, ",f,", ",f\u{1B}[31m,") },
                       expected: ["data/patients.csv:17: column 'sex': 'f\\u{1B}[31m' is not one of f, m (empty when not reported)"]),
        ValidationCase(name: "a header name is escaped", change: { try $0.edit("adverse_events.csv", line: 1, "detail", "de\u{1B}tail") },
                       expected: ["data/adverse_events.csv:1: column 'de\\u{1B}tail': unknown column (expected one of patient_id, step, event, transient, detail; a column whose name starts with x_ is ignored)"]),
        ValidationCase(name: "a long unknown YAML key is cut", change: { try $0.edit("review.yaml", line: 4, "year:", "\(String(repeating: "y", count: 100)): 1\nyear:") },
                       expected: ["data/review.yaml:4: key '\(String(repeating: "y", count: 80))…': unknown key (expected one of title, authors, journal, year, doi, registration, databases, languages, provenance, imputation)"]),
    ]

    static let controls: [ValidationCase] = [
        ValidationCase(name: "ESC in a CSV text cell", change: { try $0.edit("patients.csv", line: 2, "limited cutaneous", "limited\u{1B}[2J cutaneous") },
                       expected: ["data/patients.csv:2: column 'diagnosis_detail': \(control) (U+001B) \(text)"]),
        ValidationCase(name: "a C1 control in a CSV text cell", change: { try $0.edit("studies.csv", line: 2, "R4,4,,,,case_series", "R4,4,,,a\u{85}b,case_series") },
                       expected: ["data/studies.csv:2: column 'title': \(control) (U+0085) \(text)"]),
        ValidationCase(name: "a bidi override in a CSV text cell", change: { try $0.edit("adverse_events.csv", line: 2, "local infection", "local \u{202E}infection") },
                       expected: ["data/adverse_events.csv:2: column 'detail': \(control) (U+202E) \(text)"]),
        ValidationCase(name: "a CR alone inside a quoted cell", change: { try $0.edit("adverse_events.csv", line: 2, "local infection treated with oral antibiotics", "\"local\rinfection\"") },
                       expected: ["data/adverse_events.csv:2: column 'detail': \(control) (U+000D) \(text)"]),
        ValidationCase(name: "tab and line break are allowed", change: { try $0.edit("adverse_events.csv", line: 2, "local infection treated with oral antibiotics", "\"local\tinfection\nnext line\"") },
                       expected: []),
        ValidationCase(name: "an escaped ESC in a YAML string", change: { try $0.edit("review.yaml", line: 1, "title: \"Local,", "title: \"Local,\\e") },
                       expected: ["data/review.yaml:1: key 'title': \(control) (U+001B) \(text)"]),
        ValidationCase(name: "an escaped BEL in a YAML list item", change: { try $0.edit("review.yaml", line: 7, "Embase", "\"Em\\abase\"") },
                       expected: ["data/review.yaml:7: key 'databases[2]': \(control) (U+0007) \(text)"]),
        ValidationCase(name: "an escaped CR in a YAML string", change: { try $0.edit("prisma.yaml", line: 17, "\"patients reported", "\"patients\\rreported") },
                       expected: ["data/prisma.yaml:17: key 'databases.reports_excluded[1].reason': \(control) (U+000D) \(text)"]),
        ValidationCase(name: "a raw ESC in a YAML file", change: { try $0.edit("review.yaml", line: 5, "doi: 10", "doi: \u{1B}10") },
                       expected: ["data/review.yaml:5: \(control) (U+001B) \(text)"]),
    ]

    static let encodings: [ValidationCase] = [
        ValidationCase(name: "a byte-order mark in YAML is accepted", change: { fixture in
            try fixture.writeBytes("review.yaml", [0xEF, 0xBB, 0xBF] + Array(try fixture.read("review.yaml").utf8))
        }, expected: []),
        ValidationCase(name: "UTF-16 CSV with a byte-order mark", change: { fixture in
            let text = try fixture.read("studies.csv")
            try fixture.writeBytes("studies.csv", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        }, expected: ["data/studies.csv: \(utf16)"]),
        ValidationCase(name: "UTF-16 YAML without a byte-order mark", change: { fixture in
            let text = try fixture.read("published.yaml")
            try fixture.writeBytes("published.yaml", text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        }, expected: ["data/published.yaml: \(utf16)"]),
        ValidationCase(name: "CR-only lines in CSV", change: { fixture in
            try fixture.write("adverse_events.csv", try fixture.read("adverse_events.csv").replacingOccurrences(of: "\n", with: "\r"))
        }, expected: ["data/adverse_events.csv: \(crOnly)"]),
        ValidationCase(name: "CR-only lines in YAML", change: { fixture in
            try fixture.write("prisma.yaml", try fixture.read("prisma.yaml").replacingOccurrences(of: "\n", with: "\r"))
        }, expected: ["data/prisma.yaml: \(crOnly)"]),
    ]

    static let ids: [ValidationCase] = [
        ValidationCase(name: "a patient_id of spaces", change: { try $0.edit("patients.csv", line: 2, "R4-01,R4,", "   ,R4,") },
                       expected: ["data/patients.csv:2: column 'patient_id': '   ' is only spaces (expected a value)",
                                  "data/treatments.csv:2: column 'patient_id': 'R4-01' is not a patient_id of patients.csv"]),
        ValidationCase(name: "a study_id with an ESC", change: { try $0.edit("risk_of_bias.csv", line: 3, "R4,2,yes", "R\u{1B}4,2,yes") },
                       expected: ["data/risk_of_bias.csv:3: column 'study_id': \(control) (U+001B) \(id)",
                                  "data/studies.csv:2: column 'rob_tool': study 'R4' has no answer in risk_of_bias.csv for question 2 of jbi_case_series"]),
        ValidationCase(name: "a patient_id with a tab", change: { try $0.edit("treatments.csv", line: 2, "R4-01,1,", "\"R4-01\t\",1,") },
                       expected: ["data/patients.csv:2: column 'patient_id': patient 'R4-01' has no treatment step in treatments.csv",
                                  "data/treatments.csv:2: column 'patient_id': \(control) (U+0009) \(id)"]),
    ]

    static let review: [ValidationCase] = [
        ValidationCase(name: "no authors", change: { try $0.edit("review.yaml", line: 2, "[Joanna Nowaczyk, Michał Zawistowski, Piotr Fiedor]", "[]") },
                       expected: ["data/review.yaml:2: key 'authors': is an empty list (expected at least one author)"]),
        ValidationCase(name: "an author of spaces", change: { try $0.edit("review.yaml", line: 2, "Joanna Nowaczyk", "\"  \"") },
                       expected: ["data/review.yaml:2: key 'authors[1]': expected text"]),
        ValidationCase(name: "a year before 1900", change: { try $0.edit("review.yaml", line: 4, "2021", "1850") },
                       expected: ["data/review.yaml:4: key 'year': '1850' is out of range (expected an integer from 1900 to 2100)"]),
        ValidationCase(name: "a year with a typo", change: { try $0.edit("review.yaml", line: 4, "2021", "20211") },
                       expected: ["data/review.yaml:4: key 'year': '20211' is out of range (expected an integer from 1900 to 2100)"]),
    ]

    @Test(arguments: echoes + controls + encodings + ids + review)
    func rule(_ rule: ValidationCase) throws {
        #expect(try errorsAfter(rule.change) == rule.expected)
    }

    /// A Windows file's quoted line break is a line break of the value, without its CR.
    @Test func aQuotedCRLFIsReadAsALineBreak() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("adverse_events.csv", line: 2, "local infection treated with oral antibiotics", "\"local infection\ntreated with oral antibiotics\"")
        try fixture.write("adverse_events.csv", try fixture.read("adverse_events.csv").replacingOccurrences(of: "\n", with: "\r\n"))
        let dataset = try loadDataset(fixture.path)
        let events = try #require(dataset.table("adverse_events"))
        #expect(events.text(try #require(events.index(of: "detail")), 0) == "local infection\ntreated with oral antibiotics")
    }
}
