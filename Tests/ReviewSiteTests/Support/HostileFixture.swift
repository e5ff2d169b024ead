import Foundation

/// Text that must come out of every page literally: markup, quotes,
/// ampersands, Markdown specials, placeholders and non-Latin letters.
let hostileText = #"<script>alert("x")</script> <img src=x onerror=alert(1)> "quoted" 'single' AT&T *bold* _u_ [link](javascript:x) {{patients.total}} # Łódź 日本"#

/// The default dataset with `hostileText` in every kind of free-text cell.
func hostileFixture() throws -> DatasetFixture {
    let fixture = try DatasetFixture()
    let csv = "\"" + hostileText.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    let json = "\"" + hostileText.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    try fixture.edit("studies.csv", line: 2, "R4,4,,,,case_series", "R4,4,\(csv),,\(csv),case_series")
    try fixture.edit("patients.csv", line: 2, "limited cutaneous SSc", csv)
    try fixture.edit("patients.csv", line: 2, "bisphosphonates", csv)
    try fixture.edit("treatments.csv", line: 2, "R4-01,1,il_sts,,250,250,4,,,,,", "R4-01,1,il_sts,,250,250,4,,,,,\(csv)")
    try fixture.edit("adverse_events.csv", line: 2, "local infection treated with oral antibiotics", csv)
    try fixture.edit("review.yaml", line: 7, "databases: [PubMed, Embase, Web of Science]", "databases: [PubMed, \(json)]")
    try fixture.edit("prisma.yaml", line: 18, "reason: \"insufficient data\"", "reason: \(json)")
    var review = try fixture.read("review.yaml")
    review = review.replacingOccurrences(of: "provenance: >-\n  Reconstructed dataset.", with: "provenance: >-\n  Reconstructed dataset \(hostileText).")
    try fixture.write("review.yaml", review)
    return fixture
}
