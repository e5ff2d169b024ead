import Testing
@testable import ReviewSite

/// The pages take the words for codes from the dataset's codebook, escaped,
/// and show the codebook's extra columns of patients.csv after the core ones
/// (before the tables that refer to a patient).
@Suite("Labels and extra columns from the codebook")
struct CodebookLabelsTests {
    @Test func labelsComeFromTheCodebook() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("codebook.yaml", line: 102, "label: systemic sclerosis", "label: \"SSc <systemic>\"")
        try fixture.edit("codebook.yaml", line: 135, "short: IL-STS", "short: intralesional")
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        #expect(site["patients.html"]!.contains("<td>SSc &lt;systemic&gt;</td><td class=\"wide\">limited cutaneous SSc</td>"))
        #expect(site["table-1.html"]!.contains("SSc &lt;systemic&gt;"))
        #expect(!site["table-1.html"]!.contains("systemic sclerosis"))
        #expect(site["patients.html"]!.contains("<td class=\"wide\">Step 1: intralesional, 250 mg/ml, 250 mg, 4 sessions"))
    }

    @Test func extraColumnsFollowTheCoreOnesOnThePatientsPage() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("codebook.yaml", line: 56, "label: Recurrence note}",
                         "label: Recurrence note}\n    extra:\n      - {column: ulcer_healed, type: yes/no, label: \"Ulcer healed & <dry>\"}")
        try fixture.write("patients.csv", try fixture.read("patients.csv").replacingOccurrences(of: "\n", with: ",\n"))
        try fixture.edit("patients.csv", line: 1, "recurrence_note,", "recurrence_note,ulcer_healed")
        try fixture.edit("patients.csv", line: 2, "12,no,,", "12,no,,yes")
        let dataset = try loadDataset(fixture.path)
        #expect(dataset.table("patients")?.columns.last?.isExtra == true)
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        let page = site["patients.html"]!
        #expect(page.contains("<th scope=\"col\">Recurrence note</th><th scope=\"col\">Ulcer healed &amp; &lt;dry&gt;</th><th scope=\"col\">Treatments</th><th scope=\"col\">Adverse events</th></tr>"))
        let first = try #require(page.components(separatedBy: "<tr id=\"R4-01\">").last?.components(separatedBy: "\n").first)
        #expect(first.contains("<td>no</td><td class=\"wide\">–</td><td>yes</td><td class=\"wide\">Step 1: "))
        let second = try #require(page.components(separatedBy: "<tr id=\"R4-02\">").last?.components(separatedBy: "\n").first)
        #expect(second.contains("<td class=\"wide\">–</td><td>–</td><td class=\"wide\">Step 1: "))
    }
}
