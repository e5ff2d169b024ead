import Foundation
import Testing
@testable import ReviewSite

/// search.yaml: the review's search, source by source, for the
/// supplement's eMethods; optional, checked key by key and against prisma.yaml.
@Suite("search.yaml")
struct SearchFileTests {
    static let valid = """
    sources:
      - name: PubMed
        kind: database
        searched: 2020-08-31
        coverage: inception to August 2020
        limits: none
        records: 210
        query: |
          ("calcinosis cutis"[MeSH] OR calcinos*[tiab])
          AND (thiosulfate OR laser OR "shock wave")
      - {name: Embase, kind: database, platform: Ovid, searched: 2020-08, records: 120}
      - {name: Web of Science, kind: database, searched: "2020", records: 80}
      - {name: Reference lists, kind: other, records: 10}
    note: One reviewer searched; a second checked the strings.

    """

    @Test func aValidFileIsReadAndPrinted() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.write("search.yaml", Self.valid)
        let report = try loadReport(fixture.path, templates: templatesPath)
        let search = try #require(report.search)
        #expect(search.sources.map(\.name) == ["PubMed", "Embase", "Web of Science", "Reference lists"])
        #expect(search.sources[0].query == "(\"calcinosis cutis\"[MeSH] OR calcinos*[tiab])\nAND (thiosulfate OR laser OR \"shock wave\")")
        #expect(search.sources[1] == SearchStrategy.Source(name: "Embase", kind: .database, platform: "Ovid", searched: "2020-08", records: 120))
        #expect(search.note == "One reviewer searched; a second checked the strings.")
        let html = SupplementMethods.html(report)
        #expect(html.contains("<tr><th scope=\"row\">Embase</th><td>bibliographic database</td><td>Ovid</td><td>2020-08</td><td><span class=\"not-reported\">not reported</span></td><td><span class=\"not-reported\">not reported</span></td><td>120</td></tr>"))
        #expect(html.contains("<pre class=\"search-string\">(&quot;calcinosis cutis&quot;[MeSH] OR calcinos*[tiab])\nAND (thiosulfate OR laser OR &quot;shock wave&quot;)</pre>"))
        #expect(html.contains("<p class=\"key-title\">Embase</p>\n<p><span class=\"not-reported\">not reported</span></p>"))
        #expect(html.contains("In all, the searches of databases found 410 records and other methods 10 (eFigure 1)."))
    }

    /// Without the file, the databases review.yaml names, each detail not reported; nothing invented.
    @Test func withoutTheFileTheDatabasesAreListedAsNotReported() throws {
        let report = try loadReport(defaultDataPath)
        #expect(report.search == nil)
        let html = SupplementMethods.html(report)
        let notReported = "<td><span class=\"not-reported\">not reported</span></td>"
        #expect(html.contains("<tr><th scope=\"row\">Embase</th><td>bibliographic database</td>" + String(repeating: notReported, count: 5) + "</tr>"))
        // Citation searching gave all ten other records: prisma.yaml's count is that source's.
        #expect(html.contains("<tr><th scope=\"row\">citation searching</th><td>other method</td>" + String(repeating: notReported, count: 4) + "<td>10</td></tr>"))
        #expect(html.contains("The review's data do not describe its search source by source"))
    }

    @Test(arguments: [
        ("  - {name: Embase, kind: database, platform: Ovid, searched: 2020-08, records: 120}",
         "  - {name: Embase, kind: library, platform: Ovid, searched: 2020-08, records: 120}",
         ["data/search.yaml:11: key 'sources[2].kind': 'library' is not a kind of source (expected one of database, register, other)"]),
        ("  - {name: Embase, kind: database, platform: Ovid, searched: 2020-08, records: 120}",
         "  - {name: Embase, kind: database, platform: Ovid, searched: 31/08/2020, records: 120}",
         ["data/search.yaml:11: key 'sources[2].searched': '31/08/2020' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2020-08-31)"]),
        ("  - {name: Embase, kind: database, platform: Ovid, searched: 2020-08, records: 120}",
         "  - {name: Embase, kind: database, platform: Ovid, searched: 2020-13, records: 120}",
         ["data/search.yaml:11: key 'sources[2].searched': '2020-13' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2020-08-31)"]),
        ("  - {name: Embase, kind: database, platform: Ovid, searched: 2020-08, records: 120}",
         "  - {name: Embase, kind: database, platform: Ovid, searched: 2020-08, records: 121}",
         ["data/search.yaml:2: the records of the database sources (PubMed, Embase and Web of Science) add up to 411, but prisma.yaml's databases.records_identified is 410 (expected the same count)"]),
        ("  - {name: Embase, kind: database, platform: Ovid, searched: 2020-08, records: 120}",
         "  - {name: Embase, kind: database, platform: Ovid, searched: 2020-08, records: many, host: x}",
         ["data/search.yaml:11: key 'sources[2].host': unknown key (expected one of name, kind, platform, searched, coverage, query, limits, records)",
          "data/search.yaml:11: key 'sources[2].records': 'many' is not an integer (expected an integer ≥ 0)"]),
    ])
    func aBadEntryIsNamedAtItsLine(_ old: String, _ new: String, _ expected: [String]) throws {
        let errors = try errorsAfter { fixture in
            try fixture.write("search.yaml", Self.valid.replacingOccurrences(of: old, with: new))
        }
        #expect(errors == expected)
    }

    @Test func aFileWithoutSourcesIsRefused() throws {
        let errors = try errorsAfter { try $0.write("search.yaml", "sources: []\n") }
        #expect(errors == ["data/search.yaml:1: key 'sources': expected a list of sources, e.g. - {name: PubMed, kind: database, searched: 2020-08-31}"])
    }
}
