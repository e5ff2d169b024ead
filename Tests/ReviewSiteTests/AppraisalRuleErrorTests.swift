import Foundation
import Testing
@testable import ReviewSite

/// A tool's colours, roles, judgements and overall rule are checked where
/// the codebook writes them (Fixtures/tools/codebook.yaml, edited).
@Suite("Appraisal rule errors")
struct AppraisalRuleErrorTests {
    static let codebook = (try? String(contentsOfFile: AppraisalToolsTests.data + "/codebook.yaml", encoding: .utf8)) ?? ""

    static let cases: [CodebookCase] = [
        CodebookCase("a colour by name", "colour: \"#B2182B\"", "colour: red",
                     ["codebook.yaml:119:63: key 'appraisal.checklists.rob2.judgements.high.colour': 'red' is not a colour (expected #rrggbb, e.g. #0072b2)"]),
        CodebookCase("CSS after a colour", "colour: \"#56B4E9\"", "colour: \"#56b4e9;background:url(x)\"",
                     ["codebook.yaml:127:78: key 'appraisal.checklists.nos.answers.no_star.colour': '#56b4e9;background:url(x)' is not a colour (expected #rrggbb, e.g. #0072b2)"]),
        CodebookCase("a worst rule names an unknown answer", "high: [high]}", "high: [hihg]}",
                     ["codebook.yaml:121:68: key 'appraisal.checklists.rob2.overall.worst': 'hihg' is not an answer of rob2 (expected one of low, some_concerns, high)"]),
        CodebookCase("a worst rule names an unknown judgement", "some_concerns: [some_concerns]", "concerns: [some_concerns]",
                     ["codebook.yaml:121:29: key 'appraisal.checklists.rob2.overall.worst': 'concerns' is not a judgement of rob2 (expected one of low, some_concerns, high)"]),
        CodebookCase("an answer under two judgements", "worst: {low: [low],", "worst: {low: [low, high],",
                     ["codebook.yaml:121:74: key 'appraisal.checklists.rob2.overall.worst.high': answer 'high' is already judged low (expected each answer under one judgement)"]),
        CodebookCase("a score rule without a middle judgement", "        - {code: fair, label: fair quality, short: fair}\n", "",
                     ["codebook.yaml:131:25: key 'appraisal.checklists.nos.overall.score': this rule gives a best, a middle and a worst judgement, but nos has 2 (good, poor)"]),
        CodebookCase("low_from below high_below", "low_from: 7", "low_from: 3",
                     ["codebook.yaml:132:45: key 'appraisal.checklists.nos.overall.low_from': 3 is below high_below 5 (expected low_from ≥ high_below)"]),
        CodebookCase("negative points", "score: {star: 1}", "score: {star: -1}",
                     ["codebook.yaml:132:31: key 'appraisal.checklists.nos.overall.score.star': '-1' is not a number of points (expected a number ≥ 0)"]),
        CodebookCase("a role with met", "short: \"*\", role: met}", "short: \"*\", role: met, met: yes}",
                     ["codebook.yaml:126:60: key 'appraisal.checklists.nos.answers.star.met': give role or met, not both"]),
        CodebookCase("an unknown role", "short: \"-\", role: not_met,", "short: \"-\", role: unmet,",
                     ["codebook.yaml:127:61: key 'appraisal.checklists.nos.answers.no_star.role': 'unmet' is not a role (expected met, not_met or not_applicable)"]),
        CodebookCase("a worst rule with thresholds", "      overall:\n        worst:", "      overall:\n        high_below: 50\n        worst:",
                     ["codebook.yaml:121:9: key 'appraisal.checklists.rob2.overall.high_below': a worst rule takes no high_below (expected worst alone)"]),
    ]

    @Test func theFixturesCodebookReads() throws {
        let codebook = try Codebook.read(yaml: Self.codebook, file: "codebook.yaml")
        let rob2 = try #require(codebook.appraisal.checklist("rob2"))
        #expect(rob2.overall == .worst(["low": "low", "some_concerns": "some_concerns", "high": "high"]))
        #expect(rob2.judgements.map(\.colour) == [nil, nil, "#b2182b"])
        let nos = try #require(codebook.appraisal.checklist("nos"))
        #expect(nos.overall == .score(points: ["star": 1], lowFrom: 7, highBelow: 5))
        #expect(nos.answers.map(\.met) == [true, false] && nos.answers.map(\.colour) == [nil, "#56b4e9"])
        #expect(codebook.appraisal.checklist("jbi_case_report")?.overall == .share(lowAbove: 75, highBelow: 50))
        #expect(codebook.appraisal.answers.map(\.code) == ["low", "some_concerns", "high", "star", "no_star", "yes", "no", "unclear", "not_applicable"])
    }

    @Test(arguments: cases)
    func badRule(_ test: CodebookCase) {
        var text = Self.codebook
        for (old, new) in test.edits {
            precondition(text.components(separatedBy: old).count == 2, "'\(old)' is not in the tools codebook exactly once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        #expect(codebookErrors(text) == test.expected)
    }
}
